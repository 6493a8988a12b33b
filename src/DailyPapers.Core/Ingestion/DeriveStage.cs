using System.Data.Common;
using System.Globalization;
using DailyPapers.Core.Data;
using DailyPapers.Core.Search;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// The derive stage: what is computed from the stored papers. The search row is written with the paper's content, in
/// its batch. Similar papers and term counts (with the rising terms) are owed by each batch (<see cref="Mark"/>, in
/// its transaction, so a run stopped after it leaves them owed) and settled once at the end of the run
/// (<see cref="Settle"/>), so a full ingest scores each paper and counts each period once. Each is fed the terms the
/// read stage cut (<see cref="PaperTerms"/>); only a paper whose content this run did not read (marks a stopped run
/// left) is read back.
/// </summary>
internal sealed class DeriveStage : IDisposable
{
    private readonly SearchIndex _search;
    private readonly TermCounts _counts;
    private readonly SqlDialect _sql;
    // What the read stage cut of each paper whose content this run set, for the settle: its term counts for similar
    // papers, and its terms that may rise (their strings shared between papers).
    private readonly Dictionary<int, TermDocument> _documents = [];
    private readonly Dictionary<int, IReadOnlyDictionary<string, string>> _trendTerms = [];
    private readonly HashSet<string> _termPool = new(StringComparer.Ordinal);

    /// <summary>
    /// Papers whose terms a run keeps for its settle: a paper's are about 2.5 KB, so an archive's whole first ingest
    /// (126,803 papers at ×100) would hold 320 MB until its end. Past this many, the settle reads the others' text back
    /// and cuts it again, 4,096 papers at a time, as it does for a stopped run's marks: memory stays bounded, and an
    /// ordinary ingest (a day, a week, the whole real archive) never reaches it.
    /// </summary>
    internal const int DocumentsKept = 16_384;

    private readonly StageClock _clock;

    public DeriveStage(DbConnection connection, SqlDialect sql, StageClock clock)
    {
        _sql = sql;
        _clock = clock;
        _search = new SearchIndex(connection);
        _counts = new TermCounts(connection);
    }

    public bool TakesVectors => _search.TakesVectors;

    /// <summary>A paper's content was set (<paramref name="isNew"/>: it had none): its search row follows, its terms are kept for the settle.</summary>
    public void ContentSet(DbTransaction transaction, int paperId, bool isNew, PaperTerms terms)
    {
        using var _ = _clock.In(IngestStage.Derive);
        _search.Put(transaction, paperId, isNew, terms.Search);
        Keep(paperId, terms);
    }

    /// <summary>Keeps what the settle takes of a paper: while the run holds fewer than <see cref="DocumentsKept"/> papers' terms.</summary>
    private void Keep(int paperId, PaperTerms terms)
    {
        if (_documents.Count < DocumentsKept || _documents.ContainsKey(paperId))
        {
            _documents[paperId] = terms.Document;
            _trendTerms[paperId] = TermDictionary.Of(terms.TrendTerms, _termPool);
        }
    }

    /// <summary>Papers stored for the first time: their search rows, their terms kept for the settle.</summary>
    public void FirstContentSet(DbTransaction transaction, IReadOnlyList<(int PaperId, PaperTerms Terms)> papers)
    {
        using var _ = _clock.In(IngestStage.Derive);
        // A statement per search row: a row's tokens are long, and one JSON parameter of many cost more to write and read.
        foreach (var (paperId, terms) in papers)
        {
            _search.Put(transaction, paperId, isNew: true, terms.Search);
            Keep(paperId, terms);
        }
    }

    /// <summary>Papers gone from the database: their search rows go with them.</summary>
    public void Removed(DbTransaction transaction, IReadOnlyCollection<int> paperIds)
    {
        using var _ = _clock.In(IngestStage.Derive);
        _search.Delete(transaction, paperIds);
        foreach (var id in paperIds)
        {
            _documents.Remove(id);
            _trendTerms.Remove(id);
        }
    }

