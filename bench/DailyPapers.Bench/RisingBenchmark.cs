using System.Text.RegularExpressions;
using DailyPapers.Core.Data;
using DailyPapers.Testing;
using DailyPapers.Core.Search;

namespace DailyPapers.Bench;

/// <summary>
/// <c>rising</c>: what the rising terms say of each month of the corpus (<see cref="RisingEvaluation"/>), for the
/// method of session 12 and for the one before it (two-syllable Korean cuts, lower-cased Latin words, ranked by how
/// many times the share grew), on the same papers and periods.
/// </summary>
internal static partial class RisingBenchmark
{
    public static void Run(BenchOptions options)
    {
        var papers = RisingEvaluation.Read(options.Corpus);
        Console.WriteLine($"rising terms benchmark · corpus {options.Corpus}: {papers.Select(p => p.Id).Distinct().Count()} papers on {papers.Select(p => p.Day).Distinct().Count()} days");
        var truth = RisingEvaluation.LoadTruth(RisingEvaluation.SetPath);
        var texts = papers.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var (name, cut, rank) in new (string, Func<string, string, IReadOnlyDictionary<string, string>>, Func<DateOnly, List<TermRow>, RisingList>)[]
        {
            ("before (session 11)", Legacy.Terms, (start, rows) => Legacy.Rank(start, rows)),
            ("words, phrases, names", TrendTerms.Of, (start, rows) => RisingTerms.Rank(TermPeriod.Month, start, rows, RisingTerms.Stored)),
        })
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var terms = texts.ToDictionary(t => t.Key, t => cut(t.Value.Title, t.Value.Summary));
            for (var round = 0; round < 4; round++)
            {
                terms = texts.ToDictionary(t => t.Key, t => cut(t.Value.Title, t.Value.Summary));
            }

            var perPaper = watch.Elapsed.TotalMicroseconds / 5 / texts.Count;
            var result = RisingEvaluation.Evaluate(papers, terms, truth, rank);
            Console.WriteLine();
            Console.WriteLine($"{name}: cutting a paper's terms takes {perPaper:0} µs (mean of five passes over the corpus, one thread), {terms.Values.Average(t => t.Count):0} terms a paper");
            Console.WriteLine($"{name}: not words: {string.Join(", ", result.NotWords)}");
            Console.WriteLine($"{name}: hit rate {result.Hits}/{result.Truths} = {(double)result.Hits / Math.Max(1, result.Truths):P0} · whole words {result.Whole}/{result.Listed} = {(double)result.Whole / Math.Max(1, result.Listed):P0}");
            foreach (var (month, list, hits) in result.Months)
            {
                Console.WriteLine($"  {month:yyyy-MM} ({list.PaperCount} papers; true: {string.Join(", ", (truth.GetValueOrDefault(RisingEvaluation.Month(month)) ?? []).Select(t => t[0]))} → {hits} listed): {string.Join(", ", list.Terms.Select(t => $"{t.Term} {t.PaperCount}"))}");
            }
        }
    }

    /// <summary>
    /// The method as session 11 left it, kept here only to be measured against: a Korean word's first two syllables,
    /// Latin words lower-cased, ranked by how many times the share grew (smoothed by one paper), at least 3 papers.
    /// </summary>
    private static partial class Legacy
    {
        public static Dictionary<string, string> Terms(string title, string summary)
        {
            var text = title + "\n" + summary;
            var terms = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match word in Word().Matches(text))
            {
                var span = word.Value;
                var i = 0;
                while (i < span.Length)
                {
                    var start = i;
                    var isHangul = SearchText.IsHangul(span[i]);
                    while (i < span.Length && SearchText.IsHangul(span[i]) == isHangul)
                    {
                        i++;
                    }

                    var part = span[start..i];
                    if (isHangul)
                    {
                        if (part.Length >= 2 && part[0] is >= '\uAC00' and <= '\uD7A3' && part[1] is >= '\uAC00' and <= '\uD7A3' && !StopPairs.Contains(part[..2]))
                        {
                            terms.TryAdd(part[..2], part[..2]);
                        }
                    }
                    else if (part.Length is >= 3 and <= 30 && char.IsLetter(part[0]))
                    {
                        var latin = part.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();
                        if (!StopWords.Contains(latin))
                        {
                            terms.TryAdd(latin, latin);
                        }
                    }
                }
            }

            return terms;
        }

        public static RisingList Rank(DateOnly start, List<TermRow> rows)
        {
            var total = rows.First(r => r.Term.Length == 0);
            if (total.Before == 0)
            {
                return new RisingList(TermPeriod.Month, start, total.Now, []);
            }

            return new RisingList(TermPeriod.Month, start, total.Now, [.. rows
                .Where(c => c.Term.Length > 0 && c.Now >= 3)
                .Select(c => (c.Term, c.Now, Share: (double)c.Now / total.Now, Baseline: (double)c.Before / total.Before, Smoothed: (c.Before + 1.0) / (total.Before + 1.0)))
                .Where(c => c.Share <= 0.4 && c.Baseline <= 0.25 && c.Share > c.Baseline)
                .OrderByDescending(c => c.Share / c.Smoothed).ThenByDescending(c => c.Now).ThenBy(c => c.Term, StringComparer.Ordinal)
                .Take(RisingTerms.Stored)
                .Select(c => new RisingTerm(c.Term, c.Now, c.Share, c.Baseline))]);
        }

        private static readonly HashSet<string> StopWords = new(
            """
            the and for with from that this these those are was were been being have has had not but can its our their they
            them than then into onto over under via per such also more most less least each both all any some other using use
            used based which while where when what who how why will would could should may might must shall does did doing done
            new one two three about across after before between through within without very just only same own out off
            https http www com org html arxiv github huggingface png jpg jpeg gif svg mp4 img src alt href
            """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

        private static readonly HashSet<string> StopPairs = new(
            """
            이러 이를 이는 이와 이것 그리 그러 그러나 또한 또는 하지 하는 하고 하여 하며 한다 합니 했습 했다 있는 있다 있습 있으 있도 없는 없이
            되는 되어 된다 됩니 위한 위해 대한 대해 통해 통한 따라 따른 가장 모든 여러 다양 각각 것이 것을 것은 수는 수있 에서 으로 에게 보다 또한 본논
            등의 등을 등이 등과 인한 인해 이전 이후 최고 최근 기존 같은 경우 때문 더욱 매우 특히 주로 함께 이상 이하 사용 제안 제시 연구 논문 방법 결과
            """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

        [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
        private static partial Regex Word();
    }
}
