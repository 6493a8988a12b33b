using System.Text;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Rendering;

/// <summary>
/// Turns a parsed digest's titles and summaries into HTML, once, at ingest: titles with their TeX as MathML, summaries
/// from the blocks the parser made (one Markdig pass). TeX that KaTeX cannot read is shown as written and reported at
/// its paper's line.
/// </summary>
public static class DigestRenderer
{
    [ThreadStatic]
    private static BlockHtmlWriter? t_htmlWriter;

    /// <summary>The digest with <see cref="ParsedPaper.TitleHtml"/>, <see cref="ParsedPaper.SummaryHtml"/> and <see cref="ParsedPaper.SummaryText"/> filled in, and rendering's warnings added.</summary>
    public static ParsedDigest Render(ParsedDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var diagnostics = digest.Diagnostics.ToList();
        var html = new Dictionary<int, (string Title, string Summary, string Text)>();
        foreach (var (paper, warningsAt) in digest.PapersRead)
        {
            var warnings = new List<Diagnostic>();
            var titleHtml = TexMath.TitleToHtml(paper.Title, out var titleFailures);
            foreach (var tex in titleFailures)
            {
                warnings.Add(Warning(digest, paper, $"TeX '{DiagnosticList.Shorten(tex)}' in the title cannot be rendered; it is shown as written"));
            }

            MathFailures.Take();
            var summaryHtml = RenderSummary(paper.SummaryPieces);
            foreach (var tex in MathFailures.Take())
            {
                warnings.Add(Warning(digest, paper, $"TeX '{DiagnosticList.Shorten(tex)}' in the summary cannot be rendered; it is shown as written"));
            }

            // Positions count the parser's diagnostics only, so those already inserted before this one shift it.
            diagnostics.InsertRange(warningsAt + diagnostics.Count - digest.Diagnostics.Count, warnings);
            // A paper section is known by its heading's line; the day holds a copy of the paper with its position.
            // Markdig decodes a character reference to what it names, &#1; too: what no text may hold is dropped here.
            html[paper.Line] = (CleanText.Remove(titleHtml), CleanText.Remove(summaryHtml), SummaryRenderer.ToPlainText(paper.SummaryMarkdown));
        }

        var days = digest.Days
            .Select(d => d with { Papers = [.. d.Papers.Select(p => p with { TitleHtml = html[p.Line].Title, SummaryHtml = html[p.Line].Summary, SummaryText = html[p.Line].Text })] })
            .ToList();
        return digest with { Days = days, Diagnostics = diagnostics };
    }

    private static Diagnostic Warning(ParsedDigest digest, ParsedPaper paper, string message) =>
        new(Severity.Warning, digest.File, paper.Line, $"paper {paper.ArxivId}: {message}");

    /// <summary>Renders the summary from the blocks already parsed; only text the parser composed is parsed again.</summary>
    private static string RenderSummary(IReadOnlyList<SummaryPiece> pieces)
    {
        if (pieces.Count == 0)
        {
            return "";
        }

        if (pieces.All(p => p.Block is not null))
        {
            return (t_htmlWriter ??= new BlockHtmlWriter()).Render(pieces.Select(p => p.Block!));
        }

        var html = new StringBuilder();
        foreach (var piece in pieces)
        {
            html.Append(piece.Block is null ? SummaryRenderer.ToHtml(piece.Markdown) : (t_htmlWriter ??= new BlockHtmlWriter()).Render([piece.Block]));
        }

        return html.ToString();
    }
}
