using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Search;

/// <param name="ArxivId">Set when the query names a paper (an arXiv id or URL) that is stored: its page is the answer.</param>
/// <param name="Suggestion">For a query that found nothing, the same query with its misspelt words corrected, when that finds something.</param>
public sealed record ApiSearch(string Query, IReadOnlyList<string> Terms, string? ArxivId, int Total, int Page, int PageCount, IReadOnlyList<SearchResult> Results, IReadOnlyList<Authors.AuthorHit> Authors, string? Suggestion);

/// <summary><c>GET /api/search?q=…</c>: full-text search, with the author matches beside it.</summary>
internal static class SearchApi
{
    public static void MapSearchApi(this RouteGroupBuilder api) => api.MapRead("/search", GetSearch);

    public static async Task<Results<Ok<ApiSearch>, ValidationProblem>> GetSearch(string? q, string? page, string? sort, string? from, string? to, string? minVotes, PapersDbContext db, CancellationToken ct)
    {
        if (!SearchParameters.TryParse(q, page, sort, from, to, minVotes, out var request, out var error))
        {
            return Api.BadParameter(error.Parameter, error.Detail);
        }

        var view = await SearchQuery.SearchAsync(db, request, ct);
        var jump = SearchParameters.PaperReference(q) is { } id && await db.Papers.AnyAsync(p => p.ArxivId == id.Value, ct) ? id.Value : null;
        return TypedResults.Ok(new ApiSearch(view.Query, view.Terms, jump, view.Total, view.Page, view.PageCount, view.Results, view.Authors, view.Suggestion));
    }
}
