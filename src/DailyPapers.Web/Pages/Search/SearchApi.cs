using System.ComponentModel;
using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Search;

/// <param name="ArxivId">Set when the query names a paper (an arXiv id or URL) that is stored: its page is the answer.</param>
/// <param name="Suggestion">For a query that found nothing, the same query with its misspelt words corrected, when that finds something.</param>
/// <param name="Capped">More papers match than a search counts (<see cref="Core.Search.PaperSearch.CountLimit"/>):
/// <paramref name="Total"/> is that limit, and the pages end there.</param>
public sealed record ApiSearch(string Query, IReadOnlyList<string> Terms, string? ArxivId, int Total, bool Capped, int Page, int PageCount, IReadOnlyList<SearchResult> Results, IReadOnlyList<Authors.AuthorHit> Authors, string? Suggestion);

/// <summary><c>GET /api/search?q=…</c>: full-text search, with the author matches beside it.</summary>
internal static class SearchApi
{
    public const string Name = "search";

    public static void MapSearchApi(this RouteGroupBuilder api) =>
        api.MapRead("/search", GetSearch).WithName(Name).WithTags("Search")
            .WithSummary("제목, 요약, 저자의 전문 검색과 이름이 맞는 저자들")
            .WithDescription("모든 낱말이 맞아야 하고, \"따옴표\"는 구절을 찾습니다. 질의가 저장된 논문의 arXiv 번호나 주소면 arxivId가 그 논문입니다. 결과의 논문마다 codeUrls가 요약에 실린 코드 저장소(kind: code)와 프로젝트 페이지(kind: project)입니다. 마지막 페이지 뒤는 400입니다.");

    public static async Task<Results<Ok<ApiSearch>, ValidationProblem>> GetSearch(
        [Description("검색어(한국어, 영어, arXiv 번호나 주소)")] string? q,
        [Description("페이지 번호(1부터, 기본 1)")] string? page,
        [Description("정렬: relevance(기본), newest, votes")] string? sort,
        [Description("이 날짜(YYYY-MM-DD)부터")] string? from,
        [Description("이 날짜(YYYY-MM-DD)까지")] string? to,
        [Description("추천 수가 이 이상인 논문만")] string? minVotes,
        [Description("1이면 요약에 코드 저장소나 프로젝트 페이지 링크가 있는 논문만(0이나 없으면 모두)")] string? code,
        PapersDbContext db, CancellationToken ct)
    {
        if (!SearchParameters.TryParse(q, page, sort, from, to, minVotes, code, out var request, out var error))
        {
            return Api.BadParameter(error.Parameter, error.Detail);
        }

        var view = await SearchQuery.SearchAsync(db, request, ct);
        if (view.IsPastLastPage)
        {
            return Api.BadParameter("page", $"The results of '{ParameterText.Shorten(view.Query)}' fill {view.PageCount} page(s){(view.Capped ? $" (a search counts up to {view.Total} matches)" : "")}.");
        }

        var jump = SearchParameters.PaperReference(q) is { } id && await db.Papers.AnyAsync(p => p.ArxivId == id.Value, ct) ? id.Value : null;
        return TypedResults.Ok(new ApiSearch(view.Query, view.Terms, jump, view.Total, view.Capped, view.Page, view.PageCount, view.Results, view.Authors, view.Suggestion));
    }
}
