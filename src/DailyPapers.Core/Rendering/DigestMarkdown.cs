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
    public static void Setup(HtmlRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        DigestPipeline.Instance.Setup(renderer);
        renderer.ObjectRenderers.Replace<Markdig.Extensions.Mathematics.HtmlMathInlineRenderer>(new MathInlineRenderer());
        renderer.ObjectRenderers.Replace<Markdig.Extensions.Mathematics.HtmlMathBlockRenderer>(new MathBlockRenderer());
    }
}

/// <summary>Renders blocks of a parsed digest to HTML, links made safe first. One per thread of work; not thread-safe.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A StringWriter holds no unmanaged resource; the writer lives as long as its thread.")]
public sealed class BlockHtmlWriter
{
    private readonly StringWriter _writer = new(System.Globalization.CultureInfo.InvariantCulture);
    private readonly HtmlRenderer _renderer;

    public BlockHtmlWriter()
    {
        _renderer = new HtmlRenderer(_writer);
        DigestMarkdown.Setup(_renderer);
    }

    public string Render(IEnumerable<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
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
