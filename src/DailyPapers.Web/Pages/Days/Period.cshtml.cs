using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using DailyPapers.Web.Pages.Top;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Days;

/// <summary>/weeks/2024-W05 and /months/2024-02: every digest of the period, day by day.</summary>
public sealed class PeriodModel(PapersDbContext db) : PageModel
{
    public PeriodListing? Listing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? week, string? month, CancellationToken cancellationToken)
    {
        PeriodRange range;
        if (week is not null)
        {
            if (!PeriodParameter.TryParseWeek(week, out range))
            {
                return this.BadParameter("week", $"'{ParameterText.Shorten(week)}'은(는) 주가 아닙니다. ISO 주 번호로 적어 주세요 (예: 2024-W05).");
            }
        }
        else if (!PeriodParameter.TryParseMonth(month, out range))
        {
            return this.BadParameter("month", $"'{ParameterText.Shorten(month)}'은(는) 달이 아닙니다. YYYY-MM 형식으로 적어 주세요 (예: 2024-02).");
        }

        Listing = await PeriodQuery.LoadAsync(db, range, cancellationToken);
        if (Listing.Days.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>The address of the period containing a date, of the same kind as this one.</summary>
    public string PeriodLink(DateOnly date) => Listing!.Range.Period == Period.Week
        ? Url.Page("/Days/Period", new { week = PeriodParameter.Week(date) })!
        : Url.Page("/Days/Period", new { month = PeriodParameter.Month(date) })!;
}
