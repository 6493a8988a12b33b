namespace DailyPapers.Core.Parsing;

/// <summary>
/// The days a digest may be of: from 1991, arXiv's first year, to the end of the year after the day it is read. A later
/// date is a mistyped year (2999 for 2024), which would become the home page and the top of every listing. Whatever
/// the clock says, the last year is 2998: the last days of a year can fall in the next year's first ISO week, and the
/// pages read weeks and months up to 2999, so every stored day has a week and a month page.
/// </summary>
public static class DigestDates
{
    public const int FirstYear = 1991;

    public const int LastYear = 2998;

    public static DateOnly First { get; } = new(FirstYear, 1, 1);

    /// <summary>The last day the pages can show: the last a digest read without a clock may have.</summary>
    public static DateOnly Latest { get; } = new(LastYear, 12, 31);

    /// <summary>The last day a digest read on <paramref name="today"/> may have: the end of the following year.</summary>
    public static DateOnly Last(DateOnly today) => today.Year >= LastYear ? Latest : new DateOnly(today.Year + 1, 12, 31);
}
