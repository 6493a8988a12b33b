using System.Globalization;
using System.Net;
using System.Text;
using DailyPapers.Core.Parsing;
using Markdig;

namespace DailyPapers.Web.Pages.Search;

/// <summary>Marks the searched terms in a title or in a window of a summary, case- and accent-insensitively, as escaped HTML.</summary>
public static class Highlighter
{
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreWidth;

    public static string Title(string title, IReadOnlyList<string> terms) => Mark(title, 0, title.Length, Matches(title, terms));

    /// <summary>About <paramref name="width"/> characters of the summary's text around its first match (or its start).</summary>
    public static string Snippet(string summaryMarkdown, IReadOnlyList<string> terms, int width = 220)
    {
        var text = string.Join(' ', Markdown.ToPlainText(summaryMarkdown, DigestPipeline.Instance).Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var matches = Matches(text, terms);
        var first = matches.Count > 0 ? matches[0].Start : 0;
        var start = Math.Max(0, first - (width / 4));
        if (start > 0)
        {
            // Start at a word boundary where there is one nearby.
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < first ? space + 1 : start;
        }

        var end = Math.Min(text.Length, start + width);
        var html = Mark(text, start, end, matches);
        return (start > 0 ? "… " : "") + html + (end < text.Length ? " …" : "");
    }

    private static List<(int Start, int Length)> Matches(string text, IReadOnlyList<string> terms)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var found = new List<(int Start, int Length)>();
        foreach (var term in terms)
        {
            var offset = 0;
            while (offset < text.Length)
            {
                var index = compare.IndexOf(text.AsSpan(offset), term, Loose, out var length);
                if (index < 0 || length == 0)
                {
                    break;
                }

                found.Add((offset + index, length));
                offset += index + length;
            }
        }

        // Overlapping matches merge, so marks never nest.
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(int Start, int Length)>();
        foreach (var match in found)
        {
            if (merged.Count > 0 && match.Start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Math.Max(last.Start + last.Length, match.Start + match.Length) - last.Start);
            }
            else
            {
                merged.Add(match);
            }
        }

        return merged;
    }

    private static string Mark(string text, int start, int end, List<(int Start, int Length)> matches)
    {
        var html = new StringBuilder();
        var position = start;
        foreach (var (matchStart, length) in matches)
        {
            var from = Math.Max(matchStart, start);
            var to = Math.Min(matchStart + length, end);
            if (to <= from || from < position)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[position..from]));
            html.Append("<mark>").Append(WebUtility.HtmlEncode(text[from..to])).Append("</mark>");
            position = to;
        }

        html.Append(WebUtility.HtmlEncode(text[position..end]));
        return html.ToString();
    }
}
