using DailyPapers.Core.Data;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.ApiDocs;

public sealed class ApiDocsModel(PapersDbContext db, IApiDescriptionGroupCollectionProvider descriptions, LinkGenerator links) : PageModel
{
    public ApiDocsView View { get; private set; } = new([], "", false);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await ApiDocsQuery.LoadAsync(db, descriptions, links, HttpContext, cancellationToken);
    }
}
