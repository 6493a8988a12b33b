using System.Globalization;
using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Authors;
using DailyPapers.Web.Pages.Days;
using DailyPapers.Web.Pages.Search;
using DailyPapers.Web.Pages.Shared;
using DailyPapers.Web.Pages.Top;
using Microsoft.Net.Http.Headers;

namespace DailyPapers.Web.Pages.Feeds;

/// <summary>
/// Atom and JSON feeds of what the pages list: <c>/feeds/latest</c> (the home page), <c>/feeds/days/{date}</c>,
/// <c>/feeds/authors/{slug}</c>, <c>/feeds/search?q=</c> (newest first), <c>/feeds/top?period=&amp;date=</c>,
/// <c>/feeds/weeks/{2024-W05}</c> and <c>/feeds/months/{2024-02}</c> (the first page of the period, by votes), each
/// as <c>.atom</c> or <c>.json</c>. They answer conditional GETs (ETag, Last-Modified) with 304 and are cached and evicted
/// like the pages they follow.
/// </summary>
internal static class FeedsApi
{
    private const string Format = "{format:regex(^(atom|json)$)}";

    // Route names: pages link their feeds by these (FeedLink), never by a written path.
    public const string LatestRoute = "feed-latest";
    public const string DayRoute = "feed-day";
    public const string AuthorRoute = "feed-author";
    public const string SearchRoute = "feed-search";
    public const string TopRoute = "feed-top";
    public const string WeekRoute = "feed-week";
    public const string MonthRoute = "feed-month";

    public static void MapFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").AddEndpointFilter(OpenConnectionFilter.ForEndpoint).ExcludeFromDescription();
        feeds.MapRead("/latest." + Format, Latest).WithName(LatestRoute);
        feeds.MapRead("/days/{date}." + Format, Day).WithName(DayRoute);
        feeds.MapRead("/authors/{slug}." + Format, Author).WithName(AuthorRoute);
        feeds.MapRead("/search." + Format, Search).WithName(SearchRoute);
        feeds.MapRead("/top." + Format, Top).WithName(TopRoute);
        feeds.MapRead("/weeks/{week}." + Format, Week).WithName(WeekRoute);
        feeds.MapRead("/months/{month}." + Format, Month).WithName(MonthRoute);
    }

    public static async Task<IResult> Latest(string format, PapersDbContext db, FeedContext feed, CancellationToken ct)
    {
        var papers = await FeedQuery.LatestAsync(db, ct);
        return feed.Write(
            "DailyPapers: 최신 논문",
            $"Hugging Face Daily Papers의 한국어 요약, 최근 다이제스트 {FeedQuery.LatestDays}일치",
            feed.PagePath("/Index"),
            FeedLink.Latest(),
            papers,
            format);
    }

    public static async Task<IResult> Day(string date, string format, PapersDbContext db, FeedContext feed, CancellationToken ct)
    {
        if (!DateParameter.TryParse(date, out var day))
        {
            return Api.BadParameter("date", $"'{ParameterText.Shorten(date)}' is not a date; use YYYY-MM-DD.");
        }

        var view = await DayQuery.LoadAsync(db, day, ct);
        if (view is null)
        {
            return Api.NotFound($"No digest for {Links.Iso(day)}.");
        }

        PageCache.Tag(feed.Http, view);
        var iso = Links.Iso(day);
        return feed.Write($"DailyPapers: {iso} 논문", $"{iso} 다이제스트의 논문 {view.PaperCount}편, 다이제스트에 실린 순서", feed.PagePath("/Days/Day", new { date = iso }), FeedLink.Day(iso), view.Papers, format);
    }

    public static async Task<IResult> Author(string slug, string format, PapersDbContext db, FeedContext feed, CancellationToken ct)
    {
        var view = slug.Length <= 200 ? await AuthorQuery.LoadAsync(db, slug, ct, withSummary: false) : null;
        if (view is null)
        {
            return Api.NotFound($"No author has the slug '{ParameterText.Shorten(slug)}'.");
        }

        PageCache.Tag(feed.Http, view);
        return feed.Write($"DailyPapers: {view.Name}의 논문", $"{view.Name}의 논문 {view.PaperCount}편 중 최신 {view.Papers.Count}편", feed.PagePath("/Authors/Author", new { slug = view.Slug }), FeedLink.Author(view.Slug), view.Papers, format);
    }

    public static async Task<IResult> Search(string? q, string format, PapersDbContext db, FeedContext feed, CancellationToken ct)
    {
        if (!SearchParameters.TryParse(q, null, "newest", null, null, null, null, out var request, out var error))
        {
            return Api.BadParameter(error.Parameter, error.Detail);
        }

        var view = await SearchQuery.SearchAsync(db, request, ct);
        return feed.Write(
            $"DailyPapers: '{view.Query}' 검색",
            $"'{view.Query}'에 맞는 논문, 최신 순 {view.Results.Count}편 (모두 {view.TotalText})",
            feed.PagePath("/Search/Index", new { q = view.Query }),
            FeedLink.Search(view.Query),
            [.. view.Results.Select(r => r.Paper)],
            format);
    }

    public static async Task<IResult> Top(string? period, string? date, string format, PapersDbContext db, FeedContext feed, CancellationToken ct)
    {
        if (!TopParameters.TryParse(period, date, null, out var request, out var error))
        {
            return Api.BadParameter(error.Parameter, error.Detail);
        }

        var view = await TopQuery.LoadAsync(db, request.Period, request.Date, 1, ct);
        if (view is null)
        {
            return Api.NotFound("Nothing has been ingested yet.");
        }

        var kind = view.Range.Period.ToString().ToLowerInvariant();
        var anchor = Links.Iso(view.Anchor);
        return feed.Write(
            $"DailyPapers: {view.Range.Label} 인기 논문",
            $"{view.Range.Label} 추천 수가 많은 논문 {view.Papers.Count}편",
            feed.PagePath("/Top/Index", new { period = kind, date = anchor }),
            FeedLink.Top(kind, anchor),
            view.Papers,
            format);
    }

    public static Task<IResult> Week(string week, string format, PapersDbContext db, FeedContext feed, CancellationToken ct) =>
        PeriodAsync(week, null, format, db, feed, ct);

    public static Task<IResult> Month(string month, string format, PapersDbContext db, FeedContext feed, CancellationToken ct) =>
        PeriodAsync(null, month, format, db, feed, ct);

    /// <summary>A week's or a month's feed: the first page of its page, its most voted papers.</summary>
    private static async Task<IResult> PeriodAsync(string? week, string? month, string format, PapersDbContext db, FeedContext feed, CancellationToken ct)
    {
        if (!PeriodParameter.TryParse(week, month, out var range, out var error))
        {
            return Api.BadParameter(error.Parameter, error.Detail);
        }

        var view = await PeriodQuery.LoadAsync(db, range, 1, ct);
        if (view.Days.Count == 0)
        {
            return Api.NotFound($"No digest in {view.Key}.");
        }

        var page = view.Range.Period == Period.Week ? feed.PagePath("/Days/Period", new { week = view.Key }) : feed.PagePath("/Days/Period", new { month = view.Key });
        return feed.Write(
            $"DailyPapers: {range.Label} 논문",
            $"{range.Label} 다이제스트 {view.Days.Count}일의 논문 {view.PaperCount}편 가운데 추천 수가 많은 {view.Papers.Count}편",
            page,
            FeedLink.Period(view),
            view.Papers,
            format);
    }
}

