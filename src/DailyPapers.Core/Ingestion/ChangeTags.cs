using System.Globalization;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// The names of what an ingest changed (<see cref="Data.Change"/>), shared by the importer that logs them and the web
/// app that tags its cached pages with them: a page is evicted when a tag it carries is logged.
/// </summary>
public static class ChangeTags
{
    /// <summary>Everything changed (a large ingest): every cached page goes.</summary>
    public const string Everything = "*";

    /// <summary>
    /// Term counts and rising terms changed. No page is tagged with it: like every change, it drops the listings (the
    /// home page and the trends page among them).
    /// </summary>
    public const string Terms = "terms";

    internal const int MaxPerBatch = 5000;

    internal const int Kept = 100_000;

    public static string Day(DateOnly date) => "day:" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Paper(string arxivId) => "paper:" + arxivId;

    public static string Author(string slug) => "author:" + slug;

    /// <summary>The day a <c>day:</c> tag names, if it is one.</summary>
    public static bool TryParseDay(string tag, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(tag);
        date = default;
        return tag.StartsWith("day:", StringComparison.Ordinal) &&
            DateOnly.TryParseExact(tag.AsSpan(4), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
