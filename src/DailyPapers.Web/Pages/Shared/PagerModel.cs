namespace DailyPapers.Web.Pages.Shared;

public sealed record PagerModel(int Page, int PageCount, Func<int, string> Url)
{
    /// <summary>
    /// A page's URL with <c>?page=N</c> added: Razor Pages keeps the route value named <c>page</c> for the page's own name,
    /// so the page number cannot travel as a route value.
    /// </summary>
    public static string WithPage(string url, int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(url, "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
