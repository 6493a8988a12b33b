using System.ComponentModel;
using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DailyPapers.Web.Pages.Trends;

/// <param name="Month">The month, <c>YYYY-MM</c>.</param>
/// <param name="PaperCount">Papers listed in the month.</param>
/// <param name="Matches">Per term, in the order asked: how many of them match it.</param>
/// <param name="Shares">Per term: matches ÷ papers (0 to 1, four decimals).</param>
public sealed record ApiTrendMonth(string Month, int PaperCount, IReadOnlyList<int> Matches, IReadOnlyList<double> Shares);

public sealed record ApiTrends(IReadOnlyList<string> Terms, IReadOnlyList<ApiTrendMonth> Months);

/// <param name="Term">The term as most of the period's papers write it.</param>
/// <param name="Count">Papers of the period holding it.</param>
/// <param name="Share">Count ÷ the period's papers (0 to 1).</param>
/// <param name="PreviousShare">Its share of the papers of the periods before (8 weeks, or 3 months).</param>
public sealed record ApiRisingTerm(string Term, int Count, double Share, double PreviousShare);

/// <param name="Period"><c>week</c> or <c>month</c>.</param>
/// <param name="Start">The period's first day (a Monday, or the 1st), YYYY-MM-DD.</param>
/// <param name="PaperCount">Papers listed in the period.</param>
/// <param name="Terms">The rising terms, most significant first.</param>
public sealed record ApiRising(string Period, string Start, int PaperCount, IReadOnlyList<ApiRisingTerm> Terms);

/// <summary><c>GET /api/trends?q=…</c>: the trend chart's numbers as JSON, or with <c>format=csv</c> as CSV.</summary>
internal static class TrendsApi
{
    public const string Name = "trends";

    public const string RisingName = "trends-rising";

    public static void MapTrendsApi(this RouteGroupBuilder api)
    {
        api.MapRead("/trends", GetTrends).WithName(Name).WithTags("Trends")
            .WithSummary("검색어마다 달별로 맞는 논문의 비율")
            .WithDescription("q의 검색어(쉼표로 나누어 5개까지)마다, 최근 24개월 각 달에 실린 논문 가운데 검색 페이지와 같은 규칙으로 맞는 논문의 수와 비율. format=csv는 같은 숫자를 CSV로 줍니다.");
        api.MapRead("/trends/rising", GetRising).WithName(RisingName).WithTags("Trends")
            .WithSummary("어느 주나 달에 떠오른 말")
            .WithDescription("period(week 또는 month)의 date가 든 기간에, 앞선 기간(8주 또는 3개월)보다 논문 비율이 뚜렷이 늘어난 말을 유의한 순으로: 말, 논문 수, 비율, 앞선 비율. date가 없으면 최신 다이제스트의 기간입니다.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<ApiRising>, ProblemHttpResult, ValidationProblem>> GetRising(
        [Description("week(기본) 또는 month")] string? period,
        [Description("기간 안의 날짜, YYYY-MM-DD (없으면 최신 다이제스트)")] string? date,
        PapersDbContext db, CancellationToken ct)
    {
        if (!TrendsParameters.TryParsePeriod(period ?? "week", date, out var asked, out var day, out var error))
        {
            return Api.BadParameter(error.Parameter, error.Detail);
        }

        if (await TrendsQuery.RisingOfAsync(db, asked!.Value, day, ct) is not { } list)
        {
            return Api.NotFound("No digest is stored yet: no week or month has terms to rank.");
        }

        return TypedResults.Ok(new ApiRising(
            list.Period == TermPeriod.Week ? "week" : "month", TrendsQuery.Day(list.Start), list.PaperCount,
            [.. list.Terms.Select(t => new ApiRisingTerm(t.Term, t.PaperCount, Math.Round(t.Share, 4), Math.Round(t.BaselineShare, 4)))]));
    }

    public static async Task<Results<Ok<ApiTrends>, ContentHttpResult, ValidationProblem>> GetTrends(
        [Description("쉼표로 나눈 검색어 1–5개, 예: diffusion,agent")] string? q,
        [Description("json(기본) 또는 csv")] string? format,
        PapersDbContext db, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(format) && format is not ("json" or "csv"))
        {
            return Api.BadParameter("format", $"형식 '{ParameterText.Shorten(format)}'을(를) 알 수 없습니다. json 또는 csv를 고르세요.");
        }

        if (!TrendsParameters.TryParse(q, out var terms, out var error))
        {
            return Api.BadParameter(error.Parameter, error.Detail);
        }

        var view = await TrendsQuery.LoadAsync(db, q!, terms, withRising: false, ct);
        if (format == "csv")
        {
            return TypedResults.Text(TrendsQuery.Csv(view), "text/csv; charset=utf-8");
        }

        return TypedResults.Ok(new ApiTrends(view.Terms, [.. view.Months.Select(m => new ApiTrendMonth(TrendsQuery.Month(m.Month), m.PaperCount, m.Matches, m.Shares))]));
    }
}
