using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Papers;

/// <param name="Position">The paper's place in that day's digest, in the digest's own order.</param>
public sealed record PaperAppearance(DateOnly Date, int? Votes, int Position);

/// <summary>A paper beside this one in its latest day's digest.</summary>
public sealed record PaperNeighbour(string ArxivId, string Title, DateOnly Date, int Position);

/// <param name="Previous">The paper before this one in its latest day's digest order; null for the first.</param>
/// <param name="Next">The paper after it; null for the last.</param>
/// <param name="Similar">The papers whose titles and summaries are closest to this one's, closest first (computed at ingest).</param>
public sealed record PaperView(
    PaperCard Paper, int? ArxivVersion, IReadOnlyList<PaperAppearance> Appearances, IReadOnlyList<PaperCard> MoreByTheseAuthors,
    IReadOnlyList<PaperCard> Similar, PaperNeighbour? Previous = null, PaperNeighbour? Next = null)
{
    public string BibTex => Papers.BibTex.For(Paper, ArxivVersion);

    /// <summary>
    /// The summary's repositories and project pages as the page's buttons name them: 코드 and 프로젝트, each followed by
    /// where it leads when the summary names more than one of its kind.
    /// </summary>
    public IReadOnlyList<(CodeLink Link, string Label)> LabelledCodeLinks =>
    [
        .. Paper.CodeUrls.Select(link =>
        {
            var name = link.Kind == CodeLinkKind.Code ? "코드" : "프로젝트";
            return (link, Paper.CodeUrls.Count(l => l.Kind == link.Kind) > 1 ? $"{name} ({Shown(link.Url)})" : name);
        }),
    ];

    /// <summary>An address without its scheme and trailing slash: github.com/owner/repo.</summary>
    private static string Shown(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? (uri.Host + uri.AbsolutePath).TrimEnd('/') : url;
}

/// <summary>
/// A paper page in six round trips: the paper, its listings, the papers beside it that day, the papers sharing its
/// authors, its similar papers (stored at ingest, read by key), and all their authors.
/// </summary>
public static class PaperQuery
{
    private sealed record Found(CardRow Row, int? ArxivVersion);

    private sealed record Listed(int DayId, PaperAppearance Appearance);

    // Compiled (see CompiledQuery): the page's five reads run their SQL without building the LINQ trees again.
    // A paper whose listings a running ingest is replacing has no latest date for a moment: it is not served then.
    private static readonly CompiledQuery<Func<PapersDbContext, string, CancellationToken, Task<Found?>>> PaperOf = new(() => EF.CompileAsyncQuery(
        (PapersDbContext db, string arxivId, CancellationToken _) => db.Papers.Where(p => p.ArxivId == arxivId && p.LatestDate != null)
            .Select(p => new Found(
                new CardRow(p.Id, p.ArxivId, p.Title, p.TitleHtml, p.LatestDate ?? DateOnly.MinValue, p.TopVotes, null, p.ThumbnailUrl, p.VideoUrl, p.VideoPosterUrl, p.SummaryMarkdown, p.SummaryHtml, p.SummaryText, p.AuthorsTruncated, p.CodeUrls),
                p.ArxivVersion))
            .SingleOrDefault()));

    private static readonly CompiledQuery<Func<PapersDbContext, int, IAsyncEnumerable<Listed>>> ListingsOf = new(() => EF.CompileAsyncQuery(
        (PapersDbContext db, int paperId) => db.Appearances.Where(a => a.PaperId == paperId)
            .OrderByDescending(a => a.Day!.Date)
            .Select(a => new Listed(a.DayId, new PaperAppearance(a.Day!.Date, a.Votes, a.Position)))));

    // Positions in a day run 1, 2, 3…: the neighbours are the listings just before and after, by the day's index.
    private static readonly CompiledQuery<Func<PapersDbContext, int, int, DateOnly, IAsyncEnumerable<PaperNeighbour>>> NeighboursOf = new(() => EF.CompileAsyncQuery(
        (PapersDbContext db, int dayId, int position, DateOnly date) => db.Appearances
            .Where(a => a.DayId == dayId && (a.Position == position - 1 || a.Position == position + 1))
            .Select(a => new PaperNeighbour(a.Paper!.ArxivId, a.Title, date, a.Position))));

    // Papers sharing the most authors with this one: the six with the most links to its authors, read from the author index.
    private static readonly CompiledQuery<Func<PapersDbContext, int, IAsyncEnumerable<CardRow>>> RelatedOf = new(() => EF.CompileAsyncQuery(
        (PapersDbContext db, int paperId) => db.Papers
            .Where(p => db.PaperAuthors
                .Where(pa => pa.PaperId != paperId && db.PaperAuthors.Where(x => x.PaperId == paperId).Select(x => x.AuthorId).Contains(pa.AuthorId))
                .GroupBy(pa => pa.PaperId)
                .Select(g => new { PaperId = g.Key, Shared = g.Count() })
                .OrderByDescending(x => x.Shared).ThenByDescending(x => x.PaperId)
                .Take(6)
                .Select(x => x.PaperId)
                .Contains(p.Id) && p.LatestDate != null)
            .Select(PaperCards.FromPaper)));

    // The similar papers in the order stored, from the list's primary key; a paper removed meanwhile is left out.
    private static readonly CompiledQuery<Func<PapersDbContext, int, IAsyncEnumerable<CardRow>>> SimilarOf = new(() => EF.CompileAsyncQuery(
        (PapersDbContext db, int paperId) => db.SimilarPapers.Where(s => s.PaperId == paperId)
            .Join(db.Papers.Where(p => p.LatestDate != null), s => s.SimilarPaperId, p => p.Id, (s, p) => new { s.Rank, Paper = p })
            .OrderBy(x => x.Rank)
            .Select(x => x.Paper)
            .Select(PaperCards.FromPaper)));

    public static async Task<PaperView?> LoadAsync(PapersDbContext db, ArxivId id, CancellationToken cancellationToken)
    {
        var found = await PaperOf.For(db)(db, id.Value, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var paperId = found.Row.PaperId;
        var listings = await ListingsOf.For(db)(db, paperId).ToListAsync(cancellationToken);
        if (listings.Count == 0)
        {
            // A running ingest replaced its listings between the two reads.
            return null;
        }

        var appearances = listings.Select(l => l.Appearance).ToList();
        var latest = listings[0];
        var (dayId, position) = (latest.DayId, latest.Appearance.Position);
        var neighbours = await NeighboursOf.For(db)(db, dayId, position, latest.Appearance.Date).ToListAsync(cancellationToken);
        var relatedRows = await RelatedOf.For(db)(db, paperId).ToListAsync(cancellationToken);
        var similarRows = await SimilarOf.For(db)(db, paperId).ToListAsync(cancellationToken);

        var cards = await PaperCards.WithAuthorsAsync(db, [found.Row, .. relatedRows, .. similarRows], cancellationToken);
        var card = cards[0];
        var similar = cards.Skip(1 + relatedRows.Count).ToList();
        var slugs = card.Authors.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var more = cards.Skip(1).Take(relatedRows.Count)
            .OrderByDescending(c => c.Authors.Count(a => slugs.Contains(a.Slug)))
            .ThenByDescending(c => c.Date)
            .ThenBy(c => c.ArxivId, StringComparer.Ordinal)
            .ToList();
        return new PaperView(
            card, found.ArxivVersion, appearances, more, similar, neighbours.SingleOrDefault(n => n.Position < position), neighbours.SingleOrDefault(n => n.Position > position));
    }
}
