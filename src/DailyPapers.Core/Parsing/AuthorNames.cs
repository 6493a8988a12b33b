using System.Globalization;
using System.Text;

namespace DailyPapers.Core.Parsing;

/// <summary>How author names are cleaned, matched and turned into URL slugs.</summary>
public static class AuthorNames
{
    /// <summary>
    /// Unicode NFC without any character that shows nothing (<see cref="IsInvisibleInName"/>), runs of whitespace
    /// collapsed to one space and the ends trimmed: the name as shown, and the name two spellings of one person share.
    /// </summary>
    public static string Clean(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in CleanText.Remove(StripInvisibleFromName(DecodeEntities(name))).Normalize(NormalizationForm.FormC))
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

    /// <summary>
    /// Whether a character shows nothing in a name: every format character (category Cf: joiners, bidi and other
    /// controls, U+2061, U+180E, the tags U+E0000–U+E007F) and every default-ignorable code point (the Hangul fillers
    /// U+115F, U+1160, U+3164 and U+FFA0, variation selectors, the combining grapheme joiner, reserved ones). Any of them
    /// would make a new author of a name that looks the same.
    /// </summary>
    public static bool IsInvisibleInName(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format || IsDefaultIgnorable(rune.Value);

    /// <summary>Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt, Unicode 16).</summary>
    private static bool IsDefaultIgnorable(int c) => c is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5
        or (>= 0x180B and <= 0x180F) or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x206F)
        or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFEFF or 0xFFA0 or (>= 0xFFF0 and <= 0xFFF8) or (>= 0x1BCA0 and <= 0x1BCA3)
        or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);

    private static string StripInvisibleFromName(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsInvisibleInName(rune))
            {
                builder.Append(rune);
            }
        }

        return builder.ToString();
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