    /// <summary>Writes what the search index holds back (PostgreSQL's copied rows and vocabulary): before each commit.</summary>
    public void Flush(DbTransaction transaction)
    {
        using var _ = _clock.In(IngestStage.Derive);
        _search.Flush(transaction);
    }

    /// <summary>What search relevance reads of the whole archive (its average field lengths), at the run's end.</summary>
    public void KeepSearchStatistics(DbTransaction transaction)
    {
        using var _ = _clock.In(IngestStage.Derive);
        RelevanceStore.Keep(transaction);
    }

    /// <summary>
    /// Marks the batch's papers and the weeks and months of its days as owing their similar papers and term counts, in
    /// the batch's transaction.
    /// </summary>
    public void Mark(DbTransaction transaction, IReadOnlyCollection<int> papers, IReadOnlyCollection<DateOnly> days)
    {
        if (papers.Count == 0 && days.Count == 0)
        {
            return;
        }

        using var _ = _clock.In(IngestStage.Derive);
        transaction.Execute($"INSERT INTO PendingSimilarity (PaperId) {_sql.Ids("@ids")} WHERE true ON CONFLICT DO NOTHING", ("@ids", Sql.IdList(papers)));
        var periods = TermCounts.PeriodsOf(days);
        transaction.Execute(
            $"INSERT INTO PendingTermCounts (Period, Start) SELECT {_sql.Int("value ->> 0")}, {_sql.Date("value ->> 1")} FROM {_sql.Rows("@periods")} WHERE true ON CONFLICT DO NOTHING",
            ("@periods", JsonRows.Of(periods, static (json, p) =>
            {
                json.WriteNumberValue((int)p.Period);
                json.WriteStringValue(p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            })));
    }

    /// <summary>Papers a stopped run marked: the store stage settles their content and existence with this run's.</summary>
    public static List<int> MarkedPapers(DbConnection connection, DbTransaction? transaction) =>
        connection.Query(transaction, "SELECT PaperId FROM PendingSimilarity", r => r.GetInt32(0));

    /// <summary>
    /// Whether an earlier run stopped before settling what it marked, or the similarity index is empty while papers
    /// are stored (a database from before it, or one whose index an upgrade dropped), or relevance's averages are not
    /// kept (a database from before them).
    /// </summary>
    public static bool HasPending(DbConnection connection, DbTransaction? transaction) =>
        connection.Number(transaction, $"""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM PendingSimilarity) OR EXISTS (SELECT 1 FROM PendingTermCounts)
                OR (NOT EXISTS (SELECT 1 FROM SimilarityDocuments) AND EXISTS (SELECT 1 FROM Papers))
                OR (NOT EXISTS (SELECT 1 FROM Meta WHERE Key = '{RelevanceStore.LengthsKey}') AND EXISTS (SELECT 1 FROM Papers)) THEN 1 ELSE 0 END
            """) == 1;

    /// <summary>
    /// Brings similar papers and term counts up to date for everything marked (by this run, or by one stopped before
    /// its end), inside the run's last transaction, and clears the marks with it. Returns the tags of what changed.
    /// </summary>
    public IEnumerable<string> Settle(DbTransaction transaction, IReadOnlyCollection<int> papers)
    {
        using var _ = _clock.In(IngestStage.Derive);
        var periods = transaction.Query("SELECT Period, Start FROM PendingTermCounts", r => ((TermPeriod)r.GetInt32(0), r.GetFieldValue<DateOnly>(1)));
        // Similar-paper lists follow the settled content; pages showing a rewritten list are evicted with it.
        var tags = SimilarPapers.Update(transaction, papers, _documents).Select(ChangeTags.Paper).ToList();
        _counts.Refresh(transaction, periods, _trendTerms);
        if (periods.Count > 0)
        {
            // Rising terms are shown on listings; a settle-only run (or one whose last batch wrote nothing) logs this.
            tags.Add(ChangeTags.Terms);
        }

        transaction.Execute("DELETE FROM PendingSimilarity");
        transaction.Execute("DELETE FROM PendingTermCounts");
        return tags;
    }

    public void Dispose()
    {
        _search.Dispose();
        _counts.Dispose();
    }
}
