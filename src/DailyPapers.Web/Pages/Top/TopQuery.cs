using System.Globalization;
using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Days;
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

/// <summary>A paper's best listing in a period, with what the period's ranking orders it by.</summary>
public sealed record RankedListing(int AppearanceId, int PaperId, int? Votes, DateOnly Date, int Position, string ArxivId);

public static class TopQuery
{
    /// <summary>
    /// The most-voted papers listed in the period, each once with its highest vote count. Ties go to the later listing,
    /// then the earlier place in that day's digest, then the arXiv id, so the order never shuffles. Papers without votes come last.
    /// A period's listings are read from the date index; the all-time ranking walks the papers' vote index from the top.
    /// </summary>
    public static async Task<TopView?> LoadAsync(PapersDbContext db, Period period, DateOnly? date, int page, CancellationToken cancellationToken)
    {
        var anchor = date ?? await DayQuery.LatestAsync(db, cancellationToken);
        if (anchor is null)
        {
            return null;
        }

        var range = PeriodRange.Containing(period, anchor.Value);
        var (papers, total, pageNumber, pageCount) = period == Period.All
            ? await AllTimeAsync(db, page, cancellationToken)
            : await InRangeAsync(db, range, page, cancellationToken);

        DateOnly? previous = null;
        DateOnly? next = null;
        if (period != Period.All)
        {
            previous = await DayQuery.BeforeAsync(db, range.Start, cancellationToken);
            next = await DayQuery.AfterAsync(db, range.End, cancellationToken);
        }

        return new TopView(range, papers, total, pageNumber, pageCount, previous, next, anchor.Value);
    }

    private static async Task<(List<PaperCard> Papers, int Total, int Page, int PageCount)> InRangeAsync(PapersDbContext db, PeriodRange range, int page, CancellationToken cancellationToken)
    {
        var ranked = await RankAsync(db, range, cancellationToken);
        var pageCount = PageCount(ranked.Count);
        page = Math.Clamp(page, 1, pageCount);
        return (await CardsAsync(db, ranked, page, cancellationToken), ranked.Count, page, pageCount);
    }

    /// <summary>
    /// The period's papers by votes, each once at its best listing (<see cref="LoadAsync"/> says the order): every listing
    /// of the period read from the date index and ranked here. A period holds a few hundred listings whatever the archive
    /// holds, and a page of a vote order cannot be cut before all of them are ranked.
    /// </summary>
    public static async Task<IReadOnlyList<RankedListing>> RankAsync(PapersDbContext db, PeriodRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var days = db.Days.Where(d => d.Date >= range.Start && d.Date <= range.End).Select(d => d.Id);
        var rows = await db.Appearances
            .Where(a => days.Contains(a.DayId))
            .Select(a => new RankedListing(a.Id, a.PaperId, a.Votes, a.Day!.Date, a.Position, a.Paper!.ArxivId))
            .ToListAsync(cancellationToken);
        return
        [
            .. rows
                .GroupBy(r => r.PaperId)
                .Select(g => g.OrderByDescending(r => r.Votes ?? -1).ThenByDescending(r => r.Date).First())
                .OrderBy(r => r.Votes is null)
                .ThenByDescending(r => r.Votes)
                .ThenByDescending(r => r.Date)
                .ThenBy(r => r.Position)
                .ThenBy(r => r.ArxivId, StringComparer.Ordinal),
        ];
    }

    /// <summary>Page <paramref name="page"/> (of <see cref="TopView.PageSize"/>) of a ranking, as cards in its order: its listings by key, then their authors.</summary>
    public static async Task<List<PaperCard>> CardsAsync(PapersDbContext db, IReadOnlyList<RankedListing> ranked, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var shown = ranked.Skip((page - 1) * TopView.PageSize).Take(TopView.PageSize).ToList();
        if (shown.Count == 0)
        {
            return [];
        }

        var ids = shown.Select(r => r.AppearanceId).ToList();
        var cards = await db.Appearances.Where(a => ids.Contains(a.Id)).Select(PaperCards.FromAppearance).ToCardsAsync(db, cancellationToken);
        var byKey = cards.ToDictionary(c => (c.ArxivId, c.Date));
        return [.. shown.Select(r => byKey[(r.ArxivId, r.Date)])];
    }

    /// <summary>Pages of <see cref="TopView.PageSize"/> that <paramref name="total"/> papers fill; one for none.</summary>
    public static int PageCount(int total) => Math.Max(1, (total + TopView.PageSize - 1) / TopView.PageSize);

    /// <summary>Every paper by its best vote count, then its latest listing: a walk down the index on those columns.</summary>
    private static async Task<(List<PaperCard> Papers, int Total, int Page, int PageCount)> AllTimeAsync(PapersDbContext db, int page, CancellationToken cancellationToken)
    {
        var stored = await db.Meta.Where(m => m.Key == "PaperCount").Select(m => m.Value).SingleOrDefaultAsync(cancellationToken);
        var total = int.TryParse(stored, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
        var pageCount = PageCount(total);
        page = Math.Clamp(page, 1, pageCount);
        var cards = await db.ByVotes(db.Papers)
            .Skip((page - 1) * TopView.PageSize).Take(TopView.PageSize)
            .Select(PaperCards.FromPaper)
            .ToCardsAsync(db, cancellationToken);
        return (cards, total, page, pageCount);
    }
}
