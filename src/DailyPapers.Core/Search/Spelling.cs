using System.Globalization;
using System.Data.Common;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Search;

/// <summary>
/// "Did you mean": for a query that found nothing, each word the index does not hold is replaced by the indexed word
/// nearest to it (edit distance at most 2, at most 1 for short words), the most used on a tie. Candidates are read from
/// the index's own vocabulary (an fts5vocab table over <see cref="SearchIndex"/>), only those sharing the word's first
/// letter and about its length, so the cost follows that slice, not the whole vocabulary. Korean is left alone: its
/// syllable pairs are not words. PostgreSQL keeps the same vocabulary in a table, which the search index keeps up to date
/// (<see cref="SearchIndex.Flush"/>).
/// </summary>
public static class Spelling
{
    public const string VocabularyTable = "SearchVocabulary";

    /// <summary>The query with its misspelt words corrected, or null when there is nothing to correct.</summary>
    public static string? Suggest(DbConnection connection, string query)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        var changed = false;
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length && i < PaperSearch.MaxTerms; i++)
        {
            var word = words[i].ToLowerInvariant();
            if (word.Length < 4 || word.Length > 30 || !word.All(char.IsAsciiLetterLower) || DocumentCount(connection, word) > 0)
            {
                continue;
            }

            if (Nearest(connection, word) is { } better)
            {
                words[i] = better;
                changed = true;
            }
        }

        return changed ? string.Join(' ', words) : null;
    }

    /// <summary>How many papers hold <paramref name="term"/> (as the index keeps it), from the index's vocabulary.</summary>
    internal static long DocumentCount(DbConnection connection, string term)
    {
        return connection.Number(null, $"SELECT doc FROM {VocabularyTable} WHERE term = @term", ("@term", term));
    }

    private static string? Nearest(DbConnection connection, string word)
    {
        var limit = word.Length <= 5 ? 1 : 2;
        var terms = connection.Query(null, $"SELECT term, doc FROM {VocabularyTable} WHERE term >= @from AND term < @to",
            r => (Term: r.GetString(0), Count: r.GetInt64(1)), ("@from", word[..1]), ("@to", ((char)(word[0] + 1)).ToString()));
        string? best = null;
        var (bestDistance, bestCount) = (int.MaxValue, 0L);
        foreach (var (term, count) in terms)
        {
            if (Math.Abs(term.Length - word.Length) > limit || !term.All(char.IsAsciiLetterLower))
            {
                continue;
            }

            var distance = Distance(word, term, limit);
            if (distance <= limit && (distance < bestDistance || (distance == bestDistance && count > bestCount)))
            {
                (best, bestDistance, bestCount) = (term, distance, count);
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance (a swap of neighbours counts one), given up past <paramref name="limit"/>.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
