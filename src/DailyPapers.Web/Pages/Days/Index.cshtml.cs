using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Days;

public sealed class ArchiveModel(PapersDbContext db) : PageModel
{
    public Archive Archive { get; private set; } = new([]);

    /// <param name="date">From the header's date box: jump straight to that day.</param>
    public async Task<IActionResult> OnGetAsync(string? date, CancellationToken cancellationToken)
    {
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
