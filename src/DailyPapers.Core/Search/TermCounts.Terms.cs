using System.Text;
using System.Text.RegularExpressions;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Search;

// The pure part of term counts: the terms of a text, the periods they are counted in, and a period's counts.
public sealed partial class TermCounts
{
    /// <summary>The weeks and months holding these days.</summary>
    public static IReadOnlyList<(TermPeriod Period, DateOnly Start)> PeriodsOf(IEnumerable<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return [.. days.SelectMany(d => new[] { (TermPeriod.Week, WeekOf(d)), (TermPeriod.Month, MonthOf(d)) }).Distinct()];
    }

    /// <summary>The Monday starting the week of a day.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The first day after a period.</summary>
    public static DateOnly EndOf(TermPeriod period, DateOnly start) => period == TermPeriod.Week ? start.AddDays(7) : start.AddMonths(1);

    /// <summary>
    /// A period's counts from its papers' terms (each paper once): how many papers hold each term, and under the empty
    /// term how many papers there are. No papers, no counts.
    /// </summary>
    public static Dictionary<string, int> Count(IEnumerable<IReadOnlySet<string>> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var terms in papers)
        {
            total++;
            foreach (var term in terms)
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        if (total > 0)
        {
            counts[""] = total;
        }

        return counts;
    }

    /// <summary>The terms of a paper: those of its title and its summary (<see cref="Terms(string)"/> of the two, a line apart).</summary>
    public static IReadOnlySet<string> Terms(string title, string summary)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(summary);
        return Terms(title + "\n" + summary);
    }

    /// <summary>
    /// The distinct terms of a text that may rise, cut as the search index cuts it: Latin words of three letters or
    /// more (lower case, starting with a letter, not an English stop-word or markup), and of each Korean word (a Hangul
    /// run) its first two syllables. Particles and endings sit at the end of a Korean word (모델을, 생성하는), so the
    /// first pair is its stem (모델, 생성) while the other pairs are mostly grammar (델을, 하는). Terms common in every
    /// period are left out when read (<see cref="RisingTerms"/>), not here, as the archive decides what is common.
    /// </summary>
    public static IReadOnlySet<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Word().EnumerateMatches(text))
        {
            var span = text.AsSpan(word.Index, word.Length);
            var i = 0;
            while (i < span.Length)
            {
                var start = i;
                var hangul = SearchText.IsHangul(span[i]);
                while (i < span.Length && SearchText.IsHangul(span[i]) == hangul)
                {
                    i++;
                }

                var part = span[start..i];
                if (hangul)
                {
                    if (part.Length >= 2 && part[0] is >= '\uAC00' and <= '\uD7A3' && part[1] is >= '\uAC00' and <= '\uD7A3' && !KoreanStopPairs.Contains(part[..2].ToString()))
                    {
                        terms.Add(part[..2].ToString());
                    }
                }
                else if (part.Length is >= 3 and <= 30 && char.IsLetter(part[0]))
                {
                    var latin = part.ToString().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
                    if (!EnglishStopWords.Contains(latin))
                    {
                        terms.Add(latin);
                    }
                }
            }
        }

        return terms;
    }

    // Words that carry no topic: English function words, markup and link parts that summaries contain.
    private static readonly HashSet<string> EnglishStopWords = new(
        """
        the and for with from that this these those are was were been being have has had not but can its our their they
        them than then into onto over under via per such also more most less least each both all any some other using use
        used based which while where when what who how why will would could should may might must shall does did doing done
        new one two three about across after before between through within without very just only same own out off
        https http www com org html arxiv github huggingface png jpg jpeg gif svg mp4 img src alt href
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    // Korean words that open with grammar rather than a topic (demonstratives, conjunctions, auxiliary verbs), and the
    // words every summary uses (연구, 논문, 방법, 결과).
    private static readonly HashSet<string> KoreanStopPairs = new(
        """
        이러 이를 이는 이와 이것 그리 그러 그러나 또한 또는 하지 하는 하고 하여 하며 한다 합니 했습 했다 있는 있다 있습 있으 있도 없는 없이
        되는 되어 된다 됩니 위한 위해 대한 대해 통해 통한 따라 따른 가장 모든 여러 다양 각각 것이 것을 것은 수는 수있 에서 으로 에게 보다 또한 본논
        등의 등을 등이 등과 인한 인해 이전 이후 최고 최근 기존 같은 경우 때문 더욱 매우 특히 주로 함께 이상 이하 사용 제안 제시 연구 논문 방법 결과
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex Word();
}
