using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DailyPapers.Web.Pages.Authors;

/// <summary><c>GET /api/authors?q=…</c> (author search) and <c>GET /api/authors/{slug}</c> (an author's papers).</summary>
internal static class AuthorsApi
{
    public static void MapAuthorsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/authors", FindAuthors);
        api.MapGet("/authors/{slug}", GetAuthor);
    }

    public static async Task<Ok<AuthorSearchView>> FindAuthors(string? q, PapersDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await AuthorSearchQuery.SearchAsync(db, q, ct));

    public static async Task<Results<Ok<AuthorView>, ProblemHttpResult>> GetAuthor(string slug, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        var view = slug.Length <= 200 ? await AuthorQuery.LoadAsync(db, slug, ct) : null;
        if (view is null)
        {
            return Api.NotFound($"No author has the slug '{ParameterText.Shorten(slug)}'.");
        }

        PageCache.Tag(http, view);
        return TypedResults.Ok(view);
    }
}
