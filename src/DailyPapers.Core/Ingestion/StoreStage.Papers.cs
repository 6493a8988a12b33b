using System.Data.Common;
using DailyPapers.Core.Data;
using DailyPapers.Core.Search;

namespace DailyPapers.Core.Ingestion;

internal sealed partial class StoreStage
{
    /// <summary>
    /// Writes the batch's held listings. Each paper they name, and each stored paper that lost a listing, takes its best
    /// listing (<see cref="ListingRank.Beats"/>) among the held ones and those stored (ranked without reading their
    /// content): a new paper is inserted with it, a stored one updated when it is not the listing it already shows,
    /// and only then are the listings written. Nothing is written to be read back and rewritten.
    /// </summary>
    private void WriteHeld(DbTransaction transaction)
    {
        if (_held.Count == 0 && _relisted.Count == 0)
        {
            return;
        }

        Recall(transaction);

        // The best held listing of each paper, by arXiv id.
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _held.Count; i++)
        {
            var arxivId = _held[i].ArxivId;
            if (!best.TryGetValue(arxivId, out var at) || _held[i].Listing.Rank.Beats(_held[at].Listing.Rank))
            {
                best[arxivId] = i;
            }
        }

        // Stored papers' stored listings, ranked: the held ones are not written yet, those of replaced days are gone.
        var stored = new HashSet<int>(_relisted);
        foreach (var arxivId in best.Keys)
        {
            if (_paperIds.TryGetValue(arxivId, out var id))
            {
                stored.Add(id);
            }
        }

        var storedBest = BestStored(transaction, stored);
        var fresh = best.Keys.Where(a => !_paperIds.ContainsKey(a)).ToHashSet(StringComparer.Ordinal);
        InsertPapers(transaction, [.. fresh.Select(a => _held[best[a]])]);
        foreach (var (arxivId, at) in best)
        {
            if (fresh.Contains(arxivId))
            {
                continue;
            }

            var (_, listing, _, _, terms) = _held[at];
            var paperId = _paperIds[arxivId];

            _relisted.Remove(paperId);
            if (storedBest.TryGetValue(paperId, out var rank) && !listing.Rank.Beats(rank))
            {
                // A stored listing stays the best: the paper shows it (read back only if it is not the one it shows).
                Show(transaction, paperId, rank.DayId, null, null);
            }
            else
            {
                Show(transaction, paperId, listing.DayId, listing, terms);
            }

            _totals.Touch([paperId]);
        }

        foreach (var paperId in _relisted)
        {
            if (storedBest.TryGetValue(paperId, out var rank))
            {
                Show(transaction, paperId, rank.DayId, null, null);
            }
        }

        InsertListings(transaction);

