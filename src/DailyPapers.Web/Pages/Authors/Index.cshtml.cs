using DailyPapers.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Authors;

public sealed class AuthorsModel(PapersDbContext db) : PageModel
{
    public AuthorSearchView View { get; private set; } = new("", [], 0);

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        View = await AuthorSearchQuery.SearchAsync(db, q, cancellationToken);
    }
}
