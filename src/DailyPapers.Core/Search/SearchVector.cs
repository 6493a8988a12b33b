using System.Globalization;
using System.Text;

namespace DailyPapers.Core.Search;

/// <summary>
/// The PostgreSQL side of the search index: a paper's words as a <c>tsvector</c> literal, cut here rather than by the
/// server's text-search parser, so both providers index the same words (<see cref="IndexWords"/>: those of
/// <see cref="SearchText.IndexTokens"/>, split and folded as SQLite's unicode61 tokenizer with <c>remove_diacritics 2</c>
/// does: lower case, accents off, cut at anything that is not a letter or digit), the words relevance counts too. Title words carry weight A, summary words B and author words C, so a query
/// can ask for one column; each column's positions start past the previous one's, so no phrase spans two columns.
/// </summary>
public static class SearchVector
{
    // PostgreSQL keeps positions up to 16,383 and words up to 2,047 bytes; past those it refuses the literal.
    private const int MaxPosition = 16383;
    private const int MaxWordBytes = 2046;

    /// <param name="eachWord">Told each distinct word once (the vocabulary counts papers per word).</param>
    public static string Of(string title, string summary, string authors, Action<string>? eachWord = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(authors);
        var positions = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var next = 1;
        var words = new IndexWords();
        foreach (var (text, weight) in new[] { (title, 'A'), (summary, 'B'), (authors, 'C') })
        {
            words.Cut(text);
            for (var i = 0; i < words.Count; i++)
            {
                if (Encoding.UTF8.GetByteCount(words[i]) > MaxWordBytes)
                {
                    continue;
                }

                var word = words[i].ToString();
                if (!positions.TryGetValue(word, out var list))
                {
                    positions[word] = list = [];
                }

                list.Add(string.Create(CultureInfo.InvariantCulture, $"{Math.Min(next, MaxPosition)}{weight}"));
                next++;
            }

            // A gap between columns: "end of title" followed by "start of summary" is not a phrase.
            next++;
        }

        var vector = new StringBuilder();
        foreach (var (word, list) in positions)
        {
            eachWord?.Invoke(word);
            if (vector.Length > 0)
            {
                vector.Append(' ');
            }

            // Words hold letters and digits only, so no quote or backslash needs escaping.
            vector.Append('\'').Append(word).Append("':").AppendJoin(',', list.Distinct().Take(256));
        }

        return vector.ToString();
    }

    /// <summary>The words of tokenized text, as the index stores them.</summary>
    public static IEnumerable<string> Words(string tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        // Every word, one letter or more: the index keeps them all (similarity's terms start at two).
        return SearchText.TermRanges(tokens, minLength: 1).Select(r => Fold(tokens.AsSpan(r.Start, r.Length)));
    }

    /// <summary>Lower case without accents (é → e), leaving Hangul and other scripts whole.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            folded.Append(Fold(c));
        }

        return folded.ToString();
    }

    // Each character's fold, worked out once (0: not yet; a character folding to U+0000 is never a word's).
    private static readonly char[] Folded = new char[char.MaxValue + 1];

    /// <summary>One character lower case without its accent (<see cref="Fold(ReadOnlySpan{char})"/>).</summary>
    internal static char Fold(char c)
    {
        if (c < '\u0080')
        {
            return char.ToLowerInvariant(c);
        }

        var folded = Folded[c];
        if (folded == '\0')
        {
            // Races only write the same value twice.
            Folded[c] = folded = FoldOnce(c);
        }

        return folded;
    }

    private static char FoldOnce(char c)
    {
        var lower = char.ToLowerInvariant(c);
        if (lower < '\u00C0' || SearchText.IsHangul(lower) || char.IsSurrogate(lower))
        {
            return lower;
        }

        // The base letter of a composed one (é = e + ◌́), for letters whose decomposition starts with a letter.
        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 1 && char.IsLetter(decomposed[0]) && decomposed.Skip(1).All(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.NonSpacingMark)
            ? decomposed[0]
            : lower;
    }
}
