using System.Text;
using DailyPapers.Core.Parsing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DailyPapers.Core.Rendering;

/// <summary>
/// A summary's code and project links (<see cref="CodeLinks"/>), read from its syntax tree once its links are made
/// safe (<see cref="SummaryRenderer.MakeLinksSafe"/>): a bare URL ends where the summary's own link to it ends, so
/// "https://github.com/a/b에서" is repository a/b, as the page links it, and no second reading of URLs can disagree
/// with the page. Besides the links, the text is read for addresses Markdig does not link (one written straight after
/// a letter or a quote, '코드는https://…', or without a scheme, 'github.com/a/b에서'), cut by the same rule
/// (<see cref="SummaryRenderer.UrlEnd"/>).
/// </summary>
public static class SummaryCodeLinks
{
    /// <summary>The links of a summary's blocks, in the summary's order. Makes the blocks' links safe, as rendering them does.</summary>
    public static IReadOnlyList<CodeLink> Of(IEnumerable<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var urls = new List<string?>();
        foreach (var block in blocks)
        {
            SummaryRenderer.MakeLinksSafe(block);
            foreach (var inline in SummaryRenderer.Inlines<Inline>(block))
            {
                switch (inline)
                {
                    case LinkInline { IsImage: false } link:
                        urls.Add(link.Url);
                        break;
                    case AutolinkInline { IsEmail: false } autolink:
                        urls.Add(autolink.Url);
                        break;
                    case LiteralInline literal when literal.PreviousSibling is not LiteralInline && !InsideLink(literal):
                        Unlinked(Run(literal), urls);
                        break;
                }
            }
        }

        return CodeLinks.Of(urls);
    }

    /// <summary>
    /// The links of a summary stored as markdown (rows stored before links were kept, or read back): parsed with the
    /// digests' pipeline, so they are those the ingest finds in the file's own tree.
    /// </summary>
    public static IReadOnlyList<CodeLink> Of(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return markdown.Length == 0 ? [] : Of([Markdown.Parse(markdown, DigestPipeline.Instance)]);
    }

    /// <summary>A text run: a literal and the literals right after it (Markdig leaves '_' and '*' that open nothing apart).</summary>
    private static string Run(LiteralInline first)
    {
        var text = new StringBuilder(first.Content.ToString());
        for (var next = first.NextSibling; next is LiteralInline literal; next = literal.NextSibling)
        {
            text.Append(literal.Content.ToString());
        }

        return text.ToString();
    }

    /// <summary>
    /// The addresses written in plain text, each cut where a link to it would end: those with a scheme, and those of a
    /// code host or its pages written without one ('github.com/a/b에서', 'x.github.io'), taken as https.
    /// </summary>
    private static void Unlinked(string text, List<string?> urls)
    {
        var at = 0;
        while (at < text.Length)
        {
            // A word starts where a host's characters follow anything else (a space, a quote, a Korean letter).
            if (!IsHostChar(text[at]) || (at > 0 && IsHostChar(text[at - 1])))
            {
                at++;
                continue;
            }

            var end = SummaryRenderer.UrlEnd(text[at..]);
            var word = text.Substring(at, end);
            if (word.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || word.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                urls.Add(word);
            }
            else if (!word.Contains("://", StringComparison.Ordinal) && CodeLinks.Classify("https://" + word) is not null)
            {
                urls.Add("https://" + word);
            }

            at += Math.Max(end, 1);
        }
    }

    private static bool IsHostChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.';

    private static bool InsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline)
            {
                return true;
            }
        }

        return false;
    }
}
