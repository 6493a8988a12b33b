using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Days;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Top;

public sealed class TopModel(PapersDbContext db) : PageModel
{
    public TopView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? period, string? date, [FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        if (!TopParameters.TryParse(period, date, pageNumber, out var parsed, out var error))
        {
            return this.BadParameter(error.Parameter, error.Detail);
        }

        View = await TopQuery.LoadAsync(db, parsed.Period, parsed.Date, parsed.Page, cancellationToken);
        return Page();
    }
}

public readonly record struct TopRequest(Period Period, DateOnly? Date, int Page);

/// <summary>Reads /top's query string, for the page and the API alike.</summary>
public static class TopParameters
{
    public static bool TryParse(string? period, string? date, string? page, out TopRequest request, out (string Parameter, string Detail) error)
    {
        request = default;
        error = default;
        if (!PeriodRange.TryParse(period, out var p))
        {
            error = ("period", $"기간 '{ParameterText.Shorten(period)}'을(를) 알 수 없습니다. day, week, month, year, all 중 하나를 고르세요.");
            return false;
        }

        DateOnly? day = null;
        if (!string.IsNullOrEmpty(date))
        {
            if (!DateParameter.TryParse(date, out var d))
            {
                error = ("date", DateParameter.Explain(date));
                return false;
            }

            // Periods reach a year either side; the calendar ends at 9999.
            if (d.Year is < 2 or > 9998)
            {
                error = ("date", $"'{ParameterText.Shorten(date)}'은(는) 다룰 수 있는 범위(0002–9998년) 밖의 날짜입니다.");
                return false;
            }

            day = d;
        }

        var pageNumber = 1;
        if (!string.IsNullOrEmpty(page) && !PageParameter.TryParse(page, out pageNumber))
        {
            error = ("page", $"페이지 '{ParameterText.Shorten(page)}'은(는) 1 이상의 정수여야 합니다.");
            return false;
        }

        request = new TopRequest(p, day, pageNumber);
        return true;
    }

}
