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

    /// <returns>The first limit the text breaks, as an error at its line; null when it keeps them all.</returns>
    public static Diagnostic? Check(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = 1;
        var start = 0;
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

            line++;
            start = end + 1;
        }

        return null;
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
