using System.Globalization;
using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Top;

public enum Period
{
    Day,
    Week,
    Month,
    Year,
    All,
}

/// <summary>A span of days: a day, an ISO week (Monday to Sunday), a month, a year or everything.</summary>
public readonly record struct PeriodRange(Period Period, DateOnly Start, DateOnly End)
{
    public static PeriodRange Containing(Period period, DateOnly date) => period switch
    {
        Period.Day => new(period, date, date),
        Period.Week => new(period, date.AddDays(-(((int)date.DayOfWeek + 6) % 7)), date.AddDays(-(((int)date.DayOfWeek + 6) % 7) + 6)),
        Period.Month => new(period, new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)),
        Period.Year => new(period, new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31)),
        _ => new(period, DateOnly.MinValue, DateOnly.MaxValue),
    };

    public string Label => Period switch
    {
        Period.Day => Start.ToString("yyyy년 M월 d일 (ddd)", Korean),
        Period.Week => $"{Start.ToString("yyyy년 M월 d일", Korean)} – {End.ToString("M월 d일", Korean)} ({ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue))}주차)",
        Period.Month => Start.ToString("yyyy년 M월", Korean),
        Period.Year => Start.ToString("yyyy년", Korean),
        _ => "전체 기간",
    };

    public static bool TryParse(string? text, out Period period)
    {
        period = Period.Week;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        return Enum.TryParse(text, ignoreCase: true, out period) && Enum.IsDefined(period) && !text.Any(char.IsDigit);
    }

    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko-KR");
}

public sealed record TopView(PeriodRange Range, IReadOnlyList<PaperCard> Papers, int Total, int Page, int PageCount, DateOnly? PreviousDate, DateOnly? NextDate, DateOnly Anchor)
{
    public const int PageSize = 50;
}

public static class TopQuery
{
    /// <summary>
    /// The most-voted papers listed in the period, each once with its highest vote count. Ties go to the later listing,
    /// then the better rank that day, then the arXiv id, so the order never shuffles. Papers without votes come last.
    /// </summary>
    public static async Task<TopView?> LoadAsync(PapersDbContext db, Period period, DateOnly? date, int page, CancellationToken cancellationToken)
    {
        var anchor = date ?? await db.Days.MaxAsync(d => (DateOnly?)d.Date, cancellationToken);
        if (anchor is null)
        {
            return null;
        }

        var range = PeriodRange.Containing(period, anchor.Value);
        var rows = await db.Appearances
            .Where(a => a.Day!.Date >= range.Start && a.Day.Date <= range.End)
            .Select(a => new { a.Id, a.PaperId, a.Votes, a.Day!.Date, a.Rank, a.Paper!.ArxivId })
            .ToListAsync(cancellationToken);
        var ranked = rows
            .GroupBy(r => r.PaperId)
            .Select(g => g.OrderByDescending(r => r.Votes ?? -1).ThenByDescending(r => r.Date).First())
            .OrderBy(r => r.Votes is null)
            .ThenByDescending(r => r.Votes)
            .ThenByDescending(r => r.Date)
            .ThenBy(r => r.Rank)
            .ThenBy(r => r.ArxivId, StringComparer.Ordinal)
            .ToList();
        var pageCount = Math.Max(1, (ranked.Count + TopView.PageSize - 1) / TopView.PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var ids = ranked.Skip((page - 1) * TopView.PageSize).Take(TopView.PageSize).Select(r => r.Id).ToList();
        var cards = await db.Appearances.Where(a => ids.Contains(a.Id)).Select(PaperCards.FromAppearance).ToListAsync(cancellationToken);
        var byKey = cards.ToDictionary(c => (c.ArxivId, c.Date));
        var ordered = ranked.Skip((page - 1) * TopView.PageSize).Take(TopView.PageSize).Select(r => byKey[(r.ArxivId, r.Date)]).ToList();

        DateOnly? previous = null;
        DateOnly? next = null;
        if (period != Period.All)
        {
            var start = range.Start;
            var end = range.End;
            previous = await db.Days.Where(d => d.Date < start).MaxAsync(d => (DateOnly?)d.Date, cancellationToken);
            next = await db.Days.Where(d => d.Date > end).MinAsync(d => (DateOnly?)d.Date, cancellationToken);
        }

        return new TopView(range, ordered, ranked.Count, page, pageCount, previous, next, anchor.Value);
    }
}
