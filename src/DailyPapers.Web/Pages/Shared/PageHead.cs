using DailyPapers.Web.Pages.Feeds;

namespace DailyPapers.Web.Pages.Shared;

/// <summary>
/// What a page tells the world about itself, written by the layout into its head: the canonical URL, a description, a
/// preview image and type for Open Graph and Twitter cards, and the feed that follows it. Paths are made from routes;
/// the layout makes them absolute with the site's public origin.
/// </summary>
public sealed record PageHead(string CanonicalPath, string? Description = null, string? Image = null, string Type = "website", FeedLink? Feed = null)
{
    public const string Key = "PageHead";

    /// <summary>What the <c>[</c> and <c>]</c> keys step through on this page (날, 논문, 쪽…), for the footer's list of shortcuts.</summary>
    public const string SteppingKey = "Stepping";

    /// <summary>A description of at most about two lines, cut at a word.</summary>
    public static string Shorten(string text, int length = 200)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= length)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', length - 1);
        return (cut > length / 2 ? flat[..cut] : Core.Parsing.TextLimit.Truncate(flat, length - 1)).TrimEnd() + "…";
    }
}
