using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DailyPapers.Web.Pages.Days;

public sealed record ApiDay(DateOnly Date, int PaperCount);

/// <summary>One year of days, newest first, and the nearest years that have digests (null at either end).</summary>
public sealed record ApiArchive(int? Year, IReadOnlyList<ApiDay> Days, int? PreviousYear, int? NextYear);

/// <summary><c>GET /api/days?year=</c> (a year's days with their paper counts) and <c>GET /api/days/{date}</c> (a day's papers).</summary>
internal static class DaysApi
{
    public static void MapDaysApi(this RouteGroupBuilder api)
    {
        api.MapRead("/days", GetDays);
        api.MapRead("/days/{date}", GetDay);
    }

    public static async Task<Results<Ok<ApiArchive>, ValidationProblem>> GetDays(string? year, PapersDbContext db, CancellationToken ct)
    {
        if (!YearParameter.TryParse(year, out var shown))
        {
            return Api.BadParameter("year", $"'{ParameterText.Shorten(year)}' is not a year; use four digits, e.g. 2024.");
        }

        var archive = await ArchiveQuery.LoadAsync(db, shown, ct);
        var days = archive.Months.SelectMany(m => m.Days).Select(d => new ApiDay(d.Date, d.PaperCount)).ToList();
        return TypedResults.Ok(new ApiArchive(archive.Year, days, archive.PreviousYear, archive.NextYear));
    }

    public static async Task<Results<Ok<DayView>, ValidationProblem, ProblemHttpResult>> GetDay(string date, string? page, PapersDbContext db, HttpContext http, CancellationToken ct)
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
