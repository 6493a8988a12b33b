namespace DailyPapers.Core.Parsing;

/// <summary>What one digest file says: normally one day, plus everything worth reporting.</summary>
public sealed record ParsedDigest(IReadOnlyList<ParsedDay> Days, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <param name="Line">1-based line of the day heading.</param>
/// <param name="NotesMarkdown">Content of the day that belongs to no paper (kept, never dropped); null when there is none.</param>
public sealed record ParsedDay(DateOnly Date, int Line, IReadOnlyList<ParsedPaper> Papers, string? NotesMarkdown);

/// <param name="Title">The title as written, TeX included.</param>
/// <param name="TitleHtml">The title as HTML: text escaped, TeX as MathML.</param>
/// <param name="SummaryHtml">The summary rendered with raw HTML disabled, links made safe and TeX as MathML.</param>
/// <param name="Position">1-based position of the paper in the day's digest (the digest's own order).</param>
/// <param name="Line">1-based line of the paper's heading.</param>
public sealed record ParsedPaper(
    ArxivId ArxivId,
    string Title,
    string TitleHtml,
    string? ThumbnailUrl,
    string? VideoUrl,
    string? VideoPosterUrl,
    int? Votes,
    IReadOnlyList<string> Authors,
    bool AuthorsTruncated,
    string SummaryMarkdown,
    string SummaryHtml,
    int Position,
    int Line);
