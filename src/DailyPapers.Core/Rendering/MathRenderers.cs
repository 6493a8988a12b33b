using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace DailyPapers.Core.Rendering;

/// <summary>
/// Markdig leaves <c>$\sim$2</c> as text (a closing dollar before a digit reads as a price to it); the digests mean TeX
/// there, so such spans left in literal text become math inlines before rendering, by <see cref="TexMath"/>'s rule.
/// </summary>
internal static class MathInLiterals
{
    public static void Lift(Markdig.Syntax.MarkdownObject root)
    {
        var literals = root is Markdig.Syntax.LeafBlock { Inline: { } inline }
            ? inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().ToList()
            : root.Descendants<Markdig.Syntax.Inlines.LiteralInline>().ToList();
        foreach (var literal in literals)
        {
            var text = literal.Content.ToString();
            if (!text.Contains('$', StringComparison.Ordinal))
            {
                continue;
            }

            var parts = TexMath.Split(text).ToList();
            if (!parts.Any(p => p.IsMath))
            {
                continue;
            }

            Markdig.Syntax.Inlines.Inline current = literal;
            foreach (var (part, isMath) in parts)
            {
                Markdig.Syntax.Inlines.Inline next = isMath
                    ? new MathInline { Content = new Markdig.Helpers.StringSlice(part), Delimiter = '$', DelimiterCount = 1 }
                    : new Markdig.Syntax.Inlines.LiteralInline(part);
                current.InsertAfter(next);
                current = next;
            }

            literal.Remove();
        }
    }
}

/// <summary>
/// What the math renderers of one HTML renderer render within: the file's TeX budget, when there is one, and the TeX
/// spans KaTeX could not read, for the caller to report.
/// </summary>
internal sealed class TexContext
{
    private List<string> _failures = [];

    public TexBudget? Budget { get; set; }

    /// <summary>MathML for a span within the budget, or null: KaTeX cannot read it (kept as failed) or the budget is spent.</summary>
    public string? MathMl(string tex, bool display)
    {
        var mathMl = TexMath.ToMathMl(tex, display, Budget, out var skipped);
        if (mathMl is null && !skipped)
        {
            _failures.Add(tex);
        }

        return mathMl;
    }

    /// <summary>The spans that failed since the last call.</summary>
    public List<string> TakeFailures()
    {
        var taken = _failures;
        _failures = [];
        return taken;
    }
}

/// <summary>Renders Markdig's math inlines and blocks with <see cref="TexMath"/>; what KaTeX cannot read shows as its source.</summary>
internal sealed class MathInlineRenderer(TexContext context) : HtmlObjectRenderer<MathInline>
{
    protected override void Write(HtmlRenderer renderer, MathInline obj)
    {
        var tex = obj.Content.ToString();
        if (context.MathMl(tex, display: false) is not { } mathMl)
        {
            renderer.Write("<code class=\"tex\">").WriteEscape(new string(obj.Delimiter, obj.DelimiterCount) + tex + new string(obj.Delimiter, obj.DelimiterCount)).Write("</code>");
            return;
        }

        renderer.Write(mathMl);
    }
}

internal sealed class MathBlockRenderer(TexContext context) : HtmlObjectRenderer<MathBlock>
{
    protected override void Write(HtmlRenderer renderer, MathBlock obj)
    {
        var tex = obj.Lines.ToString();
        if (context.MathMl(tex, display: true) is not { } mathMl)
        {
            renderer.EnsureLine().Write("<pre class=\"tex\">").WriteEscape(tex).Write("</pre>").WriteLine();
            return;
        }

        renderer.EnsureLine().Write("<div class=\"math-display\">").Write(mathMl).Write("</div>").WriteLine();
    }
}
