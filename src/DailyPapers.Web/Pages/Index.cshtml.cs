using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Days;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages;

public sealed class IndexModel(PapersDbContext db) : PageModel
{
    public DayView? Day { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Day = await DayQuery.LoadLatestAsync(db, cancellationToken);
    }
}
