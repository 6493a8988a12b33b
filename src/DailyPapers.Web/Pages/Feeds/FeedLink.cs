using Microsoft.AspNetCore.Routing;

namespace DailyPapers.Web.Pages.Feeds;

/// <summary>
/// A page's feed, named by its route and values: the layout offers it in the page head (<c>rel="alternate"</c>, Atom and
/// JSON Feed) and pages show it as a visible link, both made by the router from these.
/// </summary>
/// <param name="Title">What the feed reader shows; empty where the feed names itself.</param>
public sealed record FeedLink(string Title, string Route, IReadOnlyDictionary<string, object?>? Values = null)
{
    public static FeedLink Latest() => new("DailyPapers 최신 논문", FeedsApi.LatestRoute);

    public static FeedLink Day(string date) => new($"{date} 논문", FeedsApi.DayRoute, new Dictionary<string, object?> { ["date"] = date });

    public static FeedLink Author(string slug, string name = "") => new($"{name}의 논문", FeedsApi.AuthorRoute, new Dictionary<string, object?> { ["slug"] = slug });

    public static FeedLink Search(string query) => new($"'{query}' 검색", FeedsApi.SearchRoute, new Dictionary<string, object?> { ["q"] = query });

    public static FeedLink Top(string period, string date, string label = "") => new($"{label} 인기 논문", FeedsApi.TopRoute, new Dictionary<string, object?> { ["period"] = period, ["date"] = date });

    public RouteValueDictionary WithFormat(string format) => new(Values ?? new Dictionary<string, object?>()) { ["format"] = format };
}
