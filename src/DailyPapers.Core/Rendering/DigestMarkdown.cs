using DailyPapers.Core.Parsing;
using Markdig.Renderers;
using Markdig.Syntax;

namespace DailyPapers.Core.Rendering;

/// <summary>
/// HTML rendering for the digest pipeline (<see cref="DigestPipeline"/>): the same extensions, with TeX rendered to
/// MathML at ingest.
/// </summary>
public static class DigestMarkdown
{
    /// <summary>Sets a renderer up for the pipeline, with TeX rendered to MathML at ingest (<see cref="TexMath"/>).</summary>
    public static void Setup(HtmlRenderer renderer) => Setup(renderer, new TexContext());

    /// <summary>Sets a renderer up whose TeX is rendered within the budget <paramref name="context"/> holds at the time.</summary>
    internal static void Setup(HtmlRenderer renderer, TexContext context)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        DigestPipeline.Instance.Setup(renderer);
        renderer.ObjectRenderers.Replace<Markdig.Extensions.Mathematics.HtmlMathInlineRenderer>(new MathInlineRenderer(context));
        renderer.ObjectRenderers.Replace<Markdig.Extensions.Mathematics.HtmlMathBlockRenderer>(new MathBlockRenderer(context));
    }
}

/// <summary>Renders blocks of a parsed digest to HTML, links made safe first. One per thread of work; not thread-safe.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A StringWriter holds no unmanaged resource; the writer lives as long as its thread.")]
public sealed class BlockHtmlWriter
{
    private readonly StringWriter _writer = new(System.Globalization.CultureInfo.InvariantCulture);
    private readonly HtmlRenderer _renderer;
    private readonly TexContext _tex = new();

    /// <summary>The TeX context its math renders in: the budget, and the spans that failed.</summary>
    internal TexContext Tex => _tex;

    public BlockHtmlWriter()
    {
        _renderer = new HtmlRenderer(_writer);
        DigestMarkdown.Setup(_renderer, _tex);
    }

    public string Render(IEnumerable<Block> blocks) => Render(blocks, null);

    /// <summary>The blocks as HTML, their TeX rendered within <paramref name="budget"/> (when given).</summary>
    internal string Render(IEnumerable<Block> blocks, TexBudget? budget)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        _tex.Budget = budget;
        _writer.GetStringBuilder().Clear();
        foreach (var block in blocks)
        {
            SummaryRenderer.MakeLinksSafe(block);
            MathInLiterals.Lift(block);
            _renderer.Render(block);
        }

        _writer.Flush();
        return _writer.ToString();
    }
}

/// <summary>
/// Renders a summary's blocks as plain text, as <see cref="SummaryRenderer.ToPlainText(string)"/> gives it for the
/// summary's markdown, without parsing it again (text the parser composed is). Use it before the blocks are rendered to
/// HTML, which makes their links safe and lifts TeX out of their text in place. One per file; not thread-safe.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A StringWriter holds no unmanaged resource.")]
internal sealed class PlainTextWriter
{
    private readonly StringWriter _writer = new(System.Globalization.CultureInfo.InvariantCulture);
    private readonly HtmlRenderer _renderer;

    public PlainTextWriter()
    {
        // What Markdown.ToPlainText renders with.
        _renderer = new HtmlRenderer(_writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        DigestPipeline.Instance.Setup(_renderer);
    }

    public string Render(IReadOnlyList<SummaryPiece> pieces)
    {
        if (pieces.Count == 0)
        {
            return "";
        }

        _writer.GetStringBuilder().Clear();
        foreach (var piece in pieces)
        {
            // Text the parser composed is parsed by the renderer (DigestRenderer.Parsed) before it reaches here.
            _renderer.Render(piece.Block ?? Markdig.Markdown.Parse(piece.Markdown, DigestPipeline.Instance));
            _writer.Write('\n');
        }

        _writer.Flush();
        return SummaryRenderer.Lines(_writer.ToString());
    }
}
