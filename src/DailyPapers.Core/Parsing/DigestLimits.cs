namespace DailyPapers.Core.Parsing;

/// <summary>
/// What a digest may be before Markdig reads it, so no file can make an ingest run for minutes: a real digest is tens
/// of kilobytes with short lines and shallow lists, while Markdig's cost grows steeply with nesting. A file over a limit
/// is rejected with its file and line, and what was stored from it before is kept.
/// </summary>
public static class DigestLimits
{
    /// <summary>Largest file read: real digests are under 200 KB.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Longest line: a paragraph of summary is a few thousand characters.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>Deepest indentation (columns of leading spaces, a tab counting four) and quote nesting (leading '>').</summary>
    public const int MaxIndent = 128;

    public const int MaxQuoteDepth = 16;

    /// <summary>Lines: each is a node or two of Markdig's tree. Real digests have a few hundred; 4 MB of real text, 36,000.</summary>
    public const int MaxLines = 100_000;

    /// <summary>Lines that start a heading (after indentation and quote markers): each may be a day, a paper or a note. A real digest has a dozen.</summary>
    public const int MaxHeadings = 10_000;

    /// <summary>
    /// Characters that make inline nodes (<c>[ ] ! * _ ` $ \ &amp; &lt;</c>): each costs Markdig a node of a few hundred
    /// bytes, escaped or not. Real digests have 18,000 per 4 MB of text, and at most 40,000.
    /// </summary>
    public const int MaxMarkup = 200_000;

    private static readonly System.Buffers.SearchValues<char> Markup = System.Buffers.SearchValues.Create("[]!*_`$\\&<");

    /// <summary>
    /// Link, emphasis and code openers (<c>[</c>, <c>*</c>, <c>_</c>, <c>`</c>) in one paragraph (a run of lines without a
    /// blank one): Markdig matches each against the others, so a paragraph's cost grows with the square of their number,
    /// and unclosed ones nest, which Markdig refuses past 128 levels (block nesting included). A real paragraph has 16 at
    /// most; past the limit they are kept as literal text (<see cref="InlineLimits"/>).
    /// </summary>
    public const int MaxOpenersPerParagraph = 64;

    /// <summary>TeX delimiters (<c>$</c>) in a file, two to a span: each span is a call to KaTeX. Real digests have a dozen at most (the 138 of the corpus, 50 in all).</summary>
    public const int MaxTexDelimitersPerFile = 2_000;

    /// <returns>The first limit the text breaks, as an error at its line; null when it keeps them all.</returns>
    public static Diagnostic? Check(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = 1;
        var start = 0;
        var headings = 0;
        var markup = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var length = end - start;
            if (length > MaxLineLength)
            {
                return new Diagnostic(Severity.Error, file, line, $"line {line} is {length:N0} characters long (at most {MaxLineLength:N0}); the file is not read");
            }

            var (indent, quotes) = Leading(text.AsSpan(start, length));
            if (indent > MaxIndent)
            {
                return new Diagnostic(Severity.Error, file, line, $"line {line} is indented {indent} columns (at most {MaxIndent}): nesting that deep is not a digest; the file is not read");
            }

            if (quotes > MaxQuoteDepth)
            {
                return new Diagnostic(Severity.Error, file, line, $"line {line} nests {quotes} quotes (at most {MaxQuoteDepth}); the file is not read");
            }

            if (line > MaxLines)
            {
                return new Diagnostic(Severity.Error, file, line, $"the file has more than {MaxLines:N0} lines: no digest is that long; the file is not read");
            }

            if (StartsHeading(text.AsSpan(start, length)) && ++headings > MaxHeadings)
            {
                return new Diagnostic(Severity.Error, file, line, $"line {line} starts the file's heading number {headings:N0} (at most {MaxHeadings:N0}): no digest has that many days and papers; the file is not read");
            }

            markup += CountMarkup(text.AsSpan(start, length));
            if (markup > MaxMarkup)
            {
                return new Diagnostic(Severity.Error, file, line, $"by line {line} the file holds more than {MaxMarkup:N0} markup characters ([ ] ! * _ ` $ \\ & <; a real digest has a few thousand); the file is not read");
            }

            line++;
            start = end + 1;
        }

        return null;
    }

    private static int CountMarkup(ReadOnlySpan<char> line)
    {
        var count = 0;
        for (var at = line.IndexOfAny(Markup); at >= 0; at = line.IndexOfAny(Markup))
        {
            count++;
            line = line[(at + 1)..];
        }

        return count;
    }

    /// <summary>Whether the line's first character after indentation and quote markers is '#': a heading, or counted as one.</summary>
    private static bool StartsHeading(ReadOnlySpan<char> line)
    {
        var text = line.TrimStart(" \t>");
        return text.Length > 0 && text[0] == '#';
    }

    private static (int Indent, int Quotes) Leading(ReadOnlySpan<char> line)
    {
        var (indent, quotes) = (0, 0);
        foreach (var c in line)
        {
            switch (c)
            {
                case ' ':
                    indent++;
                    break;
                case '\t':
                    indent += 4;
                    break;
                case '>':
                    quotes++;
                    break;
                default:
                    return (indent, quotes);
            }
        }

        return (indent, quotes);
    }
}
