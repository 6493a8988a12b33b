using System.Linq.Expressions;
using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Shared;

public sealed record AuthorLink(string Name, string Slug);

/// <summary>A paper as listed on a day, in a ranking or in search results: the unit every listing is made of.</summary>
/// <param name="Date">The day the listing refers to (the day of the appearance, or the latest day the paper was listed on).</param>
/// <param name="Position">The paper's 1-based place in that day's digest, in the digest's own order; null outside a day's listing.</param>
/// <param name="Title">The title as written, TeX included.</param>
/// <param name="TitleHtml">The title as HTML made at ingest: text escaped, TeX as MathML.</param>
/// <param name="SummaryText">The summary as plain text made at ingest, a line per block: for descriptions, feeds and snippets.</param>
public sealed record PaperCard(
    string ArxivId,
    string Title,
    string TitleHtml,
    DateOnly Date,
    int? Votes,
    int? Position,
    string? ThumbnailUrl,
    string? VideoUrl,
    string? VideoPosterUrl,
    string SummaryMarkdown,
    string SummaryHtml,
    string SummaryText,
    bool AuthorsTruncated,
    IReadOnlyList<AuthorLink> Authors)
{
    /// <summary>The title with its TeX in plain Unicode (VILA², LLM×MapReduce, 360°), for places that hold no markup.</summary>
    public string TitleText => TexMath.TitleToPlain(Title);

    public string AbsUrl => Links.Abs(ArxivId);

    public string PdfUrl => Links.Pdf(ArxivId);

    public string HuggingFaceUrl => Links.HuggingFace(ArxivId);

    /// <summary>The repositories and project pages the summary names, in its order (<see cref="CodeLinks"/>): in the API, <c>codeUrls</c>.</summary>
    public IReadOnlyList<CodeLink> CodeUrls { get; init; } = [];

    /// <summary>The first link of a kind, which a card shows beside arXiv and Hugging Face; null when there is none.</summary>
    public CodeLink? FirstLink(CodeLinkKind kind)
    {
        foreach (var link in CodeUrls)
        {
            if (link.Kind == kind)
            {
                return link;
            }
        }

        return null;
    }
}

/// <summary>
/// Addresses outside this site (arXiv, Hugging Face) and the date format of every URL. Links to this site's own pages are
/// made from their routes (<c>asp-page</c>, <c>Url.Page</c>), never from strings.
/// </summary>
public static class Links
{
    public static string Abs(string arxivId) => "https://arxiv.org/abs/" + arxivId;

    public static string Pdf(string arxivId) => "https://arxiv.org/pdf/" + arxivId;

    public static string HuggingFace(string arxivId) => "https://huggingface.co/papers/" + arxivId;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A paper card before its authors are attached: what one indexed read of Papers (and Appearances) gives.</summary>
public sealed record CardRow(
    int PaperId,
    string ArxivId,
    string Title,
    string TitleHtml,
    DateOnly Date,
    int? Votes,
    int? Position,
    string? ThumbnailUrl,
    string? VideoUrl,
    string? VideoPosterUrl,
    string SummaryMarkdown,
    string SummaryHtml,
    string SummaryText,
    bool AuthorsTruncated,
    string? CodeUrls);

/// <summary>
/// The projections every listing query shares. A listing reads its papers first (by an index) and then their authors in
/// one keyed query: a nested author list inside the projection makes EF Core join a subquery over every paper's
/// authors, which SQLite materialises in full for each page.
/// </summary>
public static class PaperCards
{
    /// <summary>A paper as one day's digest listed it: that listing's own title, summary and media.</summary>
    public static readonly Expression<Func<Appearance, CardRow>> FromAppearance = a => new CardRow(
        a.PaperId,
        a.Paper!.ArxivId,
        a.Title,
        a.TitleHtml,
        a.Day!.Date,
        a.Votes,
        a.Position,
        a.ThumbnailUrl,
        a.VideoUrl,
        a.VideoPosterUrl,
        a.SummaryMarkdown,
        a.SummaryHtml,
        a.SummaryText,
        a.AuthorsTruncated,
        a.CodeUrls);

    /// <summary>A paper outside any one day: dated by its latest listing, with its highest vote count (both kept at ingest).</summary>
    public static readonly Expression<Func<Paper, CardRow>> FromPaper = p => new CardRow(
        p.Id,
        p.ArxivId,
        p.Title,
        p.TitleHtml,
        p.LatestDate ?? DateOnly.MinValue,
        p.TopVotes,
        null,
        p.ThumbnailUrl,
        p.VideoUrl,
        p.VideoPosterUrl,
        p.SummaryMarkdown,
        p.SummaryHtml,
        p.SummaryText,
        p.AuthorsTruncated,
        p.CodeUrls);

    private sealed record LinkRow(int PaperId, int Position, string Name, string Slug);

    // Compiled once, for every listing. Each slug is looked up by the author's key (a subquery per link): a join lets
    // PostgreSQL's planner hash the whole author table instead, a cost that grows with the archive rather than with the
    // cards shown.
    private static readonly CompiledQuery<Func<PapersDbContext, List<int>, IAsyncEnumerable<LinkRow>>> AuthorLinksOf = new(() => EF.CompileAsyncQuery(
        (PapersDbContext db, List<int> ids) => db.PaperAuthors.Where(pa => ids.Contains(pa.PaperId))
            .Select(pa => new LinkRow(pa.PaperId, pa.Position, pa.Name, db.Authors.Where(a => a.Id == pa.AuthorId).Select(a => a.Slug).Single()))));

    /// <summary>Attaches each row's authors, read in one query keyed by the rows' paper ids; keeps the rows' order.</summary>
    public static async Task<List<PaperCard>> WithAuthorsAsync(PapersDbContext db, IReadOnlyList<CardRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.PaperId).Distinct().ToList();
        var links = await AuthorLinksOf.For(db)(db, ids).ToListAsync(cancellationToken);
        var byPaper = links.GroupBy(l => l.PaperId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AuthorLink>)[.. g.OrderBy(l => l.Position).Select(l => new AuthorLink(l.Name, l.Slug))]);
        return
        [
            .. rows.Select(r => new PaperCard(
                r.ArxivId, r.Title, r.TitleHtml, r.Date, r.Votes, r.Position, r.ThumbnailUrl, r.VideoUrl, r.VideoPosterUrl, r.SummaryMarkdown, r.SummaryHtml, PlainText(r),
                r.AuthorsTruncated, byPaper.GetValueOrDefault(r.PaperId, []))
            {
                CodeUrls = CodeLinks.FromJson(r.CodeUrls),
            }),
        ];
    }

    /// <summary>
    /// The plain text made at ingest; a row stored before it was made (until the ingest after an upgrade reads its file
    /// again) has its markdown read here instead.
    /// </summary>
    private static string PlainText(CardRow row) =>
        row.SummaryText.Length == 0 && row.SummaryMarkdown.Length > 0 ? SummaryRenderer.ToPlainText(row.SummaryMarkdown) : row.SummaryText;

    /// <summary>One page's cards: the rows a query selected, then their authors.</summary>
    public static async Task<List<PaperCard>> ToCardsAsync(this IQueryable<CardRow> rows, PapersDbContext db, CancellationToken cancellationToken) =>
        await WithAuthorsAsync(db, await rows.ToListAsync(cancellationToken), cancellationToken);
}