        // What follows (listing columns, counts, deletions) reads the listings and the links.
        _authors.Flush(transaction);
        _held.Clear();
        _relisted.Clear();
    }

    /// <summary>
    /// Makes a stored paper show the listing of day <paramref name="dayId"/>, unless it already does: its columns, its
    /// author links and its derived rows follow. A stored listing (<paramref name="listing"/> null) is read back and
    /// cut here: the one case where this run did not read the paper's text (its listing went with a replaced file).
    /// </summary>
    private void Show(DbTransaction transaction, int paperId, int dayId, Listing? listing, PaperTerms? terms)
    {
        if (_contentDays.GetValueOrDefault(paperId) == dayId)
        {
            return;
        }

        if (listing is null)
        {
            listing = transaction.Query(
                $"SELECT {Listing.ReadColumns} FROM Appearances a JOIN Days d ON d.Id = a.DayId WHERE a.DayId = @day AND a.PaperId = @paper",
                Listing.Read, ("@day", dayId), ("@paper", paperId))[0];
            terms = PaperTerms.Cut(listing.Title, listing.SummaryMarkdown, listing.Authors, _derive.TakesVectors);
        }

        _updatePaper.Execute(transaction, [dayId, .. listing.Values(), paperId]);
        _authors.Unlink(transaction, paperId);
        _authors.Link(paperId, listing.Authors);
        _derive.ContentSet(transaction, paperId, isNew: false, terms!);
        _contentDays[paperId] = dayId;
    }

    /// <summary>Reads the ids and shown days of the batch's stored papers this run has not met yet, by key.</summary>
    private void Recall(DbTransaction transaction)
    {
        var unknown = _held.Select(h => h.ArxivId).Where(a => !_paperIds.ContainsKey(a)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in unknown.Chunk(KeysPerStatement))
        {
            Remember(transaction.Query(
                $"SELECT Id, ArxivId, ContentDayId FROM Papers WHERE ArxivId IN ({_sql.Texts("@ids")})",
                Row, ("@ids", System.Text.Json.JsonSerializer.Serialize(chunk))));
        }

        foreach (var chunk in _relisted.Where(id => !_contentDays.ContainsKey(id)).Chunk(KeysPerStatement))
        {
            Remember(transaction.Query($"SELECT Id, ArxivId, ContentDayId FROM Papers WHERE Id IN ({_sql.Ids("@ids")})", Row, ("@ids", Sql.IdList(chunk))));
        }

        static (int Id, string ArxivId, int? ContentDay) Row(DbDataReader r) => (r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2));
    }

    private void Remember(List<(int Id, string ArxivId, int? ContentDay)> papers)
    {
        foreach (var (id, arxivId, contentDay) in papers)
        {
            _paperIds[arxivId] = id;
            _contentDays[id] = contentDay;
        }
    }

    // Keys bound in one JSON parameter per statement.
    private const int KeysPerStatement = 4096;

    /// <summary>Stores papers seen for the first time, each with its best held listing, many to a statement.</summary>
    private void InsertPapers(DbTransaction transaction, List<(string ArxivId, Listing Listing, int Position, int? Votes, PaperTerms Terms)> fresh)
    {
        var derived = new List<(int PaperId, PaperTerms Terms)>(fresh.Count);
        foreach (var chunk in fresh.Chunk(RowsPerStatement))
        {
            var rows = JsonRows.Of(chunk, (json, p) =>
            {
                json.WriteStringValue(p.ArxivId);
                json.WriteNumberValue(p.Listing.DayId);
                p.Listing.Write(json);
            });
            var ids = transaction.Query(
                $"INSERT INTO Papers (ArxivId, ContentDayId, {string.Join(", ", Listing.Columns)}) SELECT value ->> 0, {_sql.Int("value ->> 1")}, {Listing.Fields(_sql, 2)} FROM {_sql.Rows("@rows")} RETURNING Id, ArxivId",
                r => (Id: r.GetInt32(0), ArxivId: r.GetString(1)), ("@rows", rows)).ToDictionary(p => p.ArxivId, p => p.Id, StringComparer.Ordinal);
            foreach (var (arxivId, listing, _, _, terms) in chunk)
            {
                var paperId = ids[arxivId];
                _paperIds[arxivId] = paperId;
                _contentDays[paperId] = listing.DayId;
                _authors.Link(paperId, listing.Authors);
                derived.Add((paperId, terms));
            }
        }

        _derive.FirstContentSet(transaction, derived);
        _totals.Touch(derived.Select(p => p.PaperId));
    }

    /// <summary>Writes the held listings, many to a statement (on PostgreSQL by <c>COPY</c>).</summary>
    private void InsertListings(DbTransaction transaction)
    {
        if (_copyListings is not null)
        {
            foreach (var (arxivId, listing, position, votes, _) in _held)
            {
                _copyListings.Add([listing.DayId, _paperIds[arxivId], position, votes, System.Text.Json.JsonSerializer.Serialize(listing.Authors), .. listing.Values()]);
            }

            _copyListings.Flush(transaction);
            return;
        }

        foreach (var chunk in _held.Chunk(RowsPerStatement))
        {
            transaction.Execute(
                $"INSERT INTO Appearances (DayId, PaperId, Position, Votes, Authors, {string.Join(", ", Listing.Columns)}) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, {Listing.Fields(_sql, 5)} FROM {_sql.Rows("@rows")}",
                ("@rows", JsonRows.Of(chunk, (json, h) =>
                {
                    json.WriteNumberValue(h.Listing.DayId);
                    json.WriteNumberValue(_paperIds[h.ArxivId]);
                    json.WriteNumberValue(h.Position);
                    if (h.Votes is { } votes)
                    {
                        json.WriteNumberValue(votes);
                    }
                    else
                    {
                        json.WriteNullValue();
                    }

                    json.WriteStringValue(System.Text.Json.JsonSerializer.Serialize(h.Listing.Authors));
                    h.Listing.Write(json);
                })));
        }
    }

    /// <summary>The best stored listing of each of these papers, ranked from its flags and date alone.</summary>
    private Dictionary<int, ListingRank> BestStored(DbTransaction transaction, HashSet<int> papers)
    {
        var best = new Dictionary<int, ListingRank>();
        if (papers.Count == 0)
        {
            return best;
        }

        var rows = transaction.Query(
            $"""
            SELECT a.PaperId, a.DayId, d.Date, CASE WHEN a.SummaryMarkdown <> '' THEN 1 ELSE 0 END, CASE WHEN a.Authors <> '[]' THEN 1 ELSE 0 END
            FROM Appearances a JOIN Days d ON d.Id = a.DayId
            WHERE a.PaperId IN ({_sql.Ids("@ids")})
            """,
            r => (PaperId: r.GetInt32(0), Rank: new ListingRank(r.GetInt32(1), r.GetFieldValue<DateOnly>(2), r.GetInt32(3) == 1, r.GetInt32(4) == 1)),
            ("@ids", Sql.IdList(papers)));
        foreach (var (paperId, rank) in rows)
        {
            if (!best.TryGetValue(paperId, out var current) || rank.Beats(current))
            {
                best[paperId] = rank;
            }
        }

        return best;
    }
}
