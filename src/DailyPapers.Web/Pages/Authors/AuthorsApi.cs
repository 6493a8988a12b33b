using System.ComponentModel;
using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DailyPapers.Web.Pages.Authors;

/// <summary><c>GET /api/authors?q=…</c> (author search) and <c>GET /api/authors/{slug}?sort=newest|votes</c> (an author's papers).</summary>
internal static class AuthorsApi
{
    public const string SearchName = "findAuthors";
    public const string AuthorName = "getAuthor";

    public static void MapAuthorsApi(this RouteGroupBuilder api)
    {
        api.MapRead("/authors", FindAuthors).WithName(SearchName).WithTags("Authors")
            .WithSummary("저자 이름 검색(대소문자와 악센트 무시); 검색어가 없으면 논문이 많은 저자들");
        api.MapRead("/authors/{slug}", GetAuthor).WithName(AuthorName).WithTags("Authors")
            .WithSummary("저자 한 명과 그 논문들, 자주 함께 쓴 저자들")
            .WithDescription("없는 저자는 404입니다.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<AuthorSearchView>> FindAuthors([Description("이름의 일부(세 글자 이상이면 어디든, 한두 글자면 이름의 앞)")] string? q, PapersDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await AuthorSearchQuery.SearchAsync(db, q, ct));

    public static async Task<Results<Ok<AuthorView>, ValidationProblem, ProblemHttpResult>> GetAuthor(
        [Description("저자 페이지 주소의 이름(예: xintao-wang)")] string slug,
        [Description("정렬: newest(기본), votes")] string? sort,
        [Description("페이지 번호(1부터, 기본 1)")] string? page,
        PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!AuthorSortParameter.TryParse(sort, out var order))
        {
            return Api.BadParameter("sort", $"'{ParameterText.Shorten(sort)}' is not a sort order; use newest or votes.");
        }

        if (!PageParameter.TryParse(page, out var pageNumber))
        {
            return Api.BadParameter("page", $"'{ParameterText.Shorten(page)}' is not a page number (1 or more).");
        }

        var view = slug.Length <= 200 ? await AuthorQuery.LoadAsync(db, slug, ct, order, pageNumber) : null;
        if (view is null)
        {
            return Api.NotFound($"No author has the slug '{ParameterText.Shorten(slug)}'.");
        }

        PageCache.Tag(http, view);
        return TypedResults.Ok(view);
    }
}
