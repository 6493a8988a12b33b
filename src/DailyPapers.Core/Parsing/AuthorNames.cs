using System.Globalization;
using System.Text;

namespace DailyPapers.Core.Parsing;

/// <summary>How author names are cleaned, matched and turned into URL slugs.</summary>
public static class AuthorNames
{
    /// <summary>
    /// Unicode NFC without invisible or bidirectional control characters (nor any <see cref="CleanText"/> forbids), runs of
    /// whitespace collapsed to one space and the ends trimmed: the name as shown.
    /// </summary>
    public static string Clean(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in CleanText.Remove(CleanText.StripInvisible(DecodeEntities(name))).Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The key every spelling of one person shares: cleaned, case-folded and without accents (Kölle, KOLLE, kolle).</summary>
    public static string Key(string name) => Fold(Clean(name));

    /// <summary>
    /// Markdown text means its HTML character references (<c>R&amp;amp;D</c>, <c>O&amp;#39;Brien</c>): decoded here, at the door,
    /// so the one place that escapes (the page) escapes them once. A reference to a character no text may hold
    /// (<c>&amp;#1;</c>, <c>&amp;#xFFFE;</c>) decodes to nothing (<see cref="CleanText"/>).
    /// </summary>
    public static string DecodeEntities(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('&', StringComparison.Ordinal) ? CleanText.Remove(System.Net.WebUtility.HtmlDecode(text)) : text;
    }

    /// <summary>Lower case without accents (Kölle → kolle): what author search compares against.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'ø' or 'Ø' => 'o',
                'ł' or 'Ł' => 'l',
                'đ' or 'Đ' => 'd',
                'ß' => 's',
                'æ' or 'Æ' => 'a',
                'ı' => 'i',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A URL slug: folded letters and digits of any script joined by hyphens ("Andreas Kölle" → "andreas-kolle").</summary>
    public static string Slug(string name)
    {
        var folded = Fold(Clean(name));
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "author" : slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }

    /// <summary>Markers that say an author list goes on beyond what is written; they are not people.</summary>
    public static bool IsTruncationMarker(string item) =>
        item is "+" or "…" or "..." || item.Equals("et al.", StringComparison.OrdinalIgnoreCase) || item.Equals("et al", StringComparison.OrdinalIgnoreCase);
}
