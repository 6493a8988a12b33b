using System.Data.Common;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// The columns listings sort and page by, kept by the store stage for the rows a run touched, so no step walks the
/// archive: a paper's latest date and top votes, an author's paper count, vote total and most used spelling, and the
/// archive's paper and author totals. Only papers and authors the run touched can have lost their last listing or paper.
/// </summary>
internal sealed class ListingTotals : IDisposable
{
    /// <summary>A paper's id, top votes and latest date (<c>PaperConfiguration</c>): what an author's totals read of each paper.</summary>
    internal const string PaperTotalsIndex = "IX_Papers_Id_TopVotes_LatestDate";

    private readonly SqlDialect _sql;
    private readonly AuthorRows _authors;
    private readonly Statement _refreshPapers;
    private readonly Statement _refreshAuthors;

    public ListingTotals(DbConnection connection, SqlDialect sql, AuthorRows authors)
    {
        _sql = sql;
        _authors = authors;
        _refreshPapers = connection.Prepare(
            $"""
            UPDATE Papers SET
                LatestDate = (SELECT MAX(d.Date) FROM Appearances a JOIN Days d ON d.Id = a.DayId WHERE a.PaperId = Papers.Id),
                TopVotes = (SELECT MAX(a.Votes) FROM Appearances a WHERE a.PaperId = Papers.Id)
            WHERE Id IN ({sql.Ids("@ids")})
            """,
            "@ids");
        _refreshAuthors = connection.Prepare(RefreshAuthorsSql(sql), "@ids");
    }

    /// <summary>
    /// An author's paper count, vote total and most used spelling, for the authors in <c>@ids</c>: each read along
    /// indexes alone (their links by author, each paper's votes and date by id), never a paper's row.
    /// </summary>
    internal static string RefreshAuthorsSql(SqlDialect sql) =>
        $"""
        UPDATE Authors SET
            PaperCount = (SELECT COUNT(*) FROM PaperAuthors pa WHERE pa.AuthorId = Authors.Id),
            VoteCount = (SELECT COALESCE(SUM(p.TopVotes), 0) FROM PaperAuthors pa JOIN Papers p {sql.IndexedBy(PaperTotalsIndex)} ON p.Id = pa.PaperId WHERE pa.AuthorId = Authors.Id),
            Name = COALESCE((
                SELECT pa.Name FROM PaperAuthors pa JOIN Papers p {sql.IndexedBy(PaperTotalsIndex)} ON p.Id = pa.PaperId WHERE pa.AuthorId = Authors.Id
                GROUP BY pa.Name ORDER BY COUNT(*) DESC, MAX(p.LatestDate) DESC, pa.Name LIMIT 1), Name)
        WHERE Id IN ({sql.Ids("@ids")})
        """;

    /// <summary>Papers whose listings the batch changed.</summary>
    public HashSet<int> Batch { get; } = [];

    /// <summary>Papers the run touched (and those a stopped run marked): the only ones that can have lost their last listing.</summary>
    public HashSet<int> Run { get; } = [];

    public void Touch(IEnumerable<int> papers)
    {
        foreach (var id in papers)
        {
            Batch.Add(id);
            Run.Add(id);
        }
    }

    /// <summary>Brings the batch's papers' and authors' columns up to date.</summary>
    public void Refresh(DbTransaction transaction)
    {
        if (Batch.Count > 0)
        {
            var papers = Sql.IdList(Batch);
            _refreshPapers.Execute(transaction, papers);
            // An author's vote total follows their papers' best votes, which a new listing can raise without a relink.
            foreach (var authorId in transaction.Query($"SELECT AuthorId FROM PaperAuthors WHERE PaperId IN ({_sql.Ids("@ids")})", r => r.GetInt32(0), ("@ids", papers)))
            {
                _authors.Touch(authorId);
            }
        }

        if (_authors.Batch.Count > 0)
        {
            _refreshAuthors.Execute(transaction, Sql.IdList(_authors.Batch));
        }
    }

    /// <summary>
    /// Drops the papers no day lists any more and the authors of no paper, among those the run touched; their tags join
    /// <paramref name="tags"/>. Returns the papers dropped.
    /// </summary>
    public List<int> RemoveUnreferenced(DbTransaction transaction, HashSet<string> tags)
    {
        var papers = Sql.IdList(Run);
        // Their authors lose a paper, or the paper goes with them: either way their counts change.
        foreach (var authorId in transaction.Query($"SELECT AuthorId FROM PaperAuthors WHERE PaperId IN ({_sql.Ids("@ids")})", r => r.GetInt32(0), ("@ids", papers)))
        {
            _authors.Touch(authorId);
        }

        var gone = transaction.Query(
            $"DELETE FROM Papers WHERE Id IN ({_sql.Ids("@ids")}) AND NOT EXISTS (SELECT 1 FROM Appearances a WHERE a.PaperId = Papers.Id) RETURNING Id, ArxivId",
            r => (Id: r.GetInt32(0), ArxivId: r.GetString(1)), ("@ids", papers));
        tags.UnionWith(gone.Select(p => ChangeTags.Paper(p.ArxivId)));
        var goneAuthors = transaction.Query(
            $"DELETE FROM Authors WHERE Id IN ({_sql.Ids("@ids")}) AND NOT EXISTS (SELECT 1 FROM PaperAuthors pa WHERE pa.AuthorId = Authors.Id) RETURNING Id, Slug",
            r => (Id: r.GetInt32(0), Slug: r.GetString(1)), ("@ids", Sql.IdList(_authors.Run)));
        tags.UnionWith(goneAuthors.Select(a => ChangeTags.Author(a.Slug)));
        _authors.Unindex(transaction, goneAuthors.Select(a => a.Id));
        return [.. gone.Select(p => p.Id)];
    }

    /// <summary>The all-time ranking and the author list page through every row; they read these totals instead of counting.</summary>
    public static void StoreTotals(DbTransaction transaction)
    {
        transaction.Execute("INSERT INTO Meta (Key, Value) SELECT 'PaperCount', CAST(COUNT(*) AS TEXT) FROM Papers WHERE true ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value");
        transaction.Execute("INSERT INTO Meta (Key, Value) SELECT 'AuthorCount', CAST(COUNT(*) AS TEXT) FROM Authors WHERE true ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value");
    }

    public void Dispose()
    {
        _refreshPapers.Dispose();
        _refreshAuthors.Dispose();
    }
}
