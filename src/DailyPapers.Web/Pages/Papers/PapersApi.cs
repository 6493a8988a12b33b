using System.ComponentModel;
using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DailyPapers.Web.Pages.Papers;

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
    IReadOnlyList<CodeLink> CodeUrls,
    IReadOnlyList<PaperAppearance> Appearances,
    string BibTex,
    IReadOnlyList<PaperCard> MoreByTheseAuthors,
    IReadOnlyList<PaperCard> Similar)
{
    public static ApiPaper From(PaperView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var p = view.Paper;
        return new(p.ArxivId, view.ArxivVersion, p.Title, p.Votes, p.Authors, p.AuthorsTruncated, p.ThumbnailUrl, p.VideoUrl, p.VideoPosterUrl,
            p.SummaryMarkdown, p.SummaryHtml, p.AbsUrl, p.PdfUrl, p.HuggingFaceUrl, p.CodeUrls, view.Appearances, view.BibTex, view.MoreByTheseAuthors, view.Similar);
    }
}

/// <summary><c>GET /api/papers/{id}</c>: a paper with its listings, BibTeX, papers by the same authors and similar papers.</summary>
internal static class PapersApi
{
    public const string Name = "getPaper";

    public static void MapPapersApi(this RouteGroupBuilder api) =>
        api.MapRead("/papers/{**id}", GetPaper).WithName(Name).WithTags("Papers")
            .WithSummary("논문 하나: 요약, 실린 날마다의 추천 수와 순서, BibTeX, 같은 저자들의 다른 논문, 비슷한 논문")
            .WithDescription("버전이 붙은 번호(2401.08541v2)와 옛 형식 번호(hep-th/9901001)도 같은 논문을 찾습니다. codeUrls는 요약에 실린 코드 저장소(kind: code)와 프로젝트 페이지(kind: project)입니다. 어느 다이제스트에도 없는 논문은 404입니다.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<Results<Ok<ApiPaper>, ValidationProblem, ProblemHttpResult>> GetPaper([Description("arXiv 번호(예: 2401.08541, 2401.08541v2, hep-th/9901001)")] string? id, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!ArxivId.TryParse(id, out var arxivId))
        {
            return Api.BadParameter("id", $"'{ParameterText.Shorten(id)}' is not an arXiv id (e.g. 2401.08541, 2401.08541v2, hep-th/9901001).");
        }

        var view = await PaperQuery.LoadAsync(db, arxivId, ct);
        if (view is null)
        {
            return Api.NotFound($"No digest lists arXiv:{arxivId}.");
        }

        PageCache.Tag(http, view);
        return TypedResults.Ok(ApiPaper.From(view));
    }
}
