using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DailyPapers.Core.Parsing;

/// <summary>
/// The digest as written, cut by the spans Markdig gives its blocks and inlines: titles, notes and untouched summary
/// text are kept exactly as the file has them.
/// </summary>
internal sealed class SourceText(string text)
{
    /// <summary>Whether the last line has no line break after it, as when a file was cut off while being written.</summary>
    public bool EndsMidLine => text.Length > 0 && text[^1] != '\n';

    /// <summary>1-based number of the file's last line.</summary>
    public int LastLine => 1 + text.AsSpan().Count('\n');

    public static int LineOf(Block block) => block.Line + 1;

    // A group of link reference definitions has no span of its own (Markdig gives it 0); its definitions do.
    public string Slice(Block block) => block is LinkReferenceDefinitionGroup group
        ? string.Join("\n", group.OfType<Block>().Select(d => Cut(d.Span.Start, d.Span.End)))
        : Cut(block.Span.Start, block.Span.End);

    /// <summary>A whole paper section as written, heading included.</summary>
    public string SectionText(PaperSection section)
    {
        var last = section.Blocks.Count > 0 ? section.Blocks[^1] : section.Heading;
        return Cut(section.Heading.Span.Start, last is LinkReferenceDefinitionGroup group && group.Count > 0 ? group.Max(d => d.Span.End) : last.Span.End);
    }

    public string SliceChildren(ContainerInline container)
    {
        if (container.FirstChild is null || container.LastChild is null)
        {
            return "";
        }

        return Cut(container.FirstChild.Span.Start, container.LastChild.Span.End);
    }

    public string SliceInlines(List<Inline> inlines) => Cut(inlines[0].Span.Start, inlines[^1].Span.End);

    private string Cut(int start, int end)
    {
        if (start < 0 || end < start || start >= text.Length)
        {
            return "";
        }

        end = Math.Min(end, text.Length - 1);
        return text.Substring(start, end - start + 1).TrimEnd();
    }
}
