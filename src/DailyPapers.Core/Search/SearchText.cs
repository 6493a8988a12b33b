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
        foreach (var (start, length) in TermRanges(tokens))
        {
            yield return tokens.Substring(start, length);
        }
    }

    /// <summary>Adds <paramref name="weight"/> to the count of each of <see cref="Terms"/>, allocating only terms not yet counted.</summary>
    public static void CountTerms(string text, Dictionary<string, int> counts, int weight)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var tokens = IndexTokens(text).ToLowerInvariant();
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (start, length) in TermRanges(tokens))
        {
            var term = tokens.AsSpan(start, length);
            lookup[term] = lookup.TryGetValue(term, out var count) ? count + weight : weight;
        }
    }

    private static IEnumerable<(int Start, int Length)> TermRanges(string tokens)
    {
        var start = -1;
        for (var i = 0; i <= tokens.Length; i++)
        {
            if (i < tokens.Length && char.IsLetterOrDigit(tokens[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && i - start > 1)
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
    private static partial Regex LettersThenNumber();

    [GeneratedRegex(@"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])")]
    private static partial Regex CompoundBoundary();
}
