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
    public static void MapTopApi(this RouteGroupBuilder api) => api.MapRead("/top", GetTop);

    public static async Task<Results<Ok<ApiTop>, ValidationProblem, ProblemHttpResult>> GetTop(string? period, string? date, string? page, PapersDbContext db, CancellationToken ct)
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
