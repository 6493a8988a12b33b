using DailyPapers.Core.Parsing;
using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DailyPapers.Core.Rendering;

/// <summary>
/// Renders digest markdown (day notes, text the parser composed) to HTML once, at ingest. Raw HTML is disabled, so digest HTML
/// shows as text; bare URLs become links that stop where the Korean text after them begins; only http(s) and mailto
/// links survive, everything else (javascript:, data:, vbscript: …) renders as plain text.
/// </summary>
public static class SummaryRenderer
{
    private static MarkdownPipeline Pipeline => DigestPipeline.Instance;

    public static string ToHtml(string markdown) => ToHtml(markdown, null);

    /// <summary>Markdown as HTML, its TeX rendered within <paramref name="budget"/> (when given).</summary>
    internal static string ToHtml(string markdown, TexBudget? budget)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length == 0)
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        MakeLinksSafe(document);
        MathInLiterals.Lift(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        DigestMarkdown.Setup(renderer, new TexContext { Budget = budget });
        renderer.Render(document);
        // A character reference decodes to what it names, &#1; too: what no text may hold is dropped.
        return CleanText.Remove(writer.ToString());
    }

    /// <summary>
    /// The summary as plain text, for places that hold no markup (a meta description, a feed's summary, a reference
    /// manager's abstract): markdown's markup dropped, TeX in plain Unicode, items and paragraphs on lines of their own.
    /// </summary>
    public static string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length == 0)
        {
            return "";
        }

        return Lines(Markdown.ToPlainText(markdown, Pipeline));
    }

    /// <summary>Plain text on lines of their own, without blank ones, TeX in plain Unicode.</summary>
    internal static string Lines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return CleanText.Remove(TexMath.TextToPlain(string.Join('\n', lines)));
    }

    internal static void MakeLinksSafe(MarkdownObject root)
    {
        foreach (var link in Inlines<LinkInline>(root))
        {
            if (link.IsAutoLink)
            {
                TrimAutoLink(link);
            }

            if (!IsSafe(link.Url))
            {
                ReplaceWithText(link);
                continue;
            }

            if (link.IsImage)
            {
                link.GetAttributes().AddPropertyIfNotExist("loading", "lazy");
            }
            else
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener");
            }
        }

        foreach (var autolink in Inlines<AutolinkInline>(root))
        {
            if (!IsSafe(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }

    // Markdig's Descendants does not look into a lone leaf block's inlines.
    internal static List<T> Inlines<T>(MarkdownObject root)
        where T : Inline => root switch
        {
            LeafBlock { Inline: { } inline } => [.. inline.Descendants<T>()],
            _ => [.. root.Descendants<T>()],
        };

    internal static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            // Relative links and fragments are harmless unless they smuggle a scheme.
            return !url.Contains(':', StringComparison.Ordinal);
        }

        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto;
    }

    private static void ReplaceWithText(LinkInline link)
    {
        if (link.IsImage)
        {
            // Its description becomes text once: ReplaceBy would also move the description's inlines in after it.
            link.ReplaceBy(new LiteralInline(LabelOf(link)), copyChildren: false);
            return;
        }

        var text = new ContainerInline();
        while (link.FirstChild is { } child)
        {
            child.Remove();
            text.AppendChild(child);
        }

        link.ReplaceBy(text);
    }

    /// <summary>The text an image's description shows (its alt text), each piece once.</summary>
    private static string LabelOf(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            text.Append(child switch
            {
                LiteralInline literal => literal.Content.ToString(),
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                CodeInline code => code.Content,
                ContainerInline inner => LabelOf(inner),
                _ => "",
            });
        }

        return text.ToString();
    }

    /// <summary>
    /// Digest text runs URLs straight into Korean ("https://github.com/x/y에서"): a bare URL ends at the first character
    /// a URL cannot hold unescaped (any non-ASCII letter, braces, quotes …), and trailing punctuation goes with the text.
    /// </summary>
    private static void TrimAutoLink(LinkInline link)
    {
        if (link.FirstChild is not LiteralInline label || link.Url is null)
        {
            return;
        }

        var shown = label.Content.ToString();
        var cut = UrlEnd(shown);
        if (cut >= shown.Length)
        {
            return;
        }

        var removed = shown.Length - cut;
        if (removed >= link.Url.Length)
        {
            return;
        }

        link.Url = link.Url[..^removed];
        label.Content = new StringSlice(shown[..cut]);
        link.InsertAfter(new LiteralInline(shown[cut..]));
    }

    internal static int UrlEnd(string url)
    {
        var end = 0;
        while (end < url.Length && IsUrlChar(url[end]))
        {
            end++;
        }

        while (end > 0 && url[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or ')' && !(url[end - 1] == ')' && Balanced(url.AsSpan(0, end))))
        {
            end--;
        }

        return end;

        static bool IsUrlChar(char c) => c is > ' ' and < (char)0x7F && c is not ('{' or '}' or '|' or '\\' or '^' or '`' or '<' or '>' or '"');

        static bool Balanced(ReadOnlySpan<char> s) => s.Count('(') >= s.Count(')');
    }
}
