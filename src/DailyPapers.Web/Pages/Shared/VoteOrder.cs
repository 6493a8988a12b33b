using DailyPapers.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Shared;

/// <summary>The order of every by-votes listing, the same on both providers.</summary>
internal static class VoteOrder
{
    /// <summary>
    /// Most votes first, then the latest listing, then the arXiv id; papers without recorded votes (the early digests)
    /// last. SQLite sorts NULL below every number, so its plain descending order puts them last and walks the
    /// (TopVotes, LatestDate, ArxivId) index; PostgreSQL sorts NULL above, so there the order says so, and walks the
    /// index made for that order (migration VoteOrderIndex).
    /// </summary>
    public static IOrderedQueryable<Paper> ByVotes(this IQueryable<Paper> papers, PapersDbContext db) =>
        (db.Database.IsNpgsql()
            ? papers.OrderBy(p => p.TopVotes == null).ThenByDescending(p => p.TopVotes)
            : papers.OrderByDescending(p => p.TopVotes))
        .ThenByDescending(p => p.LatestDate).ThenBy(p => p.ArxivId);
}
