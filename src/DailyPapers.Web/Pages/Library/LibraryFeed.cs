using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Feeds;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Library;

/// <summary>
/// A library's private feed, <c>/feeds/libraries/{key}.atom</c> and <c>.json</c>: its follows' papers of the last
/// <see cref="WindowDays"/> days of digests and the recommendations among the papers of those days, newest first, in the
/// entries every public feed writes (<see cref="FeedWriter"/>). Private like every library answer; a wrong key is 404.
/// </summary>
internal static class LibraryFeed
{
    public const string Route = "feed-library";

    /// <summary>A feed reader keeps what it has read: the feed holds a window of days, not "since the last visit".</summary>
    public const int WindowDays = 30;

    public static void MapLibraryFeed(this IEndpointRouteBuilder app) =>
        app.MapGroup(LibraryPaths.Feeds).AddEndpointFilter(Infrastructure.OpenConnectionFilter.ForEndpoint).ExcludeFromDescription()
            .MapRead("/{key}.{format:regex(^(atom|json)$)}", Feed).WithName(Route);

    public static FeedLink Link(string key) => new("내 서재", Route, new Dictionary<string, object?> { ["key"] = key });

    public static async Task<IResult> Feed(string key, string format, PapersDbContext db, FeedContext feed, CancellationToken ct)
    {
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return Api.NotFound("No library has this key.");
        }

        var latest = await db.Days.OrderByDescending(d => d.Date).Select(d => (DateOnly?)d.Date).FirstOrDefaultAsync(ct) ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var since = latest.AddDays(-WindowDays);
        var followed = await LibraryFollows.NewAsync(db, id, since, ct);
        var recommended = (await LibraryStore.RecommendAsync(db, id, null, ct, LibraryStore.FeedRecommendationCount)).Select(r => r.Paper).Where(p => p.Date > since);
        var papers = followed.Papers.Select(p => p.Paper).Concat(recommended)
            .DistinctBy(p => p.ArxivId, StringComparer.Ordinal)
            .OrderByDescending(p => p.Date).ThenByDescending(p => p.ArxivId, StringComparer.Ordinal)
            .ToList();
        return feed.Write(
            "DailyPapers: 내 서재",
            $"팔로우한 저자와 검색의 최근 {WindowDays}일 논문, 그리고 서재와 비슷한 새 논문",
            LibraryApi.PagePath(key),
            Link(key),
            papers,
            format);
    }
}
