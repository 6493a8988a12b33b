using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Search;

namespace DailyPapers.Testing;

/// <summary>
/// The rising terms of each month of the corpus against terms that truly rose, chosen by reading
/// (Fixtures/Search/rising-terms.json in the core tests): the hit rate (true terms listed among a month's twelve) and
/// the share of listed terms that are whole words. Any way of cutting terms and ranking them can be measured, on the
/// same papers and periods, counted in memory as the ingest counts them. Linked into the core tests and the benchmarks.
/// With <c>RISING_WHY=1</c> it prints, for each true term, its counts, G² and place in the month's whole ranking.
/// </summary>
internal static partial class RisingEvaluation
{
    public static string SetPath => Path.Combine(Repository.Root, "tests", "DailyPapers.Core.Tests", "Fixtures", "Search", "rising-terms.json");

    public sealed record Result(int Hits, int Truths, int Whole, int Listed, List<(DateOnly Month, RisingList List, int Hits)> Months, List<string> NotWords);

    /// <summary>Every month with papers before it: its rising list, the true terms it lists, and how many listed terms are words.</summary>
    public static Result Evaluate(
        List<(int Id, DateOnly Day, string Title, string Summary)> listings, Dictionary<int, IReadOnlyDictionary<string, string>> terms,
        IReadOnlyDictionary<string, List<List<string>>> truth, Func<DateOnly, List<TermRow>, RisingList> rank)
    {
        var months = listings.Select(l => TermCounts.MonthOf(l.Day)).Distinct().Order().ToList();
        var counts = months.ToDictionary(m => m, m => TermCounts.Count(listings.Where(l => TermCounts.MonthOf(l.Day) == m).Select(l => (l.Id, l.Day)), id => terms.GetValueOrDefault(id)));
        var (hits, truths, whole, listed) = (0, 0, 0, 0);
        var report = new List<(DateOnly, RisingList, int)>();
        var notWords = new List<string>();
        foreach (var month in months.Skip(1))
        {
            var before = months.Where(m => m < month && m >= month.AddMonths(-RisingTerms.BaselinePeriods(TermPeriod.Month))).ToList();
            var year = months.Where(m => m != month && m >= month.AddMonths(-RisingTerms.CommonWindow) && m <= month.AddMonths(RisingTerms.CommonWindow)).ToList();
            var rows = counts[month].Select(c => new TermRow(
                c.Key, c.Value.Form, c.Value.Papers, c.Value.Days,
                before.Sum(m => counts[m].GetValueOrDefault(c.Key).Papers),
                year.Count(m => counts[m].GetValueOrDefault(c.Key).Papers >= RisingTerms.CommonShare * counts[m][""].Papers))).ToList();
            var list = rank(month, rows);
            var keys = list.Terms.Select(t => Key(t.Term)).ToHashSet(StringComparer.Ordinal);
            var expected = truth.GetValueOrDefault(Month(month)) ?? [];
            var found = expected.Count(alternatives => alternatives.Any(a => keys.Contains(Key(a))));
            if (Environment.GetEnvironmentVariable("RISING_WHY") is not null)
            {
                var total = rows.First(r => r.Term.Length == 0);
                var full = RisingTerms.Rank(TermPeriod.Month, month, rows, 1000).Terms.Select(t => Key(t.Term)).ToList();
                foreach (var alternatives in expected)
                {
                    var row = rows.Where(r => alternatives.Any(a => Key(a) == Key(r.Term))).OrderByDescending(r => r.Now).FirstOrDefault();
                    Console.WriteLine(row.Term is null ? $"    {Month(month)} {alternatives[0]}: not a term" :
                        $"    {Month(month)} {alternatives[0]}: key '{row.Term}' now {row.Now}/{total.Now} days {row.Days} before {row.Before}/{total.Before} common {row.CommonMonths}/{total.CommonMonths} G² {RisingTerms.LogLikelihood(row.Now, total.Now, row.Before, total.Before):0.0} rank {full.IndexOf(Key(row.Term)) + 1}");
                }
            }

            var text = string.Join("\n", listings.Where(l => TermCounts.MonthOf(l.Day) == month).DistinctBy(l => l.Id).Select(l => l.Title + "\n" + l.Summary));
            hits += found;
            truths += expected.Count;
            listed += list.Terms.Count;
            whole += list.Terms.Count(t => IsWholeWord(t.Term, text));
            notWords.AddRange(list.Terms.Where(t => !IsWholeWord(t.Term, text)).Select(t => t.Term));
            report.Add((month, list, found));
        }

        return new Result(hits, truths, whole, listed, report, notWords);
    }

    /// <summary>A term compared with a true one: folded, hyphens as spaces, plurals singular.</summary>
    public static string Key(string term) =>
        string.Join(' ', term.ToLowerInvariant().Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TrendTerms.Singular));

    /// <summary>
    /// Whether a listed term is a word as the month's texts write it: a Latin term bounded by no letter on either side
    /// in most of its occurrences; a Korean one starting a word and ending one (or followed by a particle) in most of
    /// its occurrences, and not ending as a verb does.
    /// </summary>
    public static bool IsWholeWord(string term, string text)
    {
        var hangul = term.Any(SearchText.IsHangul);
        if (hangul && VerbEnd().IsMatch(term))
        {
            return false;
        }

        var (all, whole) = (0, 0);
        var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase);
        while (at >= 0 && all < 2000)
        {
            all++;
            var end = at + term.Length;
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]) || (!hangul && SearchText.IsHangul(text[at - 1]));
            var endsWord = end >= text.Length || !char.IsLetterOrDigit(text[end]) || (!hangul && text[end] == 's' && (end + 1 >= text.Length || !char.IsLetter(text[end + 1]))) || (!hangul && SearchText.IsHangul(text[end])) || (hangul && Particle().IsMatch(text.AsSpan(end, Math.Min(3, text.Length - end)).ToString()));
            if (startsWord && endsWord)
            {
                whole++;
            }

            at = text.IndexOf(term, end, StringComparison.OrdinalIgnoreCase);
        }

        return all > 0 && whole * 2 >= all;
    }

    [GeneratedRegex("^(을|를|이|가|의|에|에서|으로|로|와|과|도|만|들)(?![가-힣])|^(에서|으로|들이|들을|들의)")]
    private static partial Regex Particle();

    [GeneratedRegex("(는|다|고|며|히|한|된|게|여|어|아|지)$")]
    private static partial Regex VerbEnd();

    /// <summary>Month (<c>yyyy-MM</c>) → the terms that rose in it, each a list of ways to write it.</summary>
    public static IReadOnlyDictionary<string, List<List<string>>> LoadTruth(string path) =>
        JsonSerializer.Deserialize<TruthFile>(File.ReadAllText(path), JsonSerializerOptions.Web)!.Months;

    private sealed record TruthFile(string About, Dictionary<string, List<List<string>>> Months);

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Every paper listing of the corpus's digests: the paper (by arXiv id), its day, title and summary.</summary>
    public static List<(int Id, DateOnly Day, string Title, string Summary)> Read(string corpus)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var listings = new List<(int, DateOnly, string, string)>();
        foreach (var file in Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var digest = DigestParser.Parse(File.ReadAllText(file), file);
            foreach (var day in digest.Days)
            {
                foreach (var paper in day.Papers)
                {
                    if (!ids.TryGetValue(paper.ArxivId.Value, out var id))
                    {
                        ids[paper.ArxivId.Value] = id = ids.Count + 1;
                    }

                    listings.Add((id, day.Date, paper.Title, paper.SummaryMarkdown));
                }
            }
        }

        return listings;
    }

}
