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
