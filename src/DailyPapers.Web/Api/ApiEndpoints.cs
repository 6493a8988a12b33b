using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Authors;
using DailyPapers.Web.Pages.Days;
using DailyPapers.Web.Pages.Papers;
using DailyPapers.Web.Pages.Search;
using DailyPapers.Web.Pages.Shared;
using DailyPapers.Web.Pages.Top;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Api;

public sealed record ApiDay(DateOnly Date, int PaperCount);

/// <param name="ArxivId">Set when the query names a paper (an arXiv id or URL) that is stored: its page is the answer.</param>
public sealed record ApiSearch(string Query, IReadOnlyList<string> Terms, string? ArxivId, int Total, int Page, int PageCount, IReadOnlyList<SearchResult> Results, IReadOnlyList<AuthorHit> Authors);

public sealed record ApiPeriod(string Period, DateOnly? Start, DateOnly? End, string Label);

public sealed record ApiTop(ApiPeriod Period, int Total, int Page, int PageCount, DateOnly? PreviousDate, DateOnly? NextDate, IReadOnlyList<PaperCard> Papers);

/// <summary>A paper with everything the paper page shows.</summary>
public sealed record ApiPaper(
    string ArxivId,
    int? ArxivVersion,
    string Title,
    int? Votes,
    IReadOnlyList<AuthorLink> Authors,
    bool AuthorsTruncated,
    string? ThumbnailUrl,
    string? VideoUrl,
    string? VideoPosterUrl,
    string SummaryMarkdown,
    string SummaryHtml,
    string AbsUrl,
    string PdfUrl,
    string HuggingFaceUrl,
    IReadOnlyList<PaperAppearance> Appearances,
    string BibTex,
    IReadOnlyList<PaperCard> MoreByTheseAuthors)
{
    public static ApiPaper From(PaperView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var p = view.Paper;
        return new(p.ArxivId, view.ArxivVersion, p.Title, p.Votes, p.Authors, p.AuthorsTruncated, p.ThumbnailUrl, p.VideoUrl, p.VideoPosterUrl,
            p.SummaryMarkdown, p.SummaryHtml, p.AbsUrl, p.PdfUrl, p.HuggingFaceUrl, view.Appearances, view.BibTex, view.MoreByTheseAuthors);
    }
}

/// <summary>The JSON API: the pages' own queries, serialised in camelCase. Unknown ids answer 404, malformed parameters 400, both as problem details.</summary>
internal static class ApiEndpoints
{
    public static void MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(OpenConnectionFilter.ForEndpoint);

        api.MapGet("/days", async (PapersDbContext db, CancellationToken ct) =>
        {
            var archive = await ArchiveQuery.LoadAsync(db, ct);
            return TypedResults.Ok(archive.Months.SelectMany(m => m.Days).Select(d => new ApiDay(d.Date, d.PaperCount)).ToList());
        });

        api.MapGet("/days/{date}", async Task<Results<Ok<DayView>, ValidationProblem, ProblemHttpResult>> (string date, PapersDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (!DateParameter.TryParse(date, out var day))
            {
                return BadParameter("date", $"'{ParameterText.Shorten(date)}' is not a date; use YYYY-MM-DD.");
            }

            var view = await DayQuery.LoadAsync(db, day, ct);
            if (view is null)
            {
                return NotFound($"No digest for {Links.Iso(day)}.");
            }

            PageCache.Tag(http, view);
            return TypedResults.Ok(view);
        });

        api.MapGet("/papers/{**id}", async Task<Results<Ok<ApiPaper>, ValidationProblem, ProblemHttpResult>> (string? id, PapersDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (!ArxivId.TryParse(id, out var arxivId))
            {
                return BadParameter("id", $"'{ParameterText.Shorten(id)}' is not an arXiv id (e.g. 2401.08541, 2401.08541v2, hep-th/9901001).");
            }

            var view = await PaperQuery.LoadAsync(db, arxivId, ct);
            if (view is null)
            {
                return NotFound($"No digest lists arXiv:{arxivId}.");
            }

            PageCache.Tag(http, view);
            return TypedResults.Ok(ApiPaper.From(view));
        });

        api.MapGet("/top", async Task<Results<Ok<ApiTop>, ValidationProblem, ProblemHttpResult>> (string? period, string? date, string? page, PapersDbContext db, CancellationToken ct) =>
        {
            if (!TopParameters.TryParse(period, date, page, out var request, out var error))
            {
                return BadParameter(error.Parameter, error.Parameter switch
                {
                    "period" => $"Unknown period '{ParameterText.Shorten(period)}'; use day, week, month, year or all.",
                    "date" => $"'{ParameterText.Shorten(date)}' is not a date; use YYYY-MM-DD.",
                    _ => $"'{ParameterText.Shorten(page)}' is not a page number (1 or more).",
                });
            }

            var view = await TopQuery.LoadAsync(db, request.Period, request.Date, request.Page, ct);
            if (view is null)
            {
                return NotFound("Nothing has been ingested yet.");
            }

            var all = view.Range.Period == Period.All;
            var range = new ApiPeriod(view.Range.Period.ToString().ToLowerInvariant(), all ? null : view.Range.Start, all ? null : view.Range.End, view.Range.Label);
            return TypedResults.Ok(new ApiTop(range, view.Total, view.Page, view.PageCount, view.PreviousDate, view.NextDate, view.Papers));
        });

        api.MapGet("/search", async Task<Results<Ok<ApiSearch>, ValidationProblem>> (string? q, string? page, string? sort, string? from, string? to, string? minVotes, PapersDbContext db, CancellationToken ct) =>
        {
            if (!SearchParameters.TryParse(q, page, sort, from, to, minVotes, out var request, out var error))
            {
                return BadParameter(error.Parameter, error.Detail);
            }

            var view = await SearchQuery.SearchAsync(db, request, ct);
            var jump = SearchParameters.PaperReference(q) is { } id && await db.Papers.AnyAsync(p => p.ArxivId == id.Value, ct) ? id.Value : null;
            return TypedResults.Ok(new ApiSearch(view.Query, view.Terms, jump, view.Total, view.Page, view.PageCount, view.Results, view.Authors));
        });

        api.MapGet("/authors", async (string? q, PapersDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await AuthorSearchQuery.SearchAsync(db, q, ct)));

        api.MapGet("/authors/{slug}", async Task<Results<Ok<AuthorView>, ProblemHttpResult>> (string slug, PapersDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var view = slug.Length <= 200 ? await AuthorQuery.LoadAsync(db, slug, ct) : null;
            if (view is null)
            {
                return NotFound($"No author has the slug '{ParameterText.Shorten(slug)}'.");
            }

            PageCache.Tag(http, view);
            return TypedResults.Ok(view);
        });
    }

    private static ValidationProblem BadParameter(string parameter, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [detail] }, detail: detail, title: $"Invalid parameter '{parameter}'");

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

}
