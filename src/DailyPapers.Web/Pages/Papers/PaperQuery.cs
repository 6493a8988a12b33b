using System.Globalization;
using System.Text;
using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Papers;

/// <param name="Position">The paper's place in that day's digest, in the digest's own order.</param>
public sealed record PaperAppearance(DateOnly Date, int? Votes, int Position);

public sealed record PaperView(PaperCard Paper, int? ArxivVersion, IReadOnlyList<PaperAppearance> Appearances, IReadOnlyList<PaperCard> MoreByTheseAuthors)
{
    public string BibTex => Papers.BibTex.For(Paper, ArxivVersion);
}

/// <summary>A paper page in four round trips: the paper, its listings, the papers sharing its authors, and all their authors.</summary>
public static class PaperQuery
{
    public static async Task<PaperView?> LoadAsync(PapersDbContext db, ArxivId id, CancellationToken cancellationToken)
    {
        // A paper whose listings a running ingest is replacing has no latest date for a moment: it is not served then.
        var found = await db.Papers.Where(p => p.ArxivId == id.Value && p.LatestDate != null)
            .Select(p => new { Row = new CardRow(p.Id, p.ArxivId, p.Title, p.TitleHtml, p.LatestDate ?? DateOnly.MinValue, p.TopVotes, null, p.ThumbnailUrl, p.VideoUrl, p.VideoPosterUrl, p.SummaryMarkdown, p.SummaryHtml, p.AuthorsTruncated), p.ArxivVersion })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var paperId = found.Row.PaperId;
        var appearances = await db.Appearances.Where(a => a.PaperId == paperId)
            .OrderByDescending(a => a.Day!.Date)
            .Select(a => new PaperAppearance(a.Day!.Date, a.Votes, a.Position))
            .ToListAsync(cancellationToken);

        // Papers sharing the most authors with this one: the six with the most links to its authors, read from the author index.
        var authorIds = db.PaperAuthors.Where(pa => pa.PaperId == paperId).Select(pa => pa.AuthorId);
        var relatedIds = db.PaperAuthors
            .Where(pa => pa.PaperId != paperId && authorIds.Contains(pa.AuthorId))
            .GroupBy(pa => pa.PaperId)
            .Select(g => new { PaperId = g.Key, Shared = g.Count() })
            .OrderByDescending(x => x.Shared).ThenByDescending(x => x.PaperId)
            .Take(6)
            .Select(x => x.PaperId);
        var relatedRows = await db.Papers.Where(p => relatedIds.Contains(p.Id) && p.LatestDate != null).Select(PaperCards.FromPaper).ToListAsync(cancellationToken);

        var cards = await PaperCards.WithAuthorsAsync(db, [found.Row, .. relatedRows], cancellationToken);
        var card = cards[0];
        var slugs = card.Authors.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var more = cards.Skip(1)
            .OrderByDescending(c => c.Authors.Count(a => slugs.Contains(a.Slug)))
            .ThenByDescending(c => c.Date)
            .ThenBy(c => c.ArxivId, StringComparer.Ordinal)
            .ToList();
        return new PaperView(card, found.ArxivVersion, appearances, more);
    }
}

/// <summary>A BibTeX entry for an arXiv paper, in the form arXiv itself suggests (@misc with eprint).</summary>
public static class BibTex
{
    public static string For(PaperCard paper, int? version)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var year = Year(paper.ArxivId) ?? paper.Date.Year;
        var firstAuthor = paper.Authors.Count > 0 ? paper.Authors[0].Name : null;
        var lastName = firstAuthor is null ? "arxiv" : Key(firstAuthor.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
        var firstWord = Key(paper.Title.Split([' ', ':', '-'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Length > 3) ?? "paper");
        var authors = string.Join(" and ", paper.Authors.Select(a => Escape(a.Name)));
        if (paper.AuthorsTruncated || paper.Authors.Count == 0)
        {
            authors = authors.Length == 0 ? "others" : authors + " and others";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"@misc{{{lastName}{year}{firstWord},\n");
        // TeX in the title is TeX to BibTeX too: {LLM$\times$MapReduce}; only the text around it is escaped.
        text.Append(CultureInfo.InvariantCulture, $"  title         = {{{{{TexMath.MapText(paper.Title, Escape)}}}}},\n");
        text.Append(CultureInfo.InvariantCulture, $"  author        = {{{authors}}},\n");
        text.Append(CultureInfo.InvariantCulture, $"  year          = {{{year}}},\n");
        text.Append(CultureInfo.InvariantCulture, $"  eprint        = {{{paper.ArxivId}{(version is { } v ? $"v{v}" : "")}}},\n");
        text.Append("  archivePrefix = {arXiv},\n");
        text.Append(CultureInfo.InvariantCulture, $"  url           = {{{paper.AbsUrl}}}\n");
        text.Append('}');
        return text.ToString();
    }

    /// <summary>New-style ids start with YYMM; old-style ids carry YY after the slash.</summary>
    private static int? Year(string arxivId)
    {
        var digits = arxivId.Contains('/', StringComparison.Ordinal) ? arxivId[(arxivId.IndexOf('/', StringComparison.Ordinal) + 1)..] : arxivId;
        if (digits.Length < 2 || !int.TryParse(digits.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var yy))
        {
            return null;
        }

        return yy >= 91 ? 1900 + yy : 2000 + yy;
    }

    private static string Key(string word)
    {
        var folded = AuthorNames.Fold(word);
        var key = new string([.. folded.Where(char.IsAsciiLetterOrDigit)]);
        return key.Length == 0 ? "x" : key;
    }

    private static string Escape(string value) => value.Replace("\\", "\\textbackslash{}", StringComparison.Ordinal)
        .Replace("{", "\\{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal)
        .Replace("&", "\\&", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal);
}
