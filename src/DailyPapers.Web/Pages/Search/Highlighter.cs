using System.Globalization;
using System.Net;
using System.Text;

namespace DailyPapers.Web.Pages.Search;

/// <summary>
/// Marks the searched terms in a title or in a window of a summary, case- and accent-insensitively, as escaped HTML.
/// The work is bounded whatever the text: only the first <see cref="MaxText"/> characters are looked at, the snippet's
/// window is found from each term's first match, and marks are looked for inside that window alone.
/// </summary>
public static class Highlighter
{
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreWidth;

    /// <summary>How much of a title or summary is read: summaries run to a few thousand characters.</summary>
    public const int MaxText = 20_000;

    public static string Title(string title, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(title);
        var text = title.Length > MaxText ? title[..MaxText] : title;
        return Mark(text, 0, text.Length, Matches(text, 0, text.Length, terms));
    }

    /// <summary>
    /// About <paramref name="width"/> characters of the summary's plain text (made at ingest, a line per block) around
    /// its first match (or its start), its lines run together.
    /// </summary>
    public static string Snippet(string summaryText, IReadOnlyList<string> terms, int width = 220)
    {
        ArgumentNullException.ThrowIfNull(summaryText);
        var source = summaryText.Length > MaxText ? summaryText[..MaxText] : summaryText;
        var text = string.Join(' ', source.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var firsts = terms.Select(t => compare.IndexOf(text, t, Loose)).Where(i => i >= 0).ToList();
        var first = firsts.Count > 0 ? firsts.Min() : 0;
        var start = Math.Max(0, first - (width / 4));
        if (start > 0)
        {
            // Start at a word boundary where there is one nearby.
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < first ? space + 1 : start;
        }

        var end = Math.Min(text.Length, start + width);
        var html = Mark(text, start, end, Matches(text, start, end, terms));
        return (start > 0 ? "… " : "") + html + (end < text.Length ? " …" : "");
    }

    /// <summary>The matches of the terms that begin inside [<paramref name="from"/>, <paramref name="to"/>), merged where they overlap.</summary>
    private static List<(int Start, int Length)> Matches(string text, int from, int to, IReadOnlyList<string> terms)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var found = new List<(int Start, int Length)>();
        // A match may run a little past the window's end; a term is at most a query's length.
        var limit = Math.Min(text.Length, to + terms.Sum(t => t.Length));
        foreach (var term in terms)
        {
            var offset = from;
            while (offset < to)
            {
                var index = compare.IndexOf(text.AsSpan(offset, limit - offset), term, Loose, out var length);
                if (index < 0 || length == 0 || offset + index >= to)
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
