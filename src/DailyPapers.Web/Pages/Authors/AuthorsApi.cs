using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DailyPapers.Web.Pages.Authors;

/// <summary><c>GET /api/authors?q=…</c> (author search) and <c>GET /api/authors/{slug}?sort=newest|votes</c> (an author's papers).</summary>
internal static class AuthorsApi
{
    public static void MapAuthorsApi(this RouteGroupBuilder api)
    {
        api.MapRead("/authors", FindAuthors);
        api.MapRead("/authors/{slug}", GetAuthor);
    }

    public static async Task<Ok<AuthorSearchView>> FindAuthors(string? q, PapersDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await AuthorSearchQuery.SearchAsync(db, q, ct));

    public static async Task<Results<Ok<AuthorView>, ValidationProblem, ProblemHttpResult>> GetAuthor(string slug, string? sort, string? page, PapersDbContext db, HttpContext http, CancellationToken ct)
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
