using System.Globalization;
using System.Text.RegularExpressions;

namespace DailyPapers.Core.Parsing;

/// <summary>
/// A day heading: a level-1 or level-2 heading that names the daily papers (<c>## Daily Papers (2024-01-17)</c>, in any
/// case or spacing) and the day's date.
/// </summary>
internal static partial class DayHeading
{
    /// <summary>Whether the heading's text says it heads a day; the date is read apart, so a bad one can be reported.</summary>
    public static bool IsDayHeading(string title) => DayHeadingPattern().IsMatch(title);

    /// <summary>
    /// The first date in the heading's text (YYYY-MM-DD, or with '.' or '/'), when it is a day of the calendar; whether a
    /// digest may have it is <see cref="DigestDates"/>' to say.
    /// </summary>
    public static bool TryDate(string title, out DateOnly date)
    {
        date = default;
        var match = DatePattern().Match(title);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups[3].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    [GeneratedRegex(@"daily\s*papers", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayHeadingPattern();

    [GeneratedRegex(@"([0-9]{4})[-./]([0-9]{1,2})[-./]([0-9]{1,2})", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
