using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Feeds;

/// <summary>A feed before it is written: what it is about, the page it mirrors, and its papers, newest listing first.</summary>
/// <param name="PagePath">The HTML page the feed follows (its <c>alternate</c> link).</param>
/// <param name="AtomPath">The feed's own path and query as Atom; <paramref name="JsonPath"/> as JSON Feed.</param>
public sealed record FeedView(string Title, string Subtitle, string PagePath, string AtomPath, string JsonPath, IReadOnlyList<PaperCard> Papers);

/// <summary>The home page's feed: the papers of the latest few digests, in two keyed reads plus their authors.</summary>
public static class FeedQuery
{
    /// <summary>Digests in the latest feed: a working week, so a reader who checks weekly misses nothing.</summary>
    public const int LatestDays = 5;

    public static async Task<List<PaperCard>> LatestAsync(PapersDbContext db, CancellationToken cancellationToken)
    {
        // The newest days by a search of the date index from the latest date down (SQLite's one-step max), then their
        // listings by the (DayId, Position) index: never a scan or sort of the archive.
        var days = await db.Days.Where(d => d.Date <= db.Days.Max(x => x.Date)).OrderByDescending(d => d.Date).Take(LatestDays)
            .Select(d => new { d.Id, d.Date }).ToListAsync(cancellationToken);
        if (days.Count == 0)
        {
            return [];
        }

        var ids = days.Select(d => d.Id).ToList();
        var rows = await db.Appearances.Where(a => ids.Contains(a.DayId)).Select(PaperCards.FromAppearance).ToListAsync(cancellationToken);
        // Newest day first, each in its digest's order; a paper listed on two of these days appears once, at its newest.
        var ordered = rows.OrderByDescending(r => r.Date).ThenBy(r => r.Position).DistinctBy(r => r.PaperId).ToList();
        return await PaperCards.WithAuthorsAsync(db, ordered, cancellationToken);
    }
}
