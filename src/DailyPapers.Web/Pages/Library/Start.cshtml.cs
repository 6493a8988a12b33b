using DailyPapers.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Library;

/// <summary>
/// <c>/library</c>: what a library is and the button that makes one; with a link to this browser's own library when it
/// remembers one that still opens (the page is private, like every library page, so the link is for this reader alone).
/// </summary>
public sealed class StartModel(PapersDbContext db) : PageModel
{
    public string? Remembered { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var key = Request.Cookies[LibraryApi.Cookie];
        if (key is not null && await LibraryStore.FindAsync(db, key, cancellationToken) is not null)
        {
            Remembered = LibraryApi.PagePath(key);
        }
    }
}
