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

    public static FeedLink Week(string week, string label = "") => new($"{label} 논문", FeedsApi.WeekRoute, new Dictionary<string, object?> { ["week"] = week });

    public static FeedLink Month(string month, string label = "") => new($"{label} 논문", FeedsApi.MonthRoute, new Dictionary<string, object?> { ["month"] = month });

    /// <summary>The feed of a week's or a month's page.</summary>
    public static FeedLink Period(DailyPapers.Web.Pages.Days.PeriodView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Range.Period == DailyPapers.Web.Pages.Top.Period.Week ? Week(view.Key, view.Range.Label) : Month(view.Key, view.Range.Label);
    }

    public RouteValueDictionary WithFormat(string format) => new(Values ?? new Dictionary<string, object?>()) { ["format"] = format };
}
