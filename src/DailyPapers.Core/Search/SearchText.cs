using System.Text;
using System.Text.RegularExpressions;

namespace DailyPapers.Core.Search;

/// <summary>
/// How text is cut for the search index. Korean writes particles straight onto words (모델을, 모델의) and compounds
/// without spaces (언어모델), so Hangul runs are indexed as overlapping syllable pairs (모델을 → 모델 델을): a query's pairs,
/// searched as a phrase, find it inside any longer run. Everything else is left to FTS5's unicode61 words.
/// </summary>
public static partial class SearchText
{
    /// <summary>
    /// Text as the index stores it: Hangul as syllable pairs, and after the text the parts of compound words
    /// (StableDiffusion → Stable Diffusion, GPT4 → GPT 4) and the joined forms of names written apart (Llama-3 and
    /// LLaMA 3 → llama3), so llama3, Llama-3 and LLaMA 3 all find each other while phrases in the text keep their positions.
    /// </summary>
    public static string IndexTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new StringBuilder();
        foreach (var word in LatinWord().EnumerateMatches(text))
        {
            var pieces = CompoundBoundary().Split(text.Substring(word.Index, word.Length));
            if (pieces.Length > 1)
            {
                parts.Append(' ').AppendJoin(' ', pieces);
            }
        }

        foreach (Match apart in LettersThenNumber().Matches(text))
        {
            parts.Append(' ').Append(apart.Groups[1].Value).Append(apart.Groups[2].Value);
        }

