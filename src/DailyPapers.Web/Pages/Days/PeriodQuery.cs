using System.Globalization;
using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using DailyPapers.Web.Pages.Top;

namespace DailyPapers.Web.Pages.Days;

/// <summary>A week's or a month's digests, day by day in digest order, with the nearest periods that have digests.</summary>
public sealed record PeriodListing(PeriodRange Range, IReadOnlyList<DayOfPeriod> Days, DateOnly? Previous, DateOnly? Next)
{
    public int PaperCount => Days.Sum(d => d.Papers.Count);
}

public sealed record DayOfPeriod(DateOnly Date, IReadOnlyList<PaperCard> Papers);

/// <summary>A period's listing in four round trips, whatever the archive holds: its papers, their authors, and the days before and after.</summary>
public static class PeriodQuery
{
    public static async Task<PeriodListing> LoadAsync(PapersDbContext db, PeriodRange range, CancellationToken cancellationToken)
    {
        var (start, end) = (range.Start, range.End);
        var days = db.Days.Where(d => d.Date >= start && d.Date <= end).Select(d => d.Id);
        var cards = await db.Appearances
            .Where(a => days.Contains(a.DayId))
            .OrderByDescending(a => a.Day!.Date).ThenBy(a => a.Position)
            .Select(PaperCards.FromAppearance)
            .ToCardsAsync(db, cancellationToken);
        var previous = await DayQuery.BeforeAsync(db, start, cancellationToken);
        var next = await DayQuery.AfterAsync(db, end, cancellationToken);
        var byDay = cards.GroupBy(c => c.Date).Select(g => new DayOfPeriod(g.Key, [.. g])).ToList();
        return new PeriodListing(range, byDay, previous, next);
    }
}

/// <summary>Weeks and months in URLs: ISO weeks as 2024-W05, months as 2024-02.</summary>
public static class PeriodParameter
{
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
}
