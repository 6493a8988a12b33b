using System.ComponentModel;
using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DailyPapers.Web.Pages.Top;

public sealed record ApiPeriod(string Period, DateOnly? Start, DateOnly? End, string Label);

public sealed record ApiTop(ApiPeriod Period, int Total, int Page, int PageCount, DateOnly? PreviousDate, DateOnly? NextDate, IReadOnlyList<PaperCard> Papers);

/// <summary><c>GET /api/top?period=&amp;date=&amp;page=</c>: the most-voted papers of a period.</summary>
internal static class TopApi
{
    public const string Name = "getTop";

    public static void MapTopApi(this RouteGroupBuilder api) =>
        api.MapRead("/top", GetTop).WithName(Name).WithTags("Top")
            .WithSummary("한 기간(하루, 주, 달, 해, 전체)에 추천을 가장 많이 받은 논문들")
            .WithDescription("아직 아무것도 읽어 들이지 않았으면 404입니다.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<Results<Ok<ApiTop>, ValidationProblem, ProblemHttpResult>> GetTop(
        [Description("기간: day, week, month, year, all(기본 day)")] string? period,
        [Description("기간에 드는 날짜(YYYY-MM-DD, 기본: 가장 최근 날)")] string? date,
        [Description("페이지 번호(1부터, 기본 1)")] string? page,
        PapersDbContext db, CancellationToken ct)
    {
        if (!TopParameters.TryParse(period, date, page, out var request, out var error))
        {
            return Api.BadParameter(error.Parameter, error.Parameter switch
            {
                "period" => $"Unknown period '{ParameterText.Shorten(period)}'; use day, week, month, year or all.",
                "date" => $"'{ParameterText.Shorten(date)}' is not a date; use YYYY-MM-DD.",
                _ => $"'{ParameterText.Shorten(page)}' is not a page number (1 or more).",
            });
        }

        var view = await TopQuery.LoadAsync(db, request.Period, request.Date, request.Page, ct);
        if (view is null)
        {
            return Api.NotFound("Nothing has been ingested yet.");
        }

        var all = view.Range.Period == Period.All;
        var range = new ApiPeriod(view.Range.Period.ToString().ToLowerInvariant(), all ? null : view.Range.Start, all ? null : view.Range.End, view.Range.Label);
        return TypedResults.Ok(new ApiTop(range, view.Total, view.Page, view.PageCount, view.PreviousDate, view.NextDate, view.Papers));
    }
}
