using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Days;

public sealed class ArchiveModel(PapersDbContext db) : PageModel
{
    public Archive Archive { get; private set; } = new([]);

    /// <param name="date">From the header's date box: jump straight to that day.</param>
    /// <param name="month">From the archive's month box: jump to that month's listing.</param>
    public async Task<IActionResult> OnGetAsync(string? date, string? month, CancellationToken cancellationToken)
    {
        if (month is not null)
        {
            return PeriodParameter.TryParseMonth(month, out _)
                ? Redirect("/months/" + month)
                : this.BadParameter("month", $"'{ParameterText.Shorten(month)}'은(는) 달이 아닙니다. YYYY-MM 형식으로 적어 주세요 (예: 2024-02).");
        }

        if (date is not null)
        {
            return DateParameter.TryParse(date, out var day)
                ? Redirect(Links.Day(day))
                : this.BadParameter("date", DateParameter.Explain(date));
        }

        Archive = await ArchiveQuery.LoadAsync(db, cancellationToken);
        return Page();
    }
}
