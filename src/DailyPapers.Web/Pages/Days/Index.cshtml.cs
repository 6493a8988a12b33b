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
    /// <param name="year">The year shown; the latest when absent.</param>
    public async Task<IActionResult> OnGetAsync(string? date, string? month, string? year, CancellationToken cancellationToken)
    {
        if (month is not null)
        {
            return PeriodParameter.TryParseMonth(month, out _)
                ? RedirectToPage("/Days/Period", new { month })
                : this.BadParameter("month", $"'{ParameterText.Shorten(month)}'은(는) 달이 아닙니다. YYYY-MM 형식으로 적어 주세요 (예: 2024-02).");
        }

        if (date is not null)
        {
            return DateParameter.TryParse(date, out var day)
                ? RedirectToPage("/Days/Day", new { date = Links.Iso(day) })
                : this.BadParameter("date", DateParameter.Explain(date));
        }

        if (!YearParameter.TryParse(year, out var shown))
        {
            return this.BadParameter("year", $"'{ParameterText.Shorten(year)}'은(는) 연도가 아닙니다. 네 자리 숫자로 적어 주세요 (예: 2024).");
        }

        Archive = await ArchiveQuery.LoadAsync(db, shown, cancellationToken);
        return Page();
    }
}

/// <summary><c>?year=2024</c>: a year of four digits, or none.</summary>
public static class YearParameter
{
    public static bool TryParse(string? text, out int? year)
    {
        year = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length == 4 && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 1991 and <= 2999)
        {
            year = value;
            return true;
        }

        return false;
    }
}
