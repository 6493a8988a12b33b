using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DailyPapers.Core.Parsing;

/// <summary>
/// Reads one paper section into a paper: the title is its heading's link text; lines under it that are a thumbnail,
/// a video, votes or authors become data; everything else is its summary, kept as markdown with the blocks it was
/// parsed into, so rendering needs no second parse.
/// </summary>
internal sealed partial class PaperSectionReader(SourceText source, DiagnosticList diagnostics)
{
    private readonly MediaReader _media = new(diagnostics);

    /// <param name="lastInFile">Whether this is the file's last paper section, where a missing summary hints at a cut-off file.</param>
    public PaperRead Read(PaperSection section, LinkInline link, ArxivId id, int line, bool lastInFile)
    {
        var paper = new PaperBuilder();
        // Zero-width and bidi control characters show nothing but would make two listings of one title differ.
        // Character references are decoded once, here, so pages escape the title once.
        var title = CleanText.StripInvisible(AuthorNames.DecodeEntities(source.SliceChildren(link))).Trim();
        if (title.Length == 0)
        {
            diagnostics.Warning(line, $"paper {id} has an empty title; its arXiv id stands in for it");
            title = id.Value;
        }

        var outside = TextOutsideLink(section.Heading, link);
        if (outside.Length > 0)
        {
            diagnostics.Warning(line, $"paper {id}: heading text outside the title link ('{DiagnosticList.Shorten(outside)}') is kept in the summary");
            paper.Summary.Add(new SummaryPiece(outside, null));
        }

        foreach (var block in section.Blocks)
        {
            if (block is ParagraphBlock paragraph)
            {
                ReadParagraph(paragraph, paper, id);
            }
            else
            {
                paper.Summary.Add(new SummaryPiece(source.Slice(block), block));
            }
        }

        var pieces = paper.Summary.Where(p => p.Markdown.Length > 0).ToList();
        var summary = string.Join("\n\n", pieces.Select(p => p.Markdown));
        // Rendering's warnings about the title and summary (TeX it cannot read) go here, so diagnostics keep the file's order.
        var renderWarningsAt = diagnostics.Count;
        if (summary.Length == 0)
        {
            var tail = lastInFile ? " (the file may be truncated here)" : "";
            diagnostics.Warning(line, $"paper {id} has no summary{tail}");
        }

        var parsed = new ParsedPaper(
            id,
            title,
            paper.Thumbnail,
            paper.Video,
            paper.VideoPoster,
            paper.Votes,
            paper.Authors ?? [],
            paper.Truncated,
            summary,
            pieces,
            Position: 0,
            line);
        return new PaperRead(parsed, renderWarningsAt);
    }

    private void ReadParagraph(ParagraphBlock paragraph, PaperBuilder paper, ArxivId id)
    {
        if (paragraph.Inline is null)
        {
            paper.Summary.Add(new SummaryPiece(source.Slice(paragraph), paragraph));
            return;
        }

        var segments = Segments(paragraph.Inline).ToList();
        var consumed = new bool[segments.Count];
        for (var i = 0; i < segments.Count;)
        {
            var text = source.SliceInlines(segments[i].Inlines);
            if (text.StartsWith('<'))
            {
                // Lines of HTML (a <video> element, a <div> around it) are read together.
                var end = i + 1;
                while (end < segments.Count && source.SliceInlines(segments[end].Inlines).StartsWith('<'))
                {
                    end++;
                }

                var html = string.Join("\n", segments.Skip(i).Take(end - i).Select(s => source.SliceInlines(s.Inlines)));
                if (_media.TryHtmlMedia(html, segments[i].Line, paper, id))
                {
                    Array.Fill(consumed, true, i, end - i);
                }

                i = end;
                continue;
            }

            consumed[i] = ReadSegment(segments[i].Inlines, text, paper, id);
            i++;
        }

        if (!consumed.Contains(true))
        {
            paper.Summary.Add(new SummaryPiece(source.Slice(paragraph), paragraph));
            return;
        }

        var leftover = new List<string>();
        for (var i = 0; i < segments.Count; i++)
        {
            if (!consumed[i])
            {
                leftover.Add(source.SliceInlines(segments[i].Inlines));
                continue;
            }

            // What was turned into data leaves the paragraph, so it is not rendered twice.
            foreach (var inline in segments[i].Inlines)
            {
                inline.Remove();
            }

            segments[i].Break?.Remove();
        }

        if (leftover.Count > 0)
        {
            paper.Summary.Add(new SummaryPiece(string.Join("\n", leftover), paragraph));
        }
    }

