using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Days;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages;

public sealed class IndexModel(PapersDbContext db, DataFolderIngest ingest) : PageModel
{
    public DayView? Day { get; private set; }

    /// <summary>The terms rising this week, for the small box under the day's header.</summary>
    public IReadOnlyList<Core.Search.RisingList> Rising { get; private set; } = [];

    /// <summary>Nothing is stored yet because the first ingest is still running: the page says so and asks to come back.</summary>
    public bool Loading { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Day = await DayQuery.LoadLatestAsync(db, cancellationToken);
        if (Day is not null)
        {
            Rising = [.. (await Trends.TrendsQuery.RisingAsync(db, 5, cancellationToken)).Where(r => r.Period == Core.Data.TermPeriod.Week && r.Terms.Count > 0)];
        }
        if (Day is null && !ingest.FirstRunDone)
        {
            Loading = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "5";
        }
    }
}
