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
        foreach (var (arxivId, at) in best)
        {
            var (_, listing, _, _, terms) = _held[at];
            if (!_paperIds.TryGetValue(arxivId, out var paperId))
            {
                paperId = _insertPaper.Insert(transaction, [arxivId, listing.DayId, .. listing.Values()]);
                _paperIds[arxivId] = paperId;
                _contentDays[paperId] = listing.DayId;
                _authors.Link(transaction, paperId, listing.Authors);
                _derive.ContentSet(transaction, paperId, isNew: true, terms);
                _totals.Touch([paperId]);
                continue;
            }

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

        foreach (var (arxivId, listing, position, votes, _) in _held)
        {
            object?[] row = [listing.DayId, _paperIds[arxivId], position, votes, System.Text.Json.JsonSerializer.Serialize(listing.Authors), .. listing.Values()];
            if (_copyListings is not null)
            {
                _copyListings.Add(row);
            }
            else
            {
                _insertListing.Execute(transaction, row);
            }
        }

        // What follows (listing columns, counts, deletions) reads the listings and the links.
        _copyListings?.Flush(transaction);
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
        _authors.Link(transaction, paperId, listing.Authors);
        _derive.ContentSet(transaction, paperId, isNew: false, terms!);
        _contentDays[paperId] = dayId;
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
