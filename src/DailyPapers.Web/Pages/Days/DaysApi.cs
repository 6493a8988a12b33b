using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using System.ComponentModel;
using DailyPapers.Web.Pages.Top;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DailyPapers.Web.Pages.Days;

public sealed record ApiDay(DateOnly Date, int PaperCount);

/// <summary>One year of days, newest first, and the nearest years that have digests (null at either end).</summary>
public sealed record ApiArchive(int? Year, IReadOnlyList<ApiDay> Days, int? PreviousYear, int? NextYear);

/// <summary>A week or a month as its page shows it: one page of its papers by votes, its days, its totals and its neighbours.</summary>
/// <param name="Key">The week (2024-W05) or month (2024-02) as its address writes it.</param>
/// <param name="PaperCount">The period's papers, each counted once; <paramref name="Papers"/> holds those of page <paramref name="Page"/>.</param>
/// <param name="Previous">The nearest earlier week or month with a digest, as its address writes it; null at the start.</param>
/// <param name="Next">The nearest later one; null at the end.</param>
public sealed record ApiPeriodListing(
    string Key, DateOnly Start, DateOnly End, string Label, int DayCount, int PaperCount, int Page, int PageCount,
    string? Previous, string? Next, IReadOnlyList<ApiDay> Days, IReadOnlyList<PaperCard> Papers);

/// <summary>
/// <c>GET /api/days?year=</c> (a year's days with their paper counts), <c>GET /api/days/{date}</c> (a day's papers), and
/// <c>GET /api/weeks/{week}</c> and <c>GET /api/months/{month}</c> (a period's papers by votes, as its page).
/// </summary>
internal static class DaysApi
{
    public const string ListName = "listDays";
    public const string DayName = "getDay";
    public const string WeekName = "getWeek";
    public const string MonthName = "getMonth";

