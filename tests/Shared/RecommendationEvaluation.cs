using System.Text.Json;
using DailyPapers.Core.Data;
using DailyPapers.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Testing;

/// <summary>
/// Precision@10 of library recommendations (<see cref="Recommendations"/>) on the groups of the similar-papers
/// evaluation set (<see cref="SimilarityEvaluation.SetPath"/>): for each evaluation paper with at least three related
/// papers, a reader saves the paper and its first two related papers (in the file's order); the other related papers are
/// the ones that should come first. Scored as hits in the top 10 / min(10, papers left to find), against two
/// baselines: the stored similar papers of the last paper saved (at most <see cref="SimilarPapers.ListLength"/>), and
/// random papers (seeded). Linked into the benchmarks.
/// </summary>
internal static class RecommendationEvaluation
{
    public const int K = 10;

    public sealed record Result(double Method, double LastSaved, double Random, int Cases, IReadOnlyList<string> Misses);

    public static IReadOnlyList<(string Paper, IReadOnlyList<string> Related)> LoadGroups(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return
        [
            .. document.RootElement.GetProperty("papers").EnumerateArray().Select(p => (
                p.GetProperty("id").GetString()!,
                (IReadOnlyList<string>)[.. p.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)])),
        ];
    }

    public static async Task<Result> EvaluateAsync(PapersDbContext db, IReadOnlyList<(string Paper, IReadOnlyList<string> Related)> groups, int seed = 17)
    {
        var ids = await db.Papers.Select(p => new { p.Id, p.ArxivId }).ToDictionaryAsync(p => p.ArxivId, p => p.Id, StringComparer.Ordinal);
        var arxiv = ids.ToDictionary(p => p.Value, p => p.Key);
        var all = ids.Values.Order().ToList();
        var random = new Random(seed);
        double method = 0, lastSaved = 0, chance = 0;
        var cases = 0;
        var misses = new List<string>();
        foreach (var (paper, related) in groups)
        {
            string[] savedIds = [paper, .. related.Take(2)];
            var targets = related.Skip(2).Where(ids.ContainsKey).ToHashSet(StringComparer.Ordinal);
            if (related.Count < 3 || targets.Count == 0 || !savedIds.All(ids.ContainsKey))
            {
                continue;
            }

            cases++;
            // Most recently saved first: the third paper saved is the last.
            List<int> saved = [.. savedIds.Reverse().Select(s => ids[s])];
            var found = (await Recommendations.ForAsync(db, saved, K, CancellationToken.None)).Select(r => arxiv[r.PaperId]).ToList();
            var score = Precision(found, targets);
            method += score;
            if (score < 1)
            {
                misses.Add($"saved {string.Join(' ', savedIds)}: top {K} {string.Join(' ', found)}; to find {string.Join(' ', targets)}");
            }

            var last = saved[0];
            var neighbours = await db.SimilarPapers.Where(s => s.PaperId == last).OrderBy(s => s.Rank).Select(s => s.SimilarPaperId).ToListAsync();
            lastSaved += Precision([.. neighbours.Where(n => !saved.Contains(n)).Select(n => arxiv[n])], targets);
            chance += Precision([.. all.Where(a => !saved.Contains(a)).OrderBy(_ => random.Next()).Take(K).Select(a => arxiv[a])], targets);
        }

        return new Result(method / cases, lastSaved / cases, chance / cases, cases, misses);
    }

    private static double Precision(List<string> top, HashSet<string> targets) =>
        (double)top.Take(K).Count(targets.Contains) / Math.Min(K, targets.Count);
}
