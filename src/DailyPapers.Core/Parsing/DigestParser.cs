using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DailyPapers.Core.Rendering;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DailyPapers.Core.Parsing;

/// <summary>
/// Reads a digest's markdown syntax tree into days and papers. A pure function: text in, parsed digest out.
/// What it recognises (day heading, paper heading, thumbnail, video, votes, authors) becomes data;
/// everything else stays as markdown source in the paper's summary or the day's notes, with a diagnostic.
/// </summary>
public static partial class DigestParser
{
    /// <summary>
    /// Changes whenever the parser or the summary rendering would turn the same file into different rows; the importer
    /// then reads every stored file again.
    /// </summary>
    public const string Version = "2";

    private const string HuggingFace = "https://huggingface.co";

    // Precise source locations let titles and untouched summary text be cut straight from the source; raw HTML is
    // disabled, so summaries render from this same tree.
    private static MarkdownPipeline Pipeline => DigestMarkdown.Pipeline;

    [ThreadStatic]
    private static HtmlParser? t_htmlParser;

    [ThreadStatic]
    private static BlockHtmlWriter? t_htmlWriter;

    /// <summary>Markdig's own parse with the pipeline the parser uses: the baseline the ingest benchmark compares against.</summary>
    public static MarkdownDocument ParseSyntaxTree(string text) => Markdown.Parse(text, Pipeline);

