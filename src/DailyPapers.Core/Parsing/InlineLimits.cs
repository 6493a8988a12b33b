using System.Text;

namespace DailyPapers.Core.Parsing;

/// <summary>
/// Bounds the work Markdig's inline parsing can be given, before it reads a file: openers past
/// <see cref="DigestLimits.MaxOpenersPerParagraph"/> in a paragraph (whose cost grows with their square) and TeX
/// delimiters past <see cref="DigestLimits.MaxTexDelimitersPerFile"/> in the file (each span is a call to KaTeX) are
/// escaped with a backslash, so they are read as the literal characters they are; nothing is dropped. Each limit met is
/// reported once, at the first line where it cut in. Line numbers do not change: only backslashes are added, inside lines.
/// (How many nodes a file makes at all is bounded before this, by <see cref="DigestLimits.Check"/>.)
/// </summary>
/// <remarks>
/// A paragraph here is a run of lines without a blank one, which holds every paragraph Markdig makes; counting is done
/// without parsing, so an opener inside a code block counts too (a real digest is far below every limit).
/// </remarks>
internal static class InlineLimits
{
    public static string Apply(string text, DiagnosticList diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? escaped = null;
        var copied = 0;
        var line = 1;
        var lineIsBlank = true;
        var inParagraph = 0;
        var dollars = 0;
        var (paragraph, paragraphLine, paragraphsCut, lastCutParagraph) = (1, 0, 0, 0);
        var texLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (lineIsBlank && inParagraph > 0)
                {
                    inParagraph = 0;
                    paragraph++;
                }

                line++;
                lineIsBlank = true;
                continue;
            }

            if (c is ' ' or '\t')
            {
                continue;
            }

            lineIsBlank = false;

            if (c == '\\' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) is false && text[i + 1] is > ' ' and < (char)0x7F)
            {
                // An escaped character is text already.
                i++;
                continue;
            }

            bool escape;
            if (c is '[' or '*' or '_' or '`')
            {
                escape = ++inParagraph > DigestLimits.MaxOpenersPerParagraph;
                if (escape && lastCutParagraph != paragraph)
                {
                    lastCutParagraph = paragraph;
                    paragraphsCut++;
                    paragraphLine = paragraphLine == 0 ? line : paragraphLine;
                }
            }
            else if (c == '$')
            {
                escape = ++dollars > DigestLimits.MaxTexDelimitersPerFile;
                texLine = escape && texLine == 0 ? line : texLine;
            }
            else
            {
                continue;
            }

            if (escape)
            {
                escaped ??= new StringBuilder(text.Length + (text.Length / 8));
                escaped.Append(text, copied, i - copied).Append('\\');
                copied = i;
            }
        }

        if (escaped is null)
        {
            return text;
        }

        if (paragraphLine > 0)
        {
            var more = paragraphsCut > 1 ? $" (and in {paragraphsCut - 1:N0} more paragraphs after it)" : "";
            diagnostics.Warning(paragraphLine, $"this paragraph holds more than {DigestLimits.MaxOpenersPerParagraph} link, emphasis or code openers ([ * _ `){more}; those past the limit are kept as literal text");
        }

        if (texLine > 0)
        {
            diagnostics.Warning(texLine, $"the file holds more than {DigestLimits.MaxTexDelimitersPerFile:N0} TeX delimiters ($); from here on they are kept as literal text, not rendered");
        }

        return escaped.Append(text, copied, text.Length - copied).ToString();
    }
}
