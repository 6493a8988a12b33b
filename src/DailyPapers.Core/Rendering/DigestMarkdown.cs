using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace DailyPapers.Core.Rendering;

/// <summary>
/// The one Markdig pipeline, built once and shared: digests are parsed with it and summaries rendered from the same
/// syntax tree. Raw HTML is disabled, so digest HTML is text to Markdig; thumbnails and videos are recognised as data
/// by the parser, and anything else renders escaped.
/// </summary>
public static class DigestMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UsePipeTables()
        .Build();
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
        DigestMarkdown.Pipeline.Setup(_renderer);
    }

    public string Render(IEnumerable<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        _writer.GetStringBuilder().Clear();
        foreach (var block in blocks)
        {
            SummaryRenderer.MakeLinksSafe(block);
            _renderer.Render(block);
        }

        _writer.Flush();
        return _writer.ToString();
    }
}
