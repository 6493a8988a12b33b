using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Papers;

public sealed class PaperModel(PapersDbContext db) : PageModel
{
    public PaperView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        if (!ArxivId.TryParse(id, out var arxivId))
        {
            return this.BadParameter("id", PaperParameter.Explain(id));
        }

        View = await PaperQuery.LoadAsync(db, arxivId, cancellationToken);
        if (View is null)
        {
            return this.Problem(StatusCodes.Status404NotFound, "논문을 찾을 수 없습니다", $"arXiv:{arxivId} 논문은 어느 다이제스트에도 실리지 않았습니다.");
        }

        PageCache.Tag(HttpContext, View);
        // Versioned and old-style spellings resolve to one canonical address.
        return id == arxivId.Value ? Page() : RedirectToPagePermanent("/Papers/Paper", new { id = arxivId.Value });
    }
}

public static class PaperParameter
{
    public static string Explain(string? id)
    {
        return $"'{ParameterText.Shorten(id)}'은(는) arXiv 번호가 아닙니다. 예: 2401.08541, 2401.08541v2, hep-th/9901001.";
    }
}
