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

    public async Task<IActionResult> OnGetAsync(string date, [FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        if (!DateParameter.TryParse(date, out var day))
        {
            return this.BadParameter("date", DateParameter.Explain(date));
        }

        if (!PageParameter.TryParse(pageNumber, out var page))
        {
            return this.BadParameter("page", $"페이지 '{ParameterText.Shorten(pageNumber)}'은(는) 1 이상의 정수여야 합니다.");
        }

        Day = await DayQuery.LoadAsync(db, day, cancellationToken, page);
        if (Day is { } found && found.Page > found.PageCount)
        {
            return this.BadParameter("page", $"{Links.Iso(day)}의 논문 목록은 {found.PageCount}쪽까지 있습니다.");
        }

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
