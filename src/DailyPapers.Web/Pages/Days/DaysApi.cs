using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DailyPapers.Web.Pages.Days;

public sealed record ApiDay(DateOnly Date, int PaperCount);

/// <summary>One year of days, newest first, and the nearest years that have digests (null at either end).</summary>
public sealed record ApiArchive(int? Year, IReadOnlyList<ApiDay> Days, int? PreviousYear, int? NextYear);

/// <summary><c>GET /api/days?year=</c> (a year's days with their paper counts) and <c>GET /api/days/{date}</c> (a day's papers).</summary>
internal static class DaysApi
{
    public const string ListName = "listDays";
    public const string DayName = "getDay";

    public static void MapDaysApi(this RouteGroupBuilder api)
    {
        api.MapRead("/days", GetDays).WithName(ListName).WithTags("Days")
            .WithSummary("한 해의 다이제스트 날짜와 날마다의 논문 수, 앞뒤로 다이제스트가 있는 연도");
        api.MapRead("/days/{date}", GetDay).WithName(DayName).WithTags("Days")
            .WithSummary("하루의 논문들: 다이제스트에 실린 순서대로, 한 페이지에 100편")
            .WithDescription("paperCount는 그날의 논문 수, pageCount는 페이지 수입니다. 다이제스트가 없는 날은 404입니다.")
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
}