        var tokens = QueryTokens(text);
        return parts.Length == 0 ? tokens : tokens + " \n" + parts;
    }

    /// <summary>
    /// The words of <see cref="IndexTokens"/> as FTS5's unicode61 tokenizer reads them (lower case, split at anything
    /// that is not a letter or digit), without one-character words: the terms paper similarity counts.
    /// </summary>
    public static IEnumerable<string> Terms(string text)
    {
        var tokens = IndexTokens(text).ToLowerInvariant();
        foreach (var (start, length) in TermRanges(tokens, minLength: 2))
        {
            yield return tokens.Substring(start, length);
        }
    }

    /// <summary>
    /// Adds <paramref name="weight"/> to the count of each of <see cref="Terms"/>, in the same order, reading the text in
    /// place: no token string is made, and a term not yet counted takes its string from <paramref name="pool"/> when one
    /// like it was made before (added there otherwise), so counting many texts makes each distinct term once.
    /// </summary>
    public static void CountTerms(string text, Dictionary<string, int> counts, int weight, HashSet<string>? pool)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(counts);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var shared = pool?.GetAlternateLookup<ReadOnlySpan<char>>();
        char[]? rented = null;
        var buffer = text.Length <= 512 ? stackalloc char[512] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            EachTerm(text, buffer, term =>
            {
                if (lookup.TryGetValue(term, out var count))
                {
                    lookup[term] = count + weight;
                    return;
                }

                var key = shared is { } strings && strings.TryGetValue(term, out var pooled) ? pooled : term.ToString();
                counts.Add(key, weight);
                pool?.Add(key);
            });
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private delegate void TermAction(ReadOnlySpan<char> term);

    /// <summary>
    /// The terms of <see cref="IndexTokens"/> as <see cref="Terms"/> reads them, in the same order, without making the
    /// token string: Hangul runs' syllable pairs and the other runs of letters and digits (lower case) in text order,
    /// then the parts of compound words, then the joined forms of names written apart. One-character words are left out.
    /// </summary>
    private static void EachTerm(string text, Span<char> buffer, TermAction action)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (IsHangul(text[i]))
            {
                var start = i;
                while (i < text.Length && IsHangul(text[i]))
                {
                    i++;
                }

                // A pair holding one of the range's two unassigned code points is no word: its pieces are single characters.
                for (var k = start; k + 1 < i; k++)
                {
                    if (char.IsLetterOrDigit(text[k]) && char.IsLetterOrDigit(text[k + 1]))
                    {
                        action(text.AsSpan(k, 2));
                    }
                }

                continue;
            }

            // A run of letters and digits as the lower-cased token string splits it; Hangul always stands apart.
            var length = 0;
            char lower;
            while (i < text.Length && !IsHangul(text[i]) && char.IsLetterOrDigit(lower = char.ToLowerInvariant(text[i])))
            {
                buffer[length++] = lower;
                i++;
            }

            if (length == 0)
            {
                i++;
            }
            else if (length > 1)
            {
                action(buffer[..length]);
            }
        }

        foreach (var word in LatinWord().EnumerateMatches(text))
        {
            // A word without a boundary is one piece, already counted as a word.
            var span = text.AsSpan(word.Index, word.Length);
            var pieceStart = 0;
            for (var p = 1; p <= span.Length; p++)
            {
                if (p < span.Length && !IsCompoundBoundary(span, p))
                {
                    continue;
                }

                if (p - pieceStart > 1 && !(pieceStart == 0 && p == span.Length))
                {
                    action(Lower(span[pieceStart..p], buffer));
                }

                pieceStart = p;
            }
        }

        foreach (Match apart in LettersThenNumber().Matches(text))
        {
            var letters = Lower(apart.Groups[1].ValueSpan, buffer);
            Lower(apart.Groups[2].ValueSpan, buffer[letters.Length..]);
            action(buffer[..(letters.Length + apart.Groups[2].Length)]);
        }
    }

    private static Span<char> Lower(ReadOnlySpan<char> text, Span<char> buffer)
    {
        for (var k = 0; k < text.Length; k++)
        {
            buffer[k] = char.ToLowerInvariant(text[k]);
        }

        return buffer[..text.Length];
    }

    /// <summary>Where <see cref="CompoundBoundary"/> splits a word of ASCII letters and digits.</summary>
    internal static bool IsCompoundBoundary(ReadOnlySpan<char> word, int p)
    {
        char before = word[p - 1], at = word[p];
        return (char.IsAsciiLetterLower(before) && char.IsAsciiLetterUpper(at))
            || (char.IsAsciiLetterUpper(before) && char.IsAsciiLetterUpper(at) && p + 1 < word.Length && char.IsAsciiLetterLower(word[p + 1]))
            || (char.IsAsciiLetter(before) && char.IsAsciiDigit(at))
            || (char.IsAsciiDigit(before) && char.IsAsciiLetter(at));
    }

    /// <summary>Runs of letters and digits in <paramref name="tokens"/> (unicode61's words), of at least <paramref name="minLength"/>.</summary>
    internal static IEnumerable<(int Start, int Length)> TermRanges(string tokens, int minLength)
    {
        var start = -1;
        for (var i = 0; i <= tokens.Length; i++)
        {
            if (i < tokens.Length && char.IsLetterOrDigit(tokens[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && i - start >= minLength)
            {
                yield return (start, i - start);
            }

            start = -1;
        }
    }

    /// <summary>Text cut the way a query is: Hangul runs as syllable pairs, everything else left to unicode61's words.</summary>
    public static string QueryTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder(text.Length * 2);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsHangul(text[i]))
            {
                output.Append(text[i]);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsHangul(text[i]))
            {
                i++;
            }

            output.Append(' ');
            if (i - start == 1)
            {
                output.Append(text[start]);
            }
            else
            {
                for (var k = start; k + 1 < i; k++)
                {
                    output.Append(text, k, 2).Append(' ');
                }
            }

            output.Append(' ');
        }

        return output.ToString();
    }

    public static bool IsHangul(char c) =>
        c is (>= '\uAC00' and <= '\uD7A3') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F');

    [GeneratedRegex(@"[A-Za-z0-9]{3,}")]
    private static partial Regex LatinWord();

    // A name and its version written apart: "Llama-3", "LLaMA 3", "GPT-4o" (not "model 2024": numbers of 1–3 digits).
    [GeneratedRegex(@"\b([A-Za-z][A-Za-z]+)[- ]([0-9]{1,3}(?:[a-z]\b)?)(?![0-9])")]
    internal static partial Regex LettersThenNumber();

    [GeneratedRegex(@"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])")]
    private static partial Regex CompoundBoundary();
}
