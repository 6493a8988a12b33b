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

/// <summary><c>GET /api/trends?q=…</c>: the trend chart's numbers as JSON, or with <c>format=csv</c> as CSV.</summary>
internal static class TrendsApi
{
    public const string Name = "trends";

    public static void MapTrendsApi(this RouteGroupBuilder api) =>
        api.MapRead("/trends", GetTrends).WithName(Name).WithTags("Trends")
            .WithSummary("검색어마다 달별로 맞는 논문의 비율")
            .WithDescription("q의 검색어(쉼표로 나누어 5개까지)마다, 최근 24개월 각 달에 실린 논문 가운데 검색 페이지와 같은 규칙으로 맞는 논문의 수와 비율. format=csv는 같은 숫자를 CSV로 줍니다.");

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
