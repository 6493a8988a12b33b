using Markdig;
using Markdig.Syntax;

namespace DailyPapers.Core.Parsing;

/// <summary>
/// Reads a digest's markdown syntax tree into days and papers. A pure function: text in, parsed digest out.
/// What it recognises (day heading, paper heading, thumbnail, video, votes, authors) becomes data;
/// everything else stays as markdown source in the paper's summary or the day's notes, with a diagnostic.
/// </summary>
/// <remarks>
/// This is the outline walk: day headings, paper sections and the notes between them. A paper section is read by
/// <see cref="PaperSectionReader"/>. Titles and summaries are turned into HTML afterwards, from the same syntax tree,
/// by the renderer.
/// </remarks>
public static class DigestParser
{
    /// <summary>
    /// Changes whenever the parser or the summary rendering would turn the same file into different rows; the importer
    /// then reads every stored file again.
    /// </summary>
    /// <remarks>6: characters no text may hold are dropped from a digest (CleanText); a day outside 1991 to the end of next year is refused; author names lose every format character and
    /// default-ignorable code point; openers past 64 in a paragraph and TeX past 2,000 '$' in a file are kept as literal
    /// text; day notes and summaries' plain text are rendered from the file's one syntax tree.</remarks>
    public const string Version = "6";

    /// <summary>Markdig's own parse with the pipeline the parser uses: the baseline the ingest benchmark compares against.</summary>
    public static MarkdownDocument ParseSyntaxTree(string text) => Markdown.Parse(text, DigestPipeline.Instance);

    /// <summary>
    /// Days, papers and diagnostics of one digest read without a clock: days up to the last the pages can show
    /// (<see cref="DigestDates.Latest"/>).
    /// </summary>
    public static ParsedDigest Parse(string text, string file) => Parse(text, file, DigestDates.Latest, clock: false);

    /// <summary>
    /// Days, papers and diagnostics of one digest read on <paramref name="today"/>: a day after the end of the following
    /// year is refused as a mistyped date. Its titles and summaries are rendered apart, from the same tree.
    /// </summary>
    public static ParsedDigest Parse(string text, string file, DateOnly today) => Parse(text, file, DigestDates.Last(today), clock: true);

