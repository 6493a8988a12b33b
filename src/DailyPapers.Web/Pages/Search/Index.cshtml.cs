using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Search;

public sealed class SearchModel(PapersDbContext db) : PageModel
{
    public SearchView? View { get; private set; }

    /// <summary>An arXiv id that was searched for but is in no digest.</summary>
    public string? MissingArxivId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, [FromQuery(Name = "page")] string? pageNumber, string? sort, string? from, string? to, string? minVotes, string? code, CancellationToken cancellationToken)
    {
        if (!SearchParameters.TryParse(q, pageNumber, sort, from, to, minVotes, code, out var request, out var error))
        {
            return this.BadParameter(error.Parameter, error.Detail);
        }

        if (SearchParameters.PaperReference(q) is { } id)
        {
            if (await db.Papers.AnyAsync(p => p.ArxivId == id.Value, cancellationToken))
            {
                return RedirectToPage("/Papers/Paper", new { id = id.Value });
            }

            MissingArxivId = id.Value;
        }

        View = await SearchQuery.SearchAsync(db, request, cancellationToken);
        if (View.IsPastLastPage)
        {
            return this.BadParameter("page", View.PastLastPageText);
        }

        return Page();
    }
}