    /// <returns>True when the line was understood and turned into data.</returns>
    private bool ReadSegment(List<Inline> segment, string text, PaperBuilder paper, ArxivId id)
    {
        var segmentLine = segment[0].Line + 1;
        if (segment.Count == 1 && segment[0] is LinkInline { IsImage: true } image)
        {
            return paper.Thumbnail is null && _media.TryMediaUrl(image.Url, segmentLine, id, "thumbnail", out paper.Thumbnail);
        }

        if (segment.Count == 1 && segment[0] is LinkInline { IsImage: false } video && MediaReader.IsVideoLink(video))
        {
            return paper.Video is null && _media.TryMediaUrl(video.Url, segmentLine, id, "video", out paper.Video);
        }

        if (FieldLines.TryVoteLine(text, out var voteText))
        {
            if (paper.VotesSeen)
            {
                diagnostics.Warning(segmentLine, $"paper {id} has a second vote line; it is kept in the summary");
                return false;
            }

            if (FieldLines.TryVotes(voteText, out var votes))
            {
                paper.VotesSeen = true;
                paper.Votes = votes;
                return true;
            }

            diagnostics.Warning(segmentLine, $"paper {id} has an unreadable vote count '{DiagnosticList.Shorten(voteText)}'; the line is kept in the summary");
            return false;
        }

        if (FieldLines.TryAuthorLine(text, out var authorText))
        {
            if (paper.Authors is not null)
            {
                diagnostics.Warning(segmentLine, $"paper {id} has a second 'Authors:' line; it is kept in the summary");
                return false;
            }

            var authors = AuthorLine.Read(authorText);
            paper.Authors = [.. authors.Names];
            paper.Truncated = authors.Truncated;
            return true;
        }

        return false;
    }

    /// <summary>Splits a paragraph's inlines into its lines: each line's inlines without blank ends, and the break after it.</summary>
    private static IEnumerable<Segment> Segments(ContainerInline container)
    {
        var current = new List<Inline>();
        foreach (var inline in container)
        {
            if (inline is LineBreakInline lineBreak)
            {
                if (Trimmed(current) is { Count: > 0 } done)
                {
                    yield return new Segment(done, lineBreak);
                }

                current = [];
                continue;
            }

            current.Add(inline);
        }

        if (Trimmed(current) is { Count: > 0 } last)
        {
            yield return new Segment(last, null);
        }
    }

    private static List<Inline> Trimmed(List<Inline> inlines)
    {
        var start = 0;
        var end = inlines.Count;
        while (start < end && IsBlank(inlines[start]))
        {
            start++;
        }

        while (end > start && IsBlank(inlines[end - 1]))
        {
            end--;
        }

        return inlines.GetRange(start, end - start);

        static bool IsBlank(Inline inline) => inline is LiteralInline literal && literal.Content.IsEmptyOrWhitespace();
    }

    private string TextOutsideLink(HeadingBlock heading, LinkInline link)
    {
        if (heading.Inline is null)
        {
            return "";
        }

        var whole = source.SliceChildren(heading.Inline);
        var start = link.Span.Start - heading.Inline.FirstChild!.Span.Start;
        if (start < 0 || start + link.Span.Length > whole.Length)
        {
            return "";
        }

        var outside = AuthorNames.Clean(whole[..start] + " " + whole[(start + link.Span.Length)..]).Trim('*', '_', ' ');
        // Kept as a plain paragraph: "1. (ICLR 2024)" must not turn into a list in the summary.
        if (outside.Length > 0 && outside[0] is '-' or '+' or '*' or '#' or '>')
        {
            return "\\" + outside;
        }

        var marker = ListStart().Match(outside);
        return marker.Success ? outside.Insert(marker.Length - 1, "\\") : outside;
    }

    private sealed record Segment(List<Inline> Inlines, LineBreakInline? Break)
    {
        public int Line => Inlines[0].Line + 1;
    }

    [GeneratedRegex(@"^[0-9]+[.)]")]
    private static partial Regex ListStart();
}

/// <summary>A paper heading and the blocks under it, up to the next heading of its level or above.</summary>
internal sealed class PaperSection(HeadingBlock heading)
{
    public HeadingBlock Heading { get; } = heading;

    public List<Block> Blocks { get; } = [];
}

/// <summary>What has been read of a paper so far; its fields are filled in place by the readers of each line.</summary>
internal sealed class PaperBuilder
{
    public string? Thumbnail;
    public string? Video;
    public string? VideoPoster;
    public int? Votes;
    public bool VotesSeen;
    public List<string>? Authors;
    public bool Truncated;

    public List<SummaryPiece> Summary { get; } = [];
}