    public static void MapDaysApi(this RouteGroupBuilder api)
    {
        api.MapRead("/days", GetDays).WithName(ListName).WithTags("Days")
            .WithSummary("한 해의 다이제스트 날짜와 날마다의 논문 수, 앞뒤로 다이제스트가 있는 연도");
        api.MapRead("/days/{date}", GetDay).WithName(DayName).WithTags("Days")
            .WithSummary("하루의 논문들: 다이제스트에 실린 순서대로, 한 페이지에 100편")
            .WithDescription("paperCount는 그날의 논문 수, pageCount는 페이지 수입니다. 다이제스트가 없는 날은 404입니다.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapRead("/weeks/{week}", GetWeek).WithName(WeekName).WithTags("Days")
            .WithSummary("한 주(ISO 주)의 논문들: 추천 수 순으로 한 페이지에 50편, 그 주의 다이제스트 날짜와 날마다의 논문 수")
            .WithDescription("paperCount는 그 주의 논문 수(여러 날 실린 논문은 한 번), pageCount는 페이지 수입니다. 다이제스트가 없는 주는 404, 마지막 페이지 뒤는 400입니다.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapRead("/months/{month}", GetMonth).WithName(MonthName).WithTags("Days")
            .WithSummary("한 달의 논문들: 추천 수 순으로 한 페이지에 50편, 그 달의 다이제스트 날짜와 날마다의 논문 수")
            .WithDescription("paperCount는 그 달의 논문 수(여러 날 실린 논문은 한 번), pageCount는 페이지 수입니다. 다이제스트가 없는 달은 404, 마지막 페이지 뒤는 400입니다.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<ApiArchive>, ValidationProblem>> GetDays([Description("연도(네 자리, 예: 2024). 없으면 가장 최근 연도")] string? year, PapersDbContext db, CancellationToken ct)
    {
        if (!YearParameter.TryParse(year, out var shown))
        {
            return Api.BadParameter("year", $"'{ParameterText.Shorten(year)}' is not a year; use four digits, e.g. 2024.");
        }

        var archive = await ArchiveQuery.LoadAsync(db, shown, ct);
        var days = archive.Months.SelectMany(m => m.Days).Select(d => new ApiDay(d.Date, d.PaperCount)).ToList();
        return TypedResults.Ok(new ApiArchive(archive.Year, days, archive.PreviousYear, archive.NextYear));
    }

    public static async Task<Results<Ok<DayView>, ValidationProblem, ProblemHttpResult>> GetDay(
        [Description("날짜(YYYY-MM-DD)")] string date,
        [Description("페이지 번호(1부터, 기본 1)")] string? page,
        PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!DateParameter.TryParse(date, out var day))
        {
            return Api.BadParameter("date", $"'{ParameterText.Shorten(date)}' is not a date; use YYYY-MM-DD.");
        }

        if (!PageParameter.TryParse(page, out var pageNumber))
        {
            return Api.BadParameter("page", $"'{ParameterText.Shorten(page)}' is not a page number (1 or more).");
        }

        var view = await DayQuery.LoadAsync(db, day, ct, pageNumber);
        if (view is null)
        {
            return Api.NotFound($"No digest for {Links.Iso(day)}.");
        }

        if (view.Page > view.PageCount)
        {
            return Api.BadParameter("page", $"The papers of {Links.Iso(day)} fill {view.PageCount} page(s).");
        }

        PageCache.Tag(http, view);
        return TypedResults.Ok(view);
    }

    public static Task<Results<Ok<ApiPeriodListing>, ValidationProblem, ProblemHttpResult>> GetWeek(
        [Description("ISO 주(YYYY-Www, 예: 2024-W05)")] string week,
        [Description("페이지 번호(1부터, 기본 1)")] string? page,
        PapersDbContext db, CancellationToken ct) =>
        GetPeriodAsync(week, null, page, db, ct);

    public static Task<Results<Ok<ApiPeriodListing>, ValidationProblem, ProblemHttpResult>> GetMonth(
        [Description("달(YYYY-MM, 예: 2024-02)")] string month,
        [Description("페이지 번호(1부터, 기본 1)")] string? page,
        PapersDbContext db, CancellationToken ct) =>
        GetPeriodAsync(null, month, page, db, ct);

    private static async Task<Results<Ok<ApiPeriodListing>, ValidationProblem, ProblemHttpResult>> GetPeriodAsync(
        string? week, string? month, string? page, PapersDbContext db, CancellationToken ct)
    {
        if (!PeriodParameter.TryParse(week, month, out var range, out _))
        {
            return week is not null
                ? Api.BadParameter("week", $"'{ParameterText.Shorten(week)}' is not an ISO week; use YYYY-Www, e.g. 2024-W05.")
                : Api.BadParameter("month", $"'{ParameterText.Shorten(month)}' is not a month; use YYYY-MM, e.g. 2024-02.");
        }

        if (!PageParameter.TryParse(page, out var pageNumber))
        {
            return Api.BadParameter("page", $"'{ParameterText.Shorten(page)}' is not a page number (1 or more).");
        }

        var view = await PeriodQuery.LoadAsync(db, range, pageNumber, ct);
        if (view.Days.Count == 0)
        {
            return Api.NotFound($"No digest in {view.Key}.");
        }

        if (view.IsPastLastPage)
        {
            return Api.BadParameter("page", $"The papers of {view.Key} fill {view.PageCount} page(s).");
        }

        string? Neighbour(DateOnly? date) => date is DateOnly d ? PeriodParameter.Key(PeriodRange.Containing(range.Period, d)) : null;
        return TypedResults.Ok(new ApiPeriodListing(
            view.Key, range.Start, range.End, range.Label, view.Days.Count, view.PaperCount, view.Page, view.PageCount,
            Neighbour(view.Previous), Neighbour(view.Next), [.. view.Days.Select(d => new ApiDay(d.Date, d.PaperCount))], view.Papers));
    }
}
