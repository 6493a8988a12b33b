namespace DailyPapers.Web.Pages.Shared;

/// <summary>How a listing shows one paper card.</summary>
/// <param name="Position">The place in a ranking, shown before the title; null on a day page, where the rank is the digest order.</param>
/// <param name="ShowDate">Show which day listed the paper (rankings, author pages, search).</param>
/// <param name="Dense">
/// Always the dense card (title, votes, authors, two lines of summary), whatever the reader chose: for the short lists
/// beside a paper. Other listings are dense unless the reader chose full summaries.
/// </param>
/// <param name="Author">The author whose page lists the card: marked in its author list.</param>
public sealed record PaperCardModel(PaperCard Card, int? Position = null, bool ShowDate = false, bool Dense = false, int HeadingLevel = 2, string? Author = null)
{
    /// <summary>A video's poster when its listing has none and no thumbnail: a drawn frame, never a spinner or a black box.</summary>
    public const string DrawnPoster = "/img/video-poster.svg";

    /// <summary>The longest lead a dense card carries: more than two lines at any width, never the whole summary twice.</summary>
    public const int LeadLength = 320;

    /// <summary>The summary's plain text as one run (its lines joined), cut at a word near <see cref="LeadLength"/>.</summary>
    public static string Lead(string summaryText)
    {
        ArgumentNullException.ThrowIfNull(summaryText);
        var text = string.Join(' ', summaryText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (text.Length <= LeadLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', LeadLength);
        return string.Concat(text.AsSpan(0, cut > LeadLength / 2 ? cut : LeadLength), "…");
    }
}
