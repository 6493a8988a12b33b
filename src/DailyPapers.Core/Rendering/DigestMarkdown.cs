using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace DailyPapers.Core.Rendering;

/// <summary>
/// The one Markdig pipeline, built once and shared: digests are parsed with it and summaries rendered from the same
/// syntax tree. Raw HTML is disabled, so digest HTML is text to Markdig; thumbnails and videos are recognised as data
/// by the parser, and anything else renders escaped.
/// </summary>
/// <remarks>
/// Only the extensions the digests use are on. Bare URLs are common (autolinks). No digest writes tables,
/// strikethrough, sub- or superscript or inserted text, while the text is full of <c>C++</c>, <c>ScanNet++</c>,
/// <c>10^3</c>, <c>6~12개</c>, which those extensions would turn into markup and eat. TeX (<c>M$^{2}$UGen</c>) is
/// common, so inline math is parsed and rendered to MathML.
/// </remarks>
public static class DigestMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .DisableHtml()
        .UseAutoLinks()
        .UseMathematics()
        .Build();

    /// <summary>Sets a renderer up for the pipeline, with TeX rendered to MathML at ingest (<see cref="TexMath"/>).</summary>
    public static void Setup(HtmlRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        Pipeline.Setup(renderer);
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
