using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Authors;

public sealed class AuthorModel(PapersDbContext db) : PageModel
{
    public AuthorView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? sort, [FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        if (!AuthorSortParameter.TryParse(sort, out var order))
        {
            return this.BadParameter("sort", $"'{ParameterText.Shorten(sort)}'은(는) 정렬 방식이 아닙니다. newest(최신 순) 또는 votes(추천 수 순)로 적어 주세요.");
        }

        if (!PageParameter.TryParse(pageNumber, out var page))
        {
            return this.BadParameter("page", $"페이지 '{ParameterText.Shorten(pageNumber)}'은(는) 1 이상의 정수여야 합니다.");
        }

        View = slug.Length <= 200 ? await AuthorQuery.LoadAsync(db, slug, cancellationToken, order, page) : null;
        if (View is null)
        {
            return this.Problem(StatusCodes.Status404NotFound, "저자를 찾을 수 없습니다", "이 주소의 저자는 어느 다이제스트에도 없습니다. 저자 검색으로 찾아 보세요.");
        }

        PageCache.Tag(HttpContext, View);
        return Page();
    }
}

/// <summary><c>?sort=newest</c> (the default) or <c>?sort=votes</c>.</summary>
public static class AuthorSortParameter
{
    public static bool TryParse(string? text, out AuthorSort sort)
    {
        sort = AuthorSort.Newest;
        return string.IsNullOrEmpty(text) || (Enum.TryParse(text, ignoreCase: true, out sort) && Enum.IsDefined(sort) && !text.Any(char.IsDigit));
    }
}