    public static ParsedDigest Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(text, file);
        reader.Read(ParseSyntaxTree(text));
        return reader.Result();
    }

    private sealed class Reader(string text, string file)
    {
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly List<DayBuilder> _days = [];
        private readonly List<string> _looseNotes = [];
        private readonly List<ParsedPaper> _loosePapers = [];
        private DayBuilder? _day;
        private Section? _section;
        private bool _sawDayHeading;
        private HeadingBlock? _lastPaperHeading;

        public void Read(MarkdownDocument document)
        {
            _lastPaperHeading = document.LastOrDefault(b => b is HeadingBlock { Level: 3 }) as HeadingBlock;
            foreach (var block in document)
            {
                if (block is HeadingBlock heading && heading.Level <= 3)
                {
                    FinishSection();
                    if (heading.Level == 3)
                    {
                        _section = new Section(heading);
                    }
                    else
                    {
                        ReadTopHeading(heading);
                    }

                    continue;
                }

                if (block is ContainerBlock container)
                {
                    WarnNestedHeadings(container);
                }

                if (_section is not null)
                {
                    _section.Blocks.Add(block);
                }
                else
                {
                    AddNote(Slice(block));
                }
            }

            FinishSection();
        }

        public ParsedDigest Result()
        {
            if (text.Length > 0 && text[^1] != '\n' && _days.Count > 0)
            {
                Warning(1 + text.AsSpan().Count('\n'), "the file does not end with a line break; it may be truncated");
            }

            if (_days.Count == 0)
            {
                var papers = _loosePapers.Count == 0 ? "" : $" ({_loosePapers.Count} paper section(s) have no day to belong to)";
                if (!_sawDayHeading)
                {
                    Error(1, $"no day heading: a digest starts with '## Daily Papers (YYYY-MM-DD)'{papers}");
                }
                else
                {
                    Error(1, $"no day heading with a valid date{papers}");
                }
            }

            var days = _days.Select(d => new ParsedDay(
                d.Date,
                d.Line,
                d.Papers,
                d.Notes.Count == 0 ? null : string.Join("\n\n", d.Notes))).ToList();
            return new ParsedDigest(days, _diagnostics);
        }

        /// <summary>A heading inside a quote or a list is text to Markdig; say so, since it may have been meant as a paper.</summary>
        private void WarnNestedHeadings(ContainerBlock container)
        {
            foreach (var nested in container.Descendants<HeadingBlock>())
            {
                Warning(LineOf(nested), $"heading '{Shorten(PlainText(nested.Inline))}' sits inside a quote or list; it is kept as text of the surrounding section, not read as a day or paper");
            }
        }

        private void ReadTopHeading(HeadingBlock heading)
        {
            var line = LineOf(heading);
            var title = PlainText(heading.Inline);
            var match = DayHeadingPattern().Match(title);
            if (!match.Success)
            {
                Warning(line, $"unrecognised heading '{Shorten(title)}' is kept in the day's notes");
                AddNote(Slice(heading));
                return;
            }

            _sawDayHeading = true;
            var dateMatch = DatePattern().Match(title);
            if (!dateMatch.Success || !TryDate(dateMatch, out var date))
            {
                Error(line, $"day heading '{Shorten(title)}' has no valid date (expected YYYY-MM-DD); the papers under it are not stored");
                _day = null;
                return;
            }

            var existing = _days.Find(d => d.Date == date);
            if (existing is not null)
            {
                Warning(line, $"day {date:yyyy-MM-dd} is headed twice (first at line {existing.Line}); its papers are read as one day");
                _day = existing;
                return;
            }

            if (_days.Count > 0)
            {
                Warning(line, $"a second day ({date:yyyy-MM-dd}) starts here; one file normally holds one day");
            }

            _day = new DayBuilder(date, line);
            _days.Add(_day);
            if (_days.Count == 1)
            {
                if (_looseNotes.Count > 0)
                {
                    _day.Notes.AddRange(_looseNotes);
                    _looseNotes.Clear();
                }

                foreach (var paper in _loosePapers)
                {
                    Warning(paper.Line, $"paper {paper.ArxivId} comes before the day heading; it is stored under {date:yyyy-MM-dd}");
                    _day.Add(paper);
                }

                _loosePapers.Clear();
            }
        }

        private static bool TryDate(Match match, out DateOnly date)
        {
            date = default;
            var year = int.Parse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            var month = int.Parse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups[3].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            if (year < 1991 || year > 2999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            date = new DateOnly(year, month, day);
            return true;
        }

        private void AddNote(string text)
        {
            if (text.Length > 0)
            {
                (_day?.Notes ?? _looseNotes).Add(text);
            }
        }

        private void FinishSection()
        {
            if (_section is null)
            {
                return;
            }

            var section = _section;
            _section = null;
            var line = LineOf(section.Heading);
            var link = FirstLink(section.Heading.Inline);
            ArxivId? id = null;
            if (link is not null && ArxivId.TryFromUrl(link.Url, out var parsed))
            {
                id = parsed;
            }

            if (id is null)
            {
                var why = link is null ? "has no link" : $"links to '{Shorten(link.Url ?? "")}', not to an arXiv paper";
                Warning(line, $"paper heading '{Shorten(PlainText(section.Heading.Inline))}' {why}; the section is kept in the day's notes");
                AddNote(SectionText(section));
                return;
            }

            var paper = ReadPaper(section, link!, id.Value, line);
            if (_day is null)
            {
                if (_sawDayHeading)
                {
                    Error(line, $"paper {paper.ArxivId} sits under a day heading without a valid date and is not stored");
                }
                else
                {
                    _loosePapers.Add(paper);
                }

                return;
            }

            if (_day.Papers.Find(p => p.ArxivId.Value == paper.ArxivId.Value) is { } first)
            {
                Warning(line, $"paper {paper.ArxivId} is listed twice on {_day.Date:yyyy-MM-dd} (first at line {first.Line}); the second section is kept in the day's notes");
                AddNote(SectionText(section));
                return;
            }

            _day.Add(paper);
        }

        private ParsedPaper ReadPaper(Section section, LinkInline link, ArxivId id, int line)
        {
            var paper = new PaperBuilder();
            var title = SliceChildren(link);
            if (title.Length == 0)
            {
                Warning(line, $"paper {id} has an empty title; its arXiv id stands in for it");
                title = id.Value;
            }

            var outside = TextOutsideLink(section.Heading, link);
            if (outside.Length > 0)
            {
                Warning(line, $"paper {id}: heading text outside the title link ('{Shorten(outside)}') is kept in the summary");
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
                    paper.Summary.Add(new SummaryPiece(Slice(block), block));
                }
            }

            var pieces = paper.Summary.Where(p => p.Markdown.Length > 0).ToList();
            var summary = string.Join("\n\n", pieces.Select(p => p.Markdown));
            var titleHtml = TexMath.TextToHtml(title, out var titleFailures);
            foreach (var tex in titleFailures)
            {
                Warning(line, $"paper {id}: TeX '{Shorten(tex)}' in the title cannot be rendered; it is shown as written");
            }

            MathFailures.Take();
            var summaryHtml = RenderSummary(pieces);
            foreach (var tex in MathFailures.Take())
            {
                Warning(line, $"paper {id}: TeX '{Shorten(tex)}' in the summary cannot be rendered; it is shown as written");
            }

            if (summary.Length == 0)
            {
                var tail = section.Heading == _lastPaperHeading ? " (the file may be truncated here)" : "";
                Warning(line, $"paper {id} has no summary{tail}");
            }

            return new ParsedPaper(
                id,
                title,
                titleHtml,
                paper.Thumbnail,
                paper.Video,
                paper.VideoPoster,
                paper.Votes,
                paper.Authors ?? [],
                paper.Truncated,
                summary,
                summaryHtml,
                Position: 0,
                line);
        }

        /// <summary>Renders the summary from the blocks already parsed; only text the parser composed is parsed again.</summary>
        private static string RenderSummary(List<SummaryPiece> pieces)
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

        private void ReadParagraph(ParagraphBlock paragraph, PaperBuilder paper, ArxivId id)
        {
            if (paragraph.Inline is null)
            {
                paper.Summary.Add(new SummaryPiece(Slice(paragraph), paragraph));
                return;
            }

            var segments = Segments(paragraph.Inline).ToList();
            var consumed = new bool[segments.Count];
            for (var i = 0; i < segments.Count;)
            {
                var source = SliceInlines(segments[i].Inlines);
                if (source.StartsWith('<'))
                {
                    // Lines of HTML (a <video> element, a <div> around it) are read together.
                    var end = i + 1;
                    while (end < segments.Count && SliceInlines(segments[end].Inlines).StartsWith('<'))
                    {
                        end++;
                    }

                    var html = string.Join("\n", segments.Skip(i).Take(end - i).Select(s => SliceInlines(s.Inlines)));
                    if (TryHtmlMedia(html, segments[i].Line, paper, id))
                    {
                        Array.Fill(consumed, true, i, end - i);
                    }

                    i = end;
                    continue;
                }

                consumed[i] = ReadSegment(segments[i].Inlines, source, paper, id);
                i++;
            }

            if (!consumed.Contains(true))
            {
                paper.Summary.Add(new SummaryPiece(Slice(paragraph), paragraph));
                return;
            }

            var leftover = new List<string>();
            for (var i = 0; i < segments.Count; i++)
            {
                if (!consumed[i])
                {
                    leftover.Add(SliceInlines(segments[i].Inlines));
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
        private bool ReadSegment(List<Inline> segment, string source, PaperBuilder paper, ArxivId id)
        {
            var segmentLine = segment[0].Line + 1;
            if (segment.Count == 1 && segment[0] is LinkInline { IsImage: true } image)
            {
                return paper.Thumbnail is null && TryMediaUrl(image.Url, segmentLine, id, "thumbnail", out paper.Thumbnail);
            }

            if (segment.Count == 1 && segment[0] is LinkInline { IsImage: false } video && IsVideoLink(video))
            {
                return paper.Video is null && TryMediaUrl(video.Url, segmentLine, id, "video", out paper.Video);
            }

            if (TryField(source, "Vote", out var voteText) || TryField(source, "Votes", out voteText))
            {
                if (paper.VotesSeen)
                {
                    Warning(segmentLine, $"paper {id} has a second vote line; it is kept in the summary");
                    return false;
                }

                if (voteText is "-" or "" or "—" or "N/A" or "n/a")
                {
                    paper.VotesSeen = true;
                    return true;
                }

                var digits = voteText.Replace(",", "", StringComparison.Ordinal);
                if (digits.Length is > 0 and <= 9 && digits.All(char.IsAsciiDigit))
                {
                    paper.VotesSeen = true;
                    paper.Votes = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
                    return true;
                }

                Warning(segmentLine, $"paper {id} has an unreadable vote count '{Shorten(voteText)}'; the line is kept in the summary");
                return false;
            }

            if (TryField(source, "Authors", out var authorText) || TryField(source, "Author", out authorText))
            {
                if (paper.Authors is not null)
                {
                    Warning(segmentLine, $"paper {id} has a second 'Authors:' line; it is kept in the summary");
                    return false;
                }

                ReadAuthors(authorText, paper);
                return true;
            }

            return false;
        }

        private static void ReadAuthors(string list, PaperBuilder paper)
        {
            var authors = AuthorLine.Read(list);
            paper.Authors = [.. authors.Names];
            paper.Truncated = authors.Truncated;
        }

        private static bool TryField(string source, string label, out string value)
        {
            value = "";
            if (source.Length <= label.Length || !source.StartsWith(label, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var rest = source.AsSpan(label.Length).TrimStart();
            if (rest.Length == 0 || rest[0] != ':')
            {
                return false;
            }

            value = rest[1..].Trim().ToString();
            return true;
        }

        /// <summary>Recognises HTML that only embeds a video or an image; its URLs become data and the HTML itself is dropped.</summary>
        private bool TryHtmlMedia(string html, int line, PaperBuilder paper, ArxivId id)
        {
            var document = (t_htmlParser ??= new HtmlParser()).ParseDocument(html);
            var body = document.Body;
            var elements = body?.QuerySelectorAll("*").ToList() ?? [];
            var mediaOnly = body is not null
                && body.TextContent.Trim().Length == 0
                && elements.Count > 0
                && elements.All(e => e.LocalName is "div" or "p" or "span" or "video" or "source" or "img" or "br" or "figure");
            var video = elements.FirstOrDefault(e => e.LocalName == "video");
            var videoSource = video?.GetAttribute("src") ?? video?.QuerySelector("source[src]")?.GetAttribute("src");
            var image = elements.FirstOrDefault(e => e.LocalName == "img")?.GetAttribute("src");
            if (!mediaOnly || (videoSource is null && image is null))
            {
                if (elements.Count > 0)
                {
                    Warning(line, $"paper {id}: raw HTML is kept in the summary as text");
                }

                return false;
            }

            if (videoSource is not null)
            {
                if (paper.Video is not null && paper.Video != videoSource.Trim())
                {
                    Warning(line, $"paper {id} has a second video; it is kept in the summary as text");
                    return false;
                }

                if (!TryMediaUrl(videoSource, line, id, "video", out paper.Video))
                {
                    return false;
                }

                var poster = video!.GetAttribute("poster");
                if (poster is not null && IsWebUrl(poster))
                {
                    paper.VideoPoster = poster.Trim();
                }

                return true;
            }

            return paper.Thumbnail is null && TryMediaUrl(image, line, id, "thumbnail", out paper.Thumbnail);
        }

        private bool TryMediaUrl(string? url, int line, ArxivId id, string what, out string? result)
        {
            if (url is not null && IsWebUrl(url))
            {
                result = url.Trim();
                return true;
            }

            // The digests copy Hugging Face's paper pages, whose placeholder images are site-relative (/avatars/….svg).
            if (url is not null && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && IsWebUrl(HuggingFace + url))
            {
                result = HuggingFace + url.Trim();
                return true;
            }

            Warning(line, $"paper {id}: {what} URL '{Shorten(url ?? "")}' is not an http(s) address; it is kept in the summary");
            result = null;
            return false;
        }

        private static bool IsWebUrl(string url) =>
            Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

        private static bool IsVideoLink(LinkInline link)
        {
            var label = PlainText(link).Trim();
            if (label.Equals("Watch Video", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var path = Uri.TryCreate(link.Url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "";
            return path.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".webm", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".mov", StringComparison.OrdinalIgnoreCase);
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

        private static LinkInline? FirstLink(ContainerInline? container)
        {
            if (container is null)
            {
                return null;
            }

            foreach (var inline in container)
            {
                if (inline is LinkInline { IsImage: false } link)
                {
                    return link;
                }

                if (inline is ContainerInline nested && FirstLink(nested) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        private string TextOutsideLink(HeadingBlock heading, LinkInline link)
        {
            if (heading.Inline is null)
            {
                return "";
            }

            var whole = SliceChildren(heading.Inline);
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

        private static string PlainText(ContainerInline? container)
        {
            if (container is null)
            {
                return "";
            }

            var builder = new StringBuilder();
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        builder.Append(literal.Content.AsSpan());
                        break;
                    case CodeInline code:
                        builder.Append(code.Content);
                        break;
                    case LineBreakInline:
                        builder.Append(' ');
                        break;
                    case ContainerInline nested:
                        builder.Append(PlainText(nested));
                        break;
                }
            }

            return builder.ToString();
        }

        // A group of link reference definitions has no span of its own (Markdig gives it 0); its definitions do.
        private string Slice(Block block) => block is LinkReferenceDefinitionGroup group
            ? string.Join("\n", group.OfType<Block>().Select(d => Cut(d.Span.Start, d.Span.End)))
            : Cut(block.Span.Start, block.Span.End);

        /// <summary>A whole paper section as written, heading included.</summary>
        private string SectionText(Section section)
        {
            var last = section.Blocks.Count > 0 ? section.Blocks[^1] : section.Heading;
            return Cut(section.Heading.Span.Start, last is LinkReferenceDefinitionGroup group && group.Count > 0 ? group.Max(d => d.Span.End) : last.Span.End);
        }

        private string SliceChildren(ContainerInline container)
        {
            if (container.FirstChild is null || container.LastChild is null)
            {
                return "";
            }

            return Cut(container.FirstChild.Span.Start, container.LastChild.Span.End);
        }

        private string SliceInlines(List<Inline> inlines) => Cut(inlines[0].Span.Start, inlines[^1].Span.End);

        private string Cut(int start, int end)
        {
            if (start < 0 || end < start || start >= text.Length)
            {
                return "";
            }

            end = Math.Min(end, text.Length - 1);
            return text.Substring(start, end - start + 1).TrimEnd();
        }

        private static int LineOf(Block block) => block.Line + 1;

        private void Warning(int line, string message) => _diagnostics.Add(new Diagnostic(Severity.Warning, file, line, message));

        private void Error(int line, string message) => _diagnostics.Add(new Diagnostic(Severity.Error, file, line, message));

        private static string Shorten(string value) => TextLimit.Shorten(value.ReplaceLineEndings(" "), 80);
    }

    private sealed class Section(HeadingBlock heading)
    {
        public HeadingBlock Heading { get; } = heading;

        public List<Block> Blocks { get; } = [];
    }

    private sealed class DayBuilder(DateOnly date, int line)
    {
        public DateOnly Date { get; } = date;

        public int Line { get; } = line;

        public List<ParsedPaper> Papers { get; } = [];

        public List<string> Notes { get; } = [];

        public void Add(ParsedPaper paper) => Papers.Add(paper with { Position = Papers.Count + 1 });
    }

    private sealed class PaperBuilder
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

    /// <summary>Part of a summary: its markdown source, and the parsed block to render it from (null for text the parser composed).</summary>
    private readonly record struct SummaryPiece(string Markdown, Block? Block);

    private sealed record Segment(List<Inline> Inlines, LineBreakInline? Break)
    {
        public int Line => Inlines[0].Line + 1;
    }

    [GeneratedRegex(@"^[0-9]+[.)]")]
    private static partial Regex ListStart();

    [GeneratedRegex(@"daily\s*papers", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayHeadingPattern();

    [GeneratedRegex(@"([0-9]{4})[-./]([0-9]{1,2})[-./]([0-9]{1,2})", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
