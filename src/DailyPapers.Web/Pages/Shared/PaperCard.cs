using System.Linq.Expressions;
using DailyPapers.Core.Data;

namespace DailyPapers.Web.Pages.Shared;

public sealed record AuthorLink(string Name, string Slug);

/// <summary>A paper as listed on a day, in a ranking or in search results: the unit every listing is made of.</summary>
/// <param name="Date">The day the listing refers to (the day of the appearance, or the latest day the paper was listed on).</param>
public sealed record PaperCard(
    string ArxivId,
    string Title,
    DateOnly Date,
    int? Votes,
    int Rank,
    string? ThumbnailUrl,
    string? VideoUrl,
    string? VideoPosterUrl,
    string SummaryMarkdown,
    string SummaryHtml,
    bool AuthorsTruncated,
    IReadOnlyList<AuthorLink> Authors)
{
    public string AbsUrl => Links.Abs(ArxivId);

    public string PdfUrl => Links.Pdf(ArxivId);

    public string HuggingFaceUrl => Links.HuggingFace(ArxivId);
}

public static class Links
{
    public static string Abs(string arxivId) => "https://arxiv.org/abs/" + arxivId;

    public static string Pdf(string arxivId) => "https://arxiv.org/pdf/" + arxivId;

    public static string HuggingFace(string arxivId) => "https://huggingface.co/papers/" + arxivId;

    public static string Day(DateOnly date) => "/days/" + Iso(date);

    public static string Paper(string arxivId) => "/papers/" + arxivId;

    public static string Author(string slug) => "/authors/" + Uri.EscapeDataString(slug);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The projections every listing query shares, so each is written once and translated to SQL by EF Core.</summary>
public static class PaperCards
{
    public static readonly Expression<Func<Appearance, PaperCard>> FromAppearance = a => new PaperCard(
        a.Paper!.ArxivId,
        a.Paper.Title,
        a.Day!.Date,
        a.Votes,
        a.Rank,
        a.Paper.ThumbnailUrl,
        a.Paper.VideoUrl,
        a.Paper.VideoPosterUrl,
        a.Paper.SummaryMarkdown,
        a.Paper.SummaryHtml,
        a.Paper.AuthorsTruncated,
        a.Paper.Authors.OrderBy(pa => pa.Position).Select(pa => new AuthorLink(pa.Author!.Name, pa.Author.Slug)).ToList());

    /// <summary>A paper outside any one day: dated by its latest listing, with its highest vote count.</summary>
    public static readonly Expression<Func<Paper, PaperCard>> FromPaper = p => new PaperCard(
        p.ArxivId,
        p.Title,
        // A paper whose listings are being replaced by a running ingest may briefly have none.
        p.Appearances.Max(a => (DateOnly?)a.Day!.Date) ?? DateOnly.MinValue,
        p.Appearances.Max(a => a.Votes),
        0,
        p.ThumbnailUrl,
        p.VideoUrl,
        p.VideoPosterUrl,
        p.SummaryMarkdown,
        p.SummaryHtml,
        p.AuthorsTruncated,
        p.Authors.OrderBy(pa => pa.Position).Select(pa => new AuthorLink(pa.Author!.Name, pa.Author.Slug)).ToList());
}
