using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DailyPapers.Web.Pages.Days;

public sealed record ApiDay(DateOnly Date, int PaperCount);

/// <summary><c>GET /api/days</c> (every day with its paper count) and <c>GET /api/days/{date}</c> (a day's papers).</summary>
internal static class DaysApi
{
    public static void MapDaysApi(this RouteGroupBuilder api)
    {
        api.MapRead("/days", GetDays);
        api.MapRead("/days/{date}", GetDay);
    }

    public static async Task<Ok<List<ApiDay>>> GetDays(PapersDbContext db, CancellationToken ct)
    {
        var archive = await ArchiveQuery.LoadAsync(db, ct);
        return TypedResults.Ok(archive.Months.SelectMany(m => m.Days).Select(d => new ApiDay(d.Date, d.PaperCount)).ToList());
    }

    public static async Task<Results<Ok<DayView>, ValidationProblem, ProblemHttpResult>> GetDay(string date, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!DateParameter.TryParse(date, out var day))
        {
            return Api.BadParameter("date", $"'{ParameterText.Shorten(date)}' is not a date; use YYYY-MM-DD.");
        }

        var view = await DayQuery.LoadAsync(db, day, ct);
        if (view is null)
        {
            return Api.NotFound($"No digest for {Links.Iso(day)}.");
        }

        PageCache.Tag(http, view);
        return TypedResults.Ok(view);
    }
}
