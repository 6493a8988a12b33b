using System.Diagnostics;
using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;
using DailyPapers.Core.Search;
using DailyPapers.Testing;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Bench;

/// <summary>
/// Library recommendations (issue 30): precision@10 on the corpus for the groups of the similar-papers evaluation set
/// (<see cref="RecommendationEvaluation"/>), against the similar papers of the last paper saved and random papers; and
/// what one recommendation costs.
/// </summary>
internal static class RecommendBenchmark
{
    public static void Run(BenchOptions options)
    {
        Console.WriteLine($"recommend benchmark · corpus {options.Corpus}");
        var database = Path.Combine(Path.GetTempPath(), $"dailypapers-bench-{Guid.NewGuid():N}.db");
        var connectionString = PapersDatabase.ConnectionString(database);
        try
        {
            PapersDatabase.Migrate(connectionString);
            new DigestImporter(connectionString).Ingest(options.Corpus, new IngestOptions(Today: SyntheticCorpus.Today));
            using var db = new SqliteDatabase(connectionString).NewContext();
            var groups = RecommendationEvaluation.LoadGroups(SimilarityEvaluation.SetPath);
            var result = RecommendationEvaluation.EvaluateAsync(db, groups).GetAwaiter().GetResult();
            Console.WriteLine($"precision@{RecommendationEvaluation.K} over {result.Cases} cases (save a paper and its first two related papers; hits / min(10, related left)):");
            Console.WriteLine($"  library centroid (tf-idf)            {result.Method:0.000}");
            Console.WriteLine($"  similar papers of the last saved     {result.LastSaved:0.000}");
            Console.WriteLine($"  random (seed 17)                     {result.Random:0.000}");
            foreach (var miss in result.Misses.Take(options.Rounds > 1 ? int.MaxValue : 5))
            {
                Console.WriteLine("  miss: " + miss);
            }

            // What one recommendation costs: 30 libraries of 3 papers, then one of 200, each asked ten times.
            var ids = db.Papers.OrderBy(p => p.Id).Select(p => p.Id).ToList();
            var random = new Random(17);
            foreach (var size in (int[])[3, 30, 200])
            {
                var watch = Stopwatch.StartNew();
                const int Asked = 30;
                for (var i = 0; i < Asked; i++)
                {
                    var saved = ids.OrderBy(_ => random.Next()).Take(size).ToList();
                    Recommendations.ForAsync(db, saved, RecommendationEvaluation.K, CancellationToken.None).GetAwaiter().GetResult();
                }

                Console.WriteLine($"  a library of {size,3} papers: {watch.Elapsed.TotalMilliseconds / Asked:0.0} ms a recommendation ({ids.Count} papers in the archive)");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
    }
}
