using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Papers;

/// <param name="Position">The paper's place in that day's digest, in the digest's own order.</param>
public sealed record PaperAppearance(DateOnly Date, int? Votes, int Position);

/// <summary>A paper beside this one in its latest day's digest.</summary>
public sealed record PaperNeighbour(string ArxivId, string Title, DateOnly Date, int Position);

/// <param name="Previous">The paper before this one in its latest day's digest order; null for the first.</param>
/// <param name="Next">The paper after it; null for the last.</param>
/// <param name="Similar">The papers whose titles and summaries are closest to this one's, closest first (computed at ingest).</param>
public sealed record PaperView(
    PaperCard Paper, int? ArxivVersion, IReadOnlyList<PaperAppearance> Appearances, IReadOnlyList<PaperCard> MoreByTheseAuthors,
    IReadOnlyList<PaperCard> Similar, PaperNeighbour? Previous = null, PaperNeighbour? Next = null)
{
    public string BibTex => Papers.BibTex.For(Paper, ArxivVersion);
}

/// <summary>
/// A paper page in six round trips: the paper, its listings, the papers beside it that day, the papers sharing its
/// authors, its similar papers (stored at ingest, read by key), and all their authors.
/// </summary>
public static class PaperQuery
{
    public static async Task<PaperView?> LoadAsync(PapersDbContext db, ArxivId id, CancellationToken cancellationToken)
    {
        // A paper whose listings a running ingest is replacing has no latest date for a moment: it is not served then.
        var found = await db.Papers.Where(p => p.ArxivId == id.Value && p.LatestDate != null)
            .Select(p => new { Row = new CardRow(p.Id, p.ArxivId, p.Title, p.TitleHtml, p.LatestDate ?? DateOnly.MinValue, p.TopVotes, null, p.ThumbnailUrl, p.VideoUrl, p.VideoPosterUrl, p.SummaryMarkdown, p.SummaryHtml, p.SummaryText, p.AuthorsTruncated), p.ArxivVersion })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var paperId = found.Row.PaperId;
        var listings = await db.Appearances.Where(a => a.PaperId == paperId)
            .OrderByDescending(a => a.Day!.Date)
            .Select(a => new { a.DayId, Appearance = new PaperAppearance(a.Day!.Date, a.Votes, a.Position) })
            .ToListAsync(cancellationToken);
        if (listings.Count == 0)
        {
            // A running ingest replaced its listings between the two reads.
            return null;
        }

        var appearances = listings.Select(l => l.Appearance).ToList();

        // Positions in a day run 1, 2, 3…: the neighbours are the listings just before and after, by the day's index.
        var latest = listings[0];
        var (dayId, position) = (latest.DayId, latest.Appearance.Position);
        var neighbours = await db.Appearances
            .Where(a => a.DayId == dayId && (a.Position == position - 1 || a.Position == position + 1))
            .Select(a => new PaperNeighbour(a.Paper!.ArxivId, a.Title, latest.Appearance.Date, a.Position))
            .ToListAsync(cancellationToken);

        // Papers sharing the most authors with this one: the six with the most links to its authors, read from the author index.
        var authorIds = db.PaperAuthors.Where(pa => pa.PaperId == paperId).Select(pa => pa.AuthorId);
        var relatedIds = db.PaperAuthors
            .Where(pa => pa.PaperId != paperId && authorIds.Contains(pa.AuthorId))
            .GroupBy(pa => pa.PaperId)
            .Select(g => new { PaperId = g.Key, Shared = g.Count() })
            .OrderByDescending(x => x.Shared).ThenByDescending(x => x.PaperId)
            .Take(6)
            .Select(x => x.PaperId);
        var relatedRows = await db.Papers.Where(p => relatedIds.Contains(p.Id) && p.LatestDate != null).Select(PaperCards.FromPaper).ToListAsync(cancellationToken);

        // The similar papers in the order stored, from the list's primary key; a paper removed meanwhile is left out.
        var similarRows = await db.SimilarPapers.Where(s => s.PaperId == paperId)
            .Join(db.Papers.Where(p => p.LatestDate != null), s => s.SimilarPaperId, p => p.Id, (s, p) => new { s.Rank, Paper = p })
            .OrderBy(x => x.Rank)
            .Select(x => x.Paper)
            .Select(PaperCards.FromPaper)
            .ToListAsync(cancellationToken);

        var cards = await PaperCards.WithAuthorsAsync(db, [found.Row, .. relatedRows, .. similarRows], cancellationToken);
        var card = cards[0];
        var similar = cards.Skip(1 + relatedRows.Count).ToList();
        var slugs = card.Authors.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var more = cards.Skip(1).Take(relatedRows.Count)
            .OrderByDescending(c => c.Authors.Count(a => slugs.Contains(a.Slug)))
            .ThenByDescending(c => c.Date)
            .ThenBy(c => c.ArxivId, StringComparer.Ordinal)
            .ToList();
        return new PaperView(
            card, found.ArxivVersion, appearances, more, similar, neighbours.SingleOrDefault(n => n.Position < position), neighbours.SingleOrDefault(n => n.Position > position));
    }
}
