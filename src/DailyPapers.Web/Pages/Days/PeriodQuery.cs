using System.Globalization;
using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using DailyPapers.Web.Pages.Top;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Days;

/// <summary>
/// A week or a month: one page of its papers by votes (each paper once, as on the period's ranking), its digest days
/// newest first with their paper counts, and the nearest days before and after it.
/// </summary>
/// <param name="PaperCount">The period's papers, each counted once; <paramref name="Papers"/> holds those of page <paramref name="Page"/>.</param>
/// <param name="Days">Every digest day of the period, newest first, with the papers each listed.</param>
public sealed record PeriodView(
    PeriodRange Range, IReadOnlyList<ArchiveDay> Days, IReadOnlyList<PaperCard> Papers, int PaperCount, int Page, int PageCount, DateOnly? Previous, DateOnly? Next)
{
    public const int PageSize = TopView.PageSize;

    /// <summary>The week or month as its address writes it: 2024-W05 or 2024-02.</summary>
    public string Key => PeriodParameter.Key(Range);

    /// <summary>The position of the first paper of this page in the period's ranking.</summary>
    public int FirstPosition => ((Page - 1) * PageSize) + 1;

    /// <summary>A page after the last one: nothing to show, which the page and the API refuse naming the last page.</summary>
    public bool IsPastLastPage => Days.Count > 0 && Page > PageCount;
}

/// <summary>
/// A period's page in six round trips whatever the archive holds: its days (date index), its listings ranked by votes as
/// the ranking page ranks them (<see cref="TopQuery.RankAsync"/>, the listings of those days), the page's cards and their
/// authors, and the days before and after.
/// </summary>
public static class PeriodQuery
{
    public static async Task<PeriodView> LoadAsync(PapersDbContext db, PeriodRange range, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (start, end) = (range.Start, range.End);
        var days = await db.Days.Where(d => d.Date >= start && d.Date <= end).OrderByDescending(d => d.Date)
            .Select(d => new ArchiveDay(d.Date, d.PaperCount))
            .ToListAsync(cancellationToken);
        IReadOnlyList<RankedListing> ranked = days.Count == 0 ? [] : await TopQuery.RankAsync(db, range, cancellationToken);
        var pageCount = TopQuery.PageCount(ranked.Count);
        var papers = page > pageCount ? [] : await TopQuery.CardsAsync(db, ranked, page, cancellationToken);
        var previous = await DayQuery.BeforeAsync(db, start, cancellationToken);
        var next = await DayQuery.AfterAsync(db, end, cancellationToken);
        return new PeriodView(range, days, papers, ranked.Count, page, pageCount, previous, next);
    }
}

/// <summary>Weeks and months in URLs: ISO weeks as 2024-W05, months as 2024-02.</summary>
public static class PeriodParameter
{
    /// <summary>The week, when the route names one, else the month; the error names the parameter that is wrong.</summary>
    public static bool TryParse(string? week, string? month, out PeriodRange range, out (string Parameter, string Detail) error)
    {
        error = default;
        if (week is not null)
        {
            if (!TryParseWeek(week, out range))
            {
                error = ("week", $"'{ParameterText.Shorten(week)}'은(는) 주가 아닙니다. ISO 주 번호로 적어 주세요 (예: 2024-W05).");
                return false;
            }

            return true;
        }

        if (!TryParseMonth(month, out range))
        {
            error = ("month", $"'{ParameterText.Shorten(month)}'은(는) 달이 아닙니다. YYYY-MM 형식으로 적어 주세요 (예: 2024-02).");
            return false;
        }

        return true;
    }

    public static bool TryParseWeek(string? text, out PeriodRange range)
    {
        range = default;
        if (text is not { Length: 8 } || text[4] != '-' || text[5] != 'W' ||
            !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ||
            !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week) ||
            year is < 1991 or > 2999 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        range = PeriodRange.Containing(Period.Week, DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));
        return true;
    }

    public static bool TryParseMonth(string? text, out PeriodRange range)
    {
        range = default;
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || first.Year is < 1991 or > 2999)
        {
            return false;
        }

        range = PeriodRange.Containing(Period.Month, first);
        return true;
    }

    public static string Week(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(day):0000}-W{ISOWeek.GetWeekOfYear(day):00}";
    }

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The week or month of a range as its address writes it.</summary>
    public static string Key(PeriodRange range) => range.Period == Period.Week ? Week(range.Start) : Month(range.Start);
}