    private static ParsedDigest Parse(string text, string file, DateOnly lastDay, bool clock)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new DiagnosticList(file);
        // What Markdig is given is bounded first: openers and TeX past their limits become literal text.
        text = InlineLimits.Apply(text, diagnostics);
        var reader = new Reader(new SourceText(text), diagnostics, lastDay, clock);
        reader.Read(ParseSyntaxTree(text));
        return reader.Result();
    }

    /// <param name="lastDay">The last day a digest may have; with <paramref name="clock"/>, the end of the year after today.</param>
    private sealed class Reader(SourceText source, DiagnosticList diagnostics, DateOnly lastDay, bool clock)
    {
        private readonly PaperSectionReader _papers = new(source, diagnostics);
        private readonly List<PaperRead> _papersRead = [];
        private readonly List<DayBuilder> _days = [];
        private readonly List<Note> _looseNotes = [];
        private readonly List<ParsedPaper> _loosePapers = [];
        private DayBuilder? _day;
        private PaperSection? _section;
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
                        _section = new PaperSection(heading);
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
                    AddNote(source.Slice(block), block);
                }
            }

            FinishSection();
        }

        public ParsedDigest Result()
        {
            if (source.EndsMidLine && _days.Count > 0)
            {
                diagnostics.Warning(source.LastLine, "the file does not end with a line break; it may be truncated");
            }

            if (_days.Count == 0)
            {
                var papers = _loosePapers.Count == 0 ? "" : $" ({_loosePapers.Count} paper section(s) have no day to belong to)";
                if (!_sawDayHeading)
                {
                    diagnostics.Error(1, $"no day heading: a digest starts with '## Daily Papers (YYYY-MM-DD)'{papers}");
                }
                else
                {
                    diagnostics.Error(1, $"no day heading with a valid date{papers}");
                }
            }

            var days = _days.Select(d => new ParsedDay(
                d.Date,
                d.Line,
                d.Papers,
                d.Notes.Count == 0 ? null : string.Join("\n\n", d.Notes.Select(n => n.Markdown)))
            {
                NotePieces = [.. d.Notes.SelectMany(n => n.Pieces)],
            }).ToList();
            return new ParsedDigest(days, diagnostics.Items) { File = diagnostics.File, PapersRead = _papersRead };
        }

        /// <summary>A heading inside a quote or a list is text to Markdig; say so, since it may have been meant as a paper.</summary>
        private void WarnNestedHeadings(ContainerBlock container)
        {
            foreach (var nested in container.Descendants<HeadingBlock>())
            {
                diagnostics.Warning(SourceText.LineOf(nested), $"heading '{DiagnosticList.Shorten(InlineText.PlainText(nested.Inline))}' sits inside a quote or list; it is kept as text of the surrounding section, not read as a day or paper");
            }
        }

        private void ReadTopHeading(HeadingBlock heading)
        {
            var line = SourceText.LineOf(heading);
            var title = InlineText.PlainText(heading.Inline);
            if (!DayHeading.IsDayHeading(title))
            {
                diagnostics.Warning(line, $"unrecognised heading '{DiagnosticList.Shorten(title)}' is kept in the day's notes");
                AddNote(source.Slice(heading), heading);
                return;
            }

            _sawDayHeading = true;
            if (!DayHeading.TryDate(title, out var date))
            {
                diagnostics.Error(line, $"day heading '{DiagnosticList.Shorten(title)}' has no valid date (expected YYYY-MM-DD); the papers under it are not stored");
                _day = null;
                return;
            }

            if (date < DigestDates.First || date > lastDay)
            {
                var last = clock ? $"{lastDay:yyyy-MM-dd}, the end of next year" : $"{lastDay:yyyy-MM-dd}";
                diagnostics.Error(line, $"day heading '{DiagnosticList.Shorten(title)}' is dated {date:yyyy-MM-dd}, outside the days a digest may have ({DigestDates.First:yyyy-MM-dd} to {last}); the papers under it are not stored");
                _day = null;
                return;
            }

            var existing = _days.Find(d => d.Date == date);
            if (existing is not null)
            {
                diagnostics.Warning(line, $"day {date:yyyy-MM-dd} is headed twice (first at line {existing.Line}); its papers are read as one day");
                _day = existing;
                return;
            }

            if (_days.Count > 0)
            {
                diagnostics.Warning(line, $"a second day ({date:yyyy-MM-dd}) starts here; one file normally holds one day");
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
                    diagnostics.Warning(paper.Line, $"paper {paper.ArxivId} comes before the day heading; it is stored under {date:yyyy-MM-dd}");
                    _day.Add(paper);
                }

                _loosePapers.Clear();
            }
        }

        private void AddNote(string text, Block block) => AddNote(text, [new SummaryPiece(text, block)]);

        /// <param name="pieces">How the note renders: its blocks as parsed, or text to parse again where its blocks were read as data.</param>
        private void AddNote(string text, IReadOnlyList<SummaryPiece> pieces)
        {
            if (text.Length > 0)
            {
                (_day?.Notes ?? _looseNotes).Add(new Note(text, pieces));
            }
        }

        /// <summary>A paper section kept as notes, rendered from its heading and blocks as parsed.</summary>
        private void AddSectionNote(PaperSection section) =>
            AddNote(source.SectionText(section), [new SummaryPiece(source.Slice(section.Heading), section.Heading), .. section.Blocks.Select(b => new SummaryPiece(source.Slice(b), b))]);

        private void FinishSection()
        {
            if (_section is null)
            {
                return;
            }

            var section = _section;
            _section = null;
            var line = SourceText.LineOf(section.Heading);
            var link = InlineText.FirstLink(section.Heading.Inline);
            ArxivId? id = null;
            if (link is not null && ArxivId.TryFromUrl(link.Url, out var parsed))
            {
                id = parsed;
            }

            if (id is null)
            {
                var why = link is null ? "has no link" : $"links to '{DiagnosticList.Shorten(link.Url ?? "")}', not to an arXiv paper";
                diagnostics.Warning(line, $"paper heading '{DiagnosticList.Shorten(InlineText.PlainText(section.Heading.Inline))}' {why}; the section is kept in the day's notes");
                AddSectionNote(section);
                return;
            }

            var read = _papers.Read(section, link!, id.Value, line, lastInFile: section.Heading == _lastPaperHeading);
            _papersRead.Add(read);
            var paper = read.Paper;
            if (_day is null)
            {
                if (_sawDayHeading)
                {
                    diagnostics.Error(line, $"paper {paper.ArxivId} sits under a day heading without a valid date and is not stored");
                }
                else
                {
                    _loosePapers.Add(paper);
                }

                return;
            }

            if (_day.Papers.Find(p => p.ArxivId.Value == paper.ArxivId.Value) is { } first)
            {
                diagnostics.Warning(line, $"paper {paper.ArxivId} is listed twice on {_day.Date:yyyy-MM-dd} (first at line {first.Line}); the second section is kept in the day's notes");
                // Its lines were read as data (votes, authors), so its blocks no longer hold them: its text is parsed again.
                var text = source.SectionText(section);
                AddNote(text, [new SummaryPiece(text, null)]);
                return;
            }

            _day.Add(paper);
        }
    }

    /// <summary>Text of the day that belongs to no paper: as written, and how it renders.</summary>
    private sealed record Note(string Markdown, IReadOnlyList<SummaryPiece> Pieces);

    private sealed class DayBuilder(DateOnly date, int line)
    {
        public DateOnly Date { get; } = date;

        public int Line { get; } = line;

        public List<ParsedPaper> Papers { get; } = [];

        public List<Note> Notes { get; } = [];

        public void Add(ParsedPaper paper) => Papers.Add(paper with { Position = Papers.Count + 1 });
    }
}
