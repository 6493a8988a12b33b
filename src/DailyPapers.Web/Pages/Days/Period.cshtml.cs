using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using DailyPapers.Web.Pages.Top;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Days;

/// <summary>/weeks/2024-W05 and /months/2024-02: the period's papers by votes, a page at a time, and its digest days.</summary>
public sealed class PeriodModel(PapersDbContext db) : PageModel
{
    public PeriodView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? week, string? month, [FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        if (!PeriodParameter.TryParse(week, month, out var range, out var error))
        {
            return this.BadParameter(error.Parameter, error.Detail);
        }

        if (!PageParameter.TryParse(pageNumber, out var page))
        {
            return this.BadParameter("page", $"페이지 '{ParameterText.Shorten(pageNumber)}'은(는) 1 이상의 정수여야 합니다.");
        }

        View = await PeriodQuery.LoadAsync(db, range, page, cancellationToken);
        if (View.IsPastLastPage)
        {
            return this.BadParameter("page", $"{range.Label}의 논문 목록은 {View.PageCount}쪽까지 있습니다.");
        }

        if (View.Days.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>The address of the period containing a date, of the same kind as this one.</summary>
    public string PeriodLink(DateOnly date) => View!.Range.Period == Period.Week
        ? Url.Page("/Days/Period", new { week = PeriodParameter.Week(date) })!
        : Url.Page("/Days/Period", new { month = PeriodParameter.Month(date) })!;

    /// <summary>Page <paramref name="page"/> of this period's listing.</summary>
    public string PageLink(int page)
    {
        var path = View!.Range.Period == Period.Week
            ? Url.Page("/Days/Period", new { week = View.Key })!
            : Url.Page("/Days/Period", new { month = View.Key })!;
        return page == 1 ? path : PagerModel.WithPage(path, page);
    }
}
