using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Authors;

public sealed class AuthorModel(PapersDbContext db) : PageModel
{
    public AuthorView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        View = slug.Length <= 200 ? await AuthorQuery.LoadAsync(db, slug, cancellationToken) : null;
        if (View is null)
        {
            return this.Problem(StatusCodes.Status404NotFound, "저자를 찾을 수 없습니다", "이 주소의 저자는 어느 다이제스트에도 없습니다. 저자 검색으로 찾아 보세요.");
        }

        PageCache.Tag(HttpContext, View);
        return Page();
    }
}
