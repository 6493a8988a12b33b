using System.Globalization;
using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Days;

public sealed class DayModel(PapersDbContext db) : PageModel
{
    public DayView? Day { get; private set; }

    public NearestDays? Nearest { get; private set; }

    public async Task<IActionResult> OnGetAsync(string date, CancellationToken cancellationToken)
    {
        if (!DateParameter.TryParse(date, out var day))
        {
            return this.BadParameter("date", DateParameter.Explain(date));
        }

        Day = await DayQuery.LoadAsync(db, day, cancellationToken);
        if (Day is not null)
        {
            PageCache.Tag(HttpContext, Day);
        }
        else
        {
            Nearest = await DayQuery.NearestAsync(db, day, cancellationToken);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}

/// <summary>Dates in URLs are ISO 8601 calendar dates: YYYY-MM-DD.</summary>
public static class DateParameter
{
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Explain(string? text)
    {
        return $"'{ParameterText.Shorten(text)}'은(는) 날짜가 아닙니다. YYYY-MM-DD 형식으로 적어 주세요 (예: 2024-01-17).";
    }
}
