using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;

namespace DailyPapers.Web.Pages.Shared;

/// <summary>
/// The links every paper card repeats (its paper, its day, each of its authors), made from the pages' routes once per
/// request and filled in per card. A listing of fifty cards holds some five hundred of them: generating each through
/// the anchor tag helper cost a day page a third of its throughput. The addresses are the router's own (a placeholder
/// value routed once, then replaced with each value encoded as the router encodes a path segment), so they cannot
/// drift from the <c>@page</c> routes; LinkCrawlTests follows every one.
/// </summary>
public sealed class CardLinks
{
    private const string Placeholder = "__value__";
    private static readonly object Key = new();

    private readonly string _paper;
    private readonly string _day;
    private readonly string _author;

    private CardLinks(IUrlHelper url)
    {
        _paper = Route(url, "/Papers/Paper", new { id = Placeholder });
        _day = Route(url, "/Days/Day", new { date = Placeholder });
        _author = Route(url, "/Authors/Author", new { slug = Placeholder });
    }

    /// <summary>The request's card links, made on first use.</summary>
    public static CardLinks For(IUrlHelper url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var items = url.ActionContext.HttpContext.Items;
        if (items[Key] is not CardLinks links)
        {
            links = new CardLinks(url);
            items[Key] = links;
        }

        return links;
    }

    /// <summary>A paper's page; an old-style id keeps its slash, as the catch-all route writes it.</summary>
    public string Paper(string arxivId) => _paper.Replace(Placeholder, string.Join('/', arxivId.Split('/').Select(UrlEncoder.Default.Encode)), StringComparison.Ordinal);

    public string Day(DateOnly date) => _day.Replace(Placeholder, Links.Iso(date), StringComparison.Ordinal);

    public string Author(string slug) => _author.Replace(Placeholder, UrlEncoder.Default.Encode(slug), StringComparison.Ordinal);

    private static string Route(IUrlHelper url, string page, object values) =>
        url.Page(page, values) ?? throw new InvalidOperationException($"No route to {page}.");
}
