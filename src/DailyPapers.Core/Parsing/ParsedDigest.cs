using Markdig.Syntax;

namespace DailyPapers.Core.Parsing;

/// <summary>What one digest file says: normally one day, plus everything worth reporting.</summary>
public sealed record ParsedDigest(IReadOnlyList<ParsedDay> Days, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>The file as its diagnostics name it.</summary>
    internal string File { get; init; } = "";

    /// <summary>
    /// Every paper section read, in file order, stored or not (a second listing of a paper, one under a day without a
    /// valid date, one with no day at all): rendering reads the TeX in each, as it always has.
    /// </summary>
    internal IReadOnlyList<PaperRead> PapersRead { get; init; } = [];
}

/// <param name="Line">1-based line of the day heading.</param>
/// <param name="NotesMarkdown">Content of the day that belongs to no paper (kept, never dropped); null when there is none.</param>
public sealed record ParsedDay(DateOnly Date, int Line, IReadOnlyList<ParsedPaper> Papers, string? NotesMarkdown)
{
    /// <summary>The notes as parsed, so they render from the same syntax tree (text parsed again only where its blocks were read as data).</summary>
    internal IReadOnlyList<SummaryPiece> NotePieces { get; init; } = [];

    /// <summary>
    /// The notes rendered like a summary; null when there are none or they render to nothing (link reference
    /// definitions). Null until the digest is rendered (<c>DigestRenderer</c>).
    /// </summary>
    public string? NotesHtml { get; init; }
}

/// <param name="Title">The title as written, TeX included.</param>
/// <param name="SummaryMarkdown">The summary as written: its pieces' markdown, a blank line between them.</param>
/// <param name="SummaryPieces">The summary as parsed, so it renders from the same syntax tree.</param>
/// <param name="Position">1-based position of the paper in the day's digest (the digest's own order).</param>
/// <param name="Line">1-based line of the paper's heading.</param>
public sealed record ParsedPaper(
    ArxivId ArxivId,
    string Title,
    string? ThumbnailUrl,
    string? VideoUrl,
    string? VideoPosterUrl,
    int? Votes,
    IReadOnlyList<string> Authors,
    bool AuthorsTruncated,
    string SummaryMarkdown,
    IReadOnlyList<SummaryPiece> SummaryPieces,
    int Position,
    int Line)
{
    /// <summary>The title as HTML: text escaped, TeX as MathML. Empty until the digest is rendered (<c>DigestRenderer</c>).</summary>
    public string TitleHtml { get; init; } = "";

    /// <summary>
    /// The summary rendered with raw HTML disabled, links made safe and TeX as MathML. Empty until the digest is
    /// rendered (<c>DigestRenderer</c>).
    /// </summary>
    public string SummaryHtml { get; init; } = "";

    /// <summary>
    /// The summary as plain text (markup dropped, link text kept), a line per block: for descriptions, feeds and search snippets.
    /// Empty until the digest is rendered (<c>DigestRenderer</c>).
    /// </summary>
    public string SummaryText { get; init; } = "";

    /// <summary>
    /// The repositories and project pages the summary names (<see cref="CodeLinks"/>), in its order. Empty until the
    /// digest is rendered (<c>DigestRenderer</c>), which reads them from the summary's links as it renders them.
    /// </summary>
    public IReadOnlyList<CodeLink> CodeLinks { get; init; } = [];
}

/// <summary>Part of a summary: its markdown source, and the parsed block to render it from (null for text the parser composed).</summary>
public readonly record struct SummaryPiece(string Markdown, Block? Block);

/// <summary>A paper section as read, and how many diagnostics came before the ones its rendering reports.</summary>
internal sealed record PaperRead(ParsedPaper Paper, int RenderWarningsAt);
