using System.Buffers;
using System.Globalization;
using System.Text;

namespace DailyPapers.Core.Parsing;

/// <summary>
/// The one hygiene step for untrusted text — digest files, the text their character references decode to, request
/// parameters — before it reaches SQL, normalisation or an XML writer. It knows two kinds of unwanted character:
/// <list type="bullet">
/// <item><b>Forbidden</b>: what XML 1.0 cannot carry (C0 controls other than tab, LF and CR; lone surrogates; U+FFFE and
/// U+FFFF), the other controls (DEL, C1) and the other non-characters (U+FDD0–U+FDEF and the last two code points of
/// every plane). <c>string.Normalize</c> throws on some of them, XML writers on most, SQLite's FTS5 reads NUL as the end
/// of a string; none of them is text anyone meant to write. Digest text drops them (with a warning), parameters holding
/// them are refused, and feeds drop them from anything already stored.</item>
/// <item><b>Invisible</b>: format characters that show nothing but make two equal-looking strings differ (zero-width
/// spaces and joiners, the byte-order mark, the soft hyphen, bidirectional controls). Names, titles and queries lose
/// them; they are harmless anywhere else.</item>
/// </list>
/// </summary>
public static class CleanText
{
    // Every UTF-16 unit that may start a forbidden character: the candidates are checked one by one (a surrogate may be
    // half of a valid pair; a pair may encode a non-character of a supplementary plane).
    private static readonly SearchValues<char> Suspects = SearchValues.Create(Suspicious());

    private static string Suspicious()
    {
        var units = new StringBuilder();
        for (var c = 0; c < 0x20; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                units.Append((char)c);
            }
        }

        for (var c = 0x7F; c <= 0x9F; c++)
        {
            units.Append((char)c);
        }

        for (var c = 0xD800; c <= 0xDFFF; c++)
        {
            units.Append((char)c);
        }

        for (var c = 0xFDD0; c <= 0xFDEF; c++)
        {
            units.Append((char)c);
        }

        return units.Append('\uFFFE').Append('\uFFFF').ToString();
    }

    /// <summary>
    /// Where the first forbidden character of <paramref name="text"/> starts, or -1. Tab, LF and CR are text in a digest
    /// and forbidden in a one-line value (<paramref name="oneLine"/>), such as a request parameter.
    /// </summary>
    public static int IndexOfForbidden(ReadOnlySpan<char> text, bool oneLine = false)
    {
        var offset = 0;
        while (true)
        {
            var rest = text[offset..];
            var found = oneLine ? IndexOfSuspectOrLineBreak(rest) : rest.IndexOfAny(Suspects);
            if (found < 0)
            {
                return -1;
            }

            var at = offset + found;
            var length = ForbiddenLength(text, at);
            if (length > 0 || (oneLine && text[at] is '\t' or '\n' or '\r'))
            {
                return at;
            }

            // A valid surrogate pair that is not a non-character: go on after it.
            offset = at + 2;
        }
    }

    private static int IndexOfSuspectOrLineBreak(ReadOnlySpan<char> text)
    {
        var suspect = text.IndexOfAny(Suspects);
        var lineBreak = text.IndexOfAny('\t', '\n', '\r');
        return suspect < 0 ? lineBreak : lineBreak < 0 ? suspect : Math.Min(suspect, lineBreak);
    }

    /// <summary>Whether <paramref name="text"/> holds no forbidden character.</summary>
    public static bool IsClean(ReadOnlySpan<char> text, bool oneLine = false) => IndexOfForbidden(text, oneLine) < 0;

    /// <summary>
    /// How many UTF-16 units the forbidden character at <paramref name="index"/> takes (1, or 2 for a non-character
    /// outside the Basic Multilingual Plane), or 0 when the character there is allowed.
    /// </summary>
    private static int ForbiddenLength(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            return (char.ConvertToUtf32(c, text[index + 1]) & 0xFFFE) == 0xFFFE ? 2 : 0;
        }

        return Suspects.Contains(c) ? 1 : 0;
    }

    /// <summary><paramref name="text"/> without its forbidden characters (the same instance when it has none).</summary>
    public static string Remove(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfForbidden(text);
        if (first < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length;)
        {
            // A character is one unit, or two for a surrogate pair: kept or dropped whole.
            var units = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (ForbiddenLength(text, i) == 0)
            {
                clean.Append(text, i, units);
            }

            i += units;
        }

        return clean.ToString();
    }

    /// <summary>
    /// The forbidden characters of <paramref name="text"/> as a message names them: <c>U+0001, U+FFFE</c> (each once, at
    /// most <paramref name="limit"/>, then "…").
    /// </summary>
    public static string NameForbidden(string text, bool oneLine = false, int limit = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new List<string>();
        for (var i = IndexOfForbidden(text, oneLine); i >= 0 && i < text.Length;)
        {
            var length = Math.Max(1, ForbiddenLength(text, i));
            var name = "U+" + (length == 2 ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i]).ToString("X4", CultureInfo.InvariantCulture);
            if (!names.Contains(name))
            {
                names.Add(name);
            }

            var next = IndexOfForbidden(text.AsSpan(i + length), oneLine);
            i = next < 0 ? -1 : i + length + next;
        }

        return names.Count <= limit ? string.Join(", ", names) : string.Join(", ", names.Take(limit)) + ", …";
    }

    /// <summary>
    /// Drops characters that show nothing but make two equal-looking strings differ: zero-width spaces and joiners, the
    /// byte-order mark, soft hyphens and bidirectional controls.
    /// </summary>
    public static string StripInvisible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsInvisible))
        {
            return text;
        }

        return new string([.. text.Where(c => !IsInvisible(c))]);
    }

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD'
        or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u061C';
}
