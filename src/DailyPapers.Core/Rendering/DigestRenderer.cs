using System.Text;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Rendering;

/// <summary>
/// Turns a parsed digest's titles, summaries and day notes into HTML, once, at ingest: titles with their TeX as MathML,
/// summaries and notes from the blocks the parser made (the file's one Markdig pass), summaries also as plain text. TeX
/// that KaTeX cannot read is shown as written and reported at its paper's line; so is the TeX left once the file has
/// used its KaTeX time (<see cref="TexBudget.PerFile"/>), reported once, where that began.
/// </summary>
public static class DigestRenderer
{
    /// <summary>
    /// The digest with <see cref="ParsedPaper.TitleHtml"/>, <see cref="ParsedPaper.SummaryHtml"/>,
    /// <see cref="ParsedPaper.SummaryText"/>, <see cref="ParsedPaper.CodeLinks"/> and <see cref="ParsedDay.NotesHtml"/> filled in, rendering's warnings added,
    /// and the syntax tree let go (its summary pieces are empty).
    /// </summary>
    public static ParsedDigest Render(ParsedDigest digest) => Render(digest, TexBudget.PerFile);

    /// <param name="texTime">The KaTeX time the file may use.</param>
    internal static ParsedDigest Render(ParsedDigest digest, TimeSpan texTime)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var budget = new TexBudget(texTime);
        // Renderers of this file's own: one that Markdig left half-way (it refuses nesting past its limit) spoils nothing after it.
        var writer = new BlockHtmlWriter();
        var plain = new PlainTextWriter();
        var diagnostics = digest.Diagnostics.ToList();
        var html = new Dictionary<int, (string Title, string Summary, string Text, IReadOnlyList<CodeLink> Code)>();
        foreach (var (paper, warningsAt) in digest.PapersRead)
        {
            budget.Line = paper.Line;
            var warnings = new List<Diagnostic>();
            var titleHtml = TexMath.TitleToHtml(paper.Title, budget, out var titleFailures);
            foreach (var tex in titleFailures)
            {
                warnings.Add(Warning(digest, paper, $"TeX '{DiagnosticList.Shorten(tex)}' in the title cannot be rendered; it is shown as written"));
            }

            // Plain text first: rendering HTML makes the blocks' links safe and lifts TeX out of their text, in place.
            var pieces = Parsed(paper.SummaryPieces);
            var summaryText = plain.Render(pieces);
            writer.Tex.TakeFailures();
            var summaryHtml = RenderPieces(writer, pieces, budget);
            foreach (var tex in writer.Tex.TakeFailures())
            {
                warnings.Add(Warning(digest, paper, $"TeX '{DiagnosticList.Shorten(tex)}' in the summary cannot be rendered; it is shown as written"));
            }

            // From the blocks just rendered, whose links are safe and cut where the page's links end.
            var codeLinks = SummaryCodeLinks.Of(pieces.Select(p => p.Block!));

            // Positions count the parser's diagnostics only, so those already inserted before this one shift it.
            diagnostics.InsertRange(warningsAt + diagnostics.Count - digest.Diagnostics.Count, warnings);
            // A paper section is known by its heading's line; the day holds a copy of the paper with its position.
            // Markdig decodes a character reference to what it names, &#1; too: what no text may hold is dropped here.
            html[paper.Line] = (CleanText.Remove(titleHtml), CleanText.Remove(summaryHtml), CleanText.Remove(summaryText), codeLinks);
        }

        var days = new List<ParsedDay>(digest.Days.Count);
        foreach (var day in digest.Days)
        {
            budget.Line = day.Line;
            var notesHtml = CleanText.Remove(RenderPieces(writer, Parsed(day.NotePieces), budget));
            // TeX in notes that KaTeX cannot read is shown as written without a warning of its own, as it always was: a
            // paper section kept in the notes has had its TeX reported as the paper's.
            writer.Tex.TakeFailures();

            // The blocks are let go once rendered: the syntax tree is the bulk of a file's memory while it waits to be written.
            days.Add(day with
            {
                Papers = [.. day.Papers.Select(p => p with { SummaryPieces = [], TitleHtml = html[p.Line].Title, SummaryHtml = html[p.Line].Summary, SummaryText = html[p.Line].Text, CodeLinks = html[p.Line].Code })],
                // Notes that render to nothing (link reference definitions) keep their markdown but show no box.
                NotesHtml = string.IsNullOrWhiteSpace(notesHtml) ? null : notesHtml,
                NotePieces = [],
            });
        }

        if (budget.Skipped > 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, digest.File, budget.SkippedFromLine,
                $"rendering TeX used the {budget.Time.TotalSeconds:0.#} s a file may spend on it; {budget.Skipped:N0} TeX span(s) from here on are shown as written"));
        }

        return digest with { Days = days, Diagnostics = diagnostics, PapersRead = [] };
    }

    private static Diagnostic Warning(ParsedDigest digest, ParsedPaper paper, string message) =>
        new(Severity.Warning, digest.File, paper.Line, $"paper {paper.ArxivId}: {message}");

    /// <summary>
    /// The pieces with text the parser composed (no block of the file's tree) parsed once, so plain text and HTML are
    /// both rendered from blocks.
    /// </summary>
    private static IReadOnlyList<SummaryPiece> Parsed(IReadOnlyList<SummaryPiece> pieces) =>
        pieces.All(p => p.Block is not null)
            ? pieces
            : [.. pieces.Select(p => p.Block is null ? p with { Block = Markdig.Markdown.Parse(p.Markdown, DigestPipeline.Instance) } : p)];

    /// <summary>Renders a summary or notes from its blocks.</summary>
    private static string RenderPieces(BlockHtmlWriter writer, IReadOnlyList<SummaryPiece> pieces, TexBudget budget) =>
        pieces.Count == 0 ? "" : writer.Render(pieces.Select(p => p.Block!), budget);
}
