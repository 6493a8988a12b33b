using System.Globalization;
using System.Text;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;
using DailyPapers.Web.Pages.Shared;

namespace DailyPapers.Web.Pages.Papers;

/// <summary>A BibTeX entry for an arXiv paper, in the form arXiv itself suggests (@misc with eprint).</summary>
public static class BibTex
{
    public static string For(PaperCard paper, int? version)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var year = Year(paper.ArxivId) ?? paper.Date.Year;
        var firstAuthor = paper.Authors.Count > 0 ? paper.Authors[0].Name : null;
        var lastName = firstAuthor is null ? "arxiv" : Key(firstAuthor.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
        var firstWord = Key(paper.Title.Split([' ', ':', '-'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Length > 3) ?? "paper");
        var authors = string.Join(" and ", paper.Authors.Select(a => Escape(a.Name)));
        if (paper.AuthorsTruncated || paper.Authors.Count == 0)
        {
            authors = authors.Length == 0 ? "others" : authors + " and others";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"@misc{{{lastName}{year}{firstWord},\n");
        // TeX in the title is TeX to BibTeX too: {LLM$\times$MapReduce}; only the text around it is escaped.
        text.Append(CultureInfo.InvariantCulture, $"  title         = {{{{{TexMath.MapText(paper.Title, Escape, KeepTex)}}}}},\n");
        text.Append(CultureInfo.InvariantCulture, $"  author        = {{{authors}}},\n");
        text.Append(CultureInfo.InvariantCulture, $"  year          = {{{year}}},\n");
        text.Append(CultureInfo.InvariantCulture, $"  eprint        = {{{paper.ArxivId}{(version is { } v ? $"v{v}" : "")}}},\n");
        text.Append("  archivePrefix = {arXiv},\n");
        text.Append(CultureInfo.InvariantCulture, $"  url           = {{{paper.AbsUrl}}}\n");
        text.Append('}');
        return text.ToString();
    }

    /// <summary>New-style ids start with YYMM; old-style ids carry YY after the slash.</summary>
    private static int? Year(string arxivId)
    {
        var digits = arxivId.Contains('/', StringComparison.Ordinal) ? arxivId[(arxivId.IndexOf('/', StringComparison.Ordinal) + 1)..] : arxivId;
        if (digits.Length < 2 || !int.TryParse(digits.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var yy))
        {
            return null;
        }

        return yy >= 91 ? 1900 + yy : 2000 + yy;
    }

    private static string Key(string word)
    {
        var folded = AuthorNames.Fold(word);
        var key = new string([.. folded.Where(char.IsAsciiLetterOrDigit)]);
        return key.Length == 0 ? "x" : key;
    }

    /// <summary>
    /// Text as BibTeX reads it inside a braced field. BibTeX counts every brace, escaped or not, to find where a field
    /// ends, so braces become commands whose own braces pair up (<c>\textbraceright{}</c>): no title or name can close
    /// its field and write another (<c>x}, note={…</c>).
    /// </summary>
    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '\\' => "\\textbackslash{}",
                '{' => "\\textbraceleft{}",
                '}' => "\\textbraceright{}",
                '&' or '%' or '$' or '#' or '_' => "\\" + c,
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>A TeX span stays TeX when its braces pair up as BibTeX counts them; else it is text like the rest.</summary>
    private static string KeepTex(string tex)
    {
        var depth = 0;
        foreach (var c in tex)
        {
            depth += c switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth < 0)
            {
                return Escape("$" + tex + "$");
            }
        }

        return depth == 0 ? "$" + tex + "$" : Escape("$" + tex + "$");
    }
}
