using Markdig;

namespace DailyPapers.Core.Parsing;

/// <summary>
/// The one Markdig pipeline, built once and shared: digests are parsed with it and summaries rendered from the same
/// syntax tree. Precise source locations let titles and untouched summary text be cut straight from the source. Raw
/// HTML is disabled, so digest HTML is text to Markdig; thumbnails and videos are recognised as data by the parser, and
/// anything else renders escaped.
/// </summary>
/// <remarks>
/// Only the extensions the digests use are on. Bare URLs are common (autolinks). No digest writes tables,
/// strikethrough, sub- or superscript or inserted text, while the text is full of <c>C++</c>, <c>ScanNet++</c>,
/// <c>10^3</c>, <c>6~12개</c>, which those extensions would turn into markup and eat. TeX (<c>M$^{2}$UGen</c>) is
/// common, so inline math is parsed and rendered to MathML.
/// </remarks>
public static class DigestPipeline
{
    public static MarkdownPipeline Instance { get; } = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .DisableHtml()
        .UseAutoLinks()
        .UseMathematics()
        .Build();
}
