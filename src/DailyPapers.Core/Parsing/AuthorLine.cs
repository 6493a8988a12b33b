using System.Text;

namespace DailyPapers.Core.Parsing;

/// <summary>The people an author line names, in order and once each, and whether it says the list goes on.</summary>
public sealed record AuthorList(IReadOnlyList<string> Names, bool Truncated);

/// <summary>
/// Reads what follows <c>Authors:</c> in the syntaxes digests use or plausibly will: a comma list
/// (<c>A, B, +, C</c>), a semicolon list, a final "and" (<c>A, B, and C</c>), and list literals in Python or JSON
/// (<c>['A', "O'Brien", 'C']</c>, escaped quotes included). Invisible and bidirectional control characters are dropped,
/// whitespace is collapsed, <c>+</c>, <c>…</c> and <c>et al.</c> mark a truncated list, and a name written twice (in any
/// case or accent) is kept once, as first written.
/// </summary>
public static class AuthorLine
{
    public static AuthorList Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = CleanText.StripInvisible(line).Trim();
        var literal = IsListLiteral(text);
        if (!literal && text.Length >= 2 && text[0] == '[' && text[^1] == ']')
        {
            // A list in brackets without quotes: [A, B, C].
            text = text[1..^1];
        }

        var items = literal ? LiteralItems(text) : PlainItems(text);
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var truncated = false;
        foreach (var raw in items)
        {
            var item = AuthorNames.Clean(raw);
            if (EndsWithEtAl(item, out var before))
            {
                truncated = true;
                item = before;
            }

            if (item.Length == 0)
            {
                continue;
            }

            if (AuthorNames.IsTruncationMarker(item))
            {
                truncated = true;
                continue;
            }

            if (seen.Add(AuthorNames.Key(item)))
            {
                names.Add(item);
            }
        }

        return new AuthorList(names, truncated);
    }

    private static bool IsListLiteral(string text) =>
        text.Length >= 2 && ((text[0] == '[' && text[^1] == ']') || (text[0] == '(' && text[^1] == ')')) &&
        text.AsSpan(1).TrimStart() is [var first, ..] && first is '\'' or '"' or ']' or ')';

    /// <summary>Items of a Python or JSON list: quoted strings with backslash escapes, or bare words between commas.</summary>
    private static List<string> LiteralItems(string text)
    {
        var items = new List<string>();
        var inner = text[1..^1];
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c is '\'' or '"' && current.ToString().Trim().Length == 0)
            {
                // A quoted item: read to its closing quote, honouring backslash escapes.
                var quote = c;
                current.Clear();
                for (i++; i < inner.Length && inner[i] != quote; i++)
                {
                    if (inner[i] == '\\' && i + 1 < inner.Length)
                    {
                        i++;
                    }

                    current.Append(inner[i]);
                }

                quoted = true;
                continue;
            }

            if (c == ',')
            {
                items.Add(current.ToString());
                current.Clear();
                quoted = false;
                continue;
            }

            if (!quoted)
            {
                current.Append(c);
            }
        }

        items.Add(current.ToString());
        return items;
    }

    /// <summary>Items of a plain list: commas (or semicolons when there are no commas), and a last "and".</summary>
    private static List<string> PlainItems(string text)
    {
        text = UnescapeMarkdown(text);
        var separator = text.Contains(',', StringComparison.Ordinal) || !text.Contains(';', StringComparison.Ordinal) ? ',' : ';';
        var items = text.Split(separator).ToList();
        // "A, B, and C" or "A and B": the last item may start with, or be joined by, "and" / "&".
        var last = items[^1].Trim();
        foreach (var joiner in new[] { "and ", "& " })
        {
            if (items.Count > 1 && last.StartsWith(joiner, StringComparison.OrdinalIgnoreCase))
            {
                items[^1] = last[joiner.Length..];
                return items;
            }
        }

        foreach (var joiner in new[] { " and ", " & " })
        {
            var at = last.LastIndexOf(joiner, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                items[^1] = last[..at];
                items.Add(last[(at + joiner.Length)..]);
                break;
            }
        }

        return items;
    }

    private static bool EndsWithEtAl(string item, out string before)
    {
        foreach (var marker in new[] { " et al.", " et al", " +", " …", " ..." })
        {
            if (item.Length > marker.Length && item.EndsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                before = item[..^marker.Length].TrimEnd();
                return true;
            }
        }

        before = item;
        return false;
    }

    /// <summary>Markdown backslash escapes (<c>O\'Brien</c>, <c>J\_Doe</c>): the character itself.</summary>
    private static string UnescapeMarkdown(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) is false && text[i + 1] < 128 && !char.IsWhiteSpace(text[i + 1]))
            {
                i++;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }
}