/// <summary>What every feed handler needs to write its answer: the request, the public origin and the routes of the pages.</summary>
internal sealed class FeedContext(IHttpContextAccessor accessor, PublicOrigin origin, LinkGenerator links)
{
    public HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("A feed is written inside a request.");

    public string PagePath(string page, object? values = null) =>
        links.GetPathByPage(Http, page, values: values) ?? throw new InvalidOperationException($"No route to {page}.");

    /// <summary>A feed's path in a format ("atom" or "json"), made from its route.</summary>
    public string FeedPath(FeedLink link, string format) =>
        links.GetPathByRouteValues(Http, link.Route, link.WithFormat(format)) ?? throw new InvalidOperationException($"No route {link.Route}.");

    /// <summary>The feed in its format, with Last-Modified; 304 when the client's copy is as new (If-Modified-Since, when no ETag was sent).</summary>
    public IResult Write(string title, string subtitle, string pagePath, FeedLink link, IReadOnlyList<PaperCard> papers, string format)
    {
        var http = Http;
        var feed = new FeedView(title, subtitle, pagePath, FeedPath(link, "atom"), FeedPath(link, "json"), papers);
        var updated = FeedWriter.Updated(feed);
        http.Response.Headers.LastModified = updated.ToString("R", CultureInfo.InvariantCulture);
        var request = http.Request.GetTypedHeaders();
        if (request.IfNoneMatch.Count == 0 && request.IfModifiedSince is { } since && updated <= since)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var root = origin.For(http);
        string PaperPath(string id) => PagePath("/Papers/Paper", new { id });
        return format == "json"
            ? TypedResults.Text(FeedWriter.Json(feed, root, PaperPath), FeedWriter.JsonType)
            : TypedResults.Text(FeedWriter.Atom(feed, root, PaperPath), FeedWriter.AtomType);
    }
}
