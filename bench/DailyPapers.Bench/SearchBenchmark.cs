using System.Diagnostics;
using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;
using DailyPapers.Testing;
using DailyPapers.Core.Search;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Bench;

/// <summary>
/// Search latency on a synthetic corpus about 21 times the shared one (≈ 35,000 papers): median and p99 of each query
/// in a fixed list of English, Korean and author queries, in-process, with the size of the index on disk.
/// Target: p99 under 20 ms per query.
/// </summary>
internal static class SearchBenchmark
{
    private static readonly string[] Queries =
    [
        "diffusion", "language model", "video generation", "reinforcement learning from human feedback", "GPT-4", "3D", "\"mixture of experts\"",
        "모델", "학습", "모델을", "대규모 언어 모델", "강화 학습", "이미지 생성", "벤치마크에서",
        "Xintao Wang", "Kolle", "Zhang", "Jianfeng Gao",
    ];

    public static void Run(BenchOptions options)
    {
        var copies = Math.Max(options.Copies ?? 21, 21);
        var keep = Environment.GetEnvironmentVariable("DAILYPAPERS_BENCH_KEEP_DB");
        var reuse = keep is not null && File.Exists(keep);
        var corpus = reuse ? Path.Combine(Path.GetTempPath(), "unused-corpus") : SyntheticCorpus.Create(options.Corpus, copies);
        var database = keep ?? Path.Combine(Path.GetTempPath(), $"dailypapers-search-{Guid.NewGuid():N}.db");
        var connectionString = PapersDatabase.ConnectionString(database);
        try
        {
            if (!reuse)
            {
                PapersDatabase.Migrate(connectionString);
                var watch = Stopwatch.StartNew();
                var report = new DigestImporter(connectionString).Ingest(corpus, new IngestOptions(Today: SyntheticCorpus.Today));
                Console.WriteLine($"search benchmark · synthetic corpus ×{copies}: {report.PapersStored} papers, ingested in {watch.Elapsed.TotalSeconds:0.0} s");
            }

            using var connection = new SqliteConnection(connectionString);
            connection.Open();

            Console.WriteLine($"  database {new FileInfo(database).Length / 1048576.0:0.0} MiB (+ WAL {Size(database + "-wal")}), search index {IndexSize(connection)}");
            Console.WriteLine();
            Console.WriteLine($"  {"query",-44} {"hits",7} {"median",9} {"p99",9}");
            var all = new List<double>();
            foreach (var query in Queries)
            {
                var terms = PaperSearch.Terms(query);
                var hits = PaperSearch.Find(connection, terms, new SearchFilter(), SearchSort.Relevance, 0, 20);
                for (var i = 0; i < 5; i++)
                {
                    PaperSearch.Find(connection, terms, new SearchFilter(), SearchSort.Relevance, 0, 20);
                }

                var times = new List<double>();
                for (var i = 0; i < options.Rounds * 20; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    PaperSearch.Find(connection, terms, new SearchFilter(), SearchSort.Relevance, 0, 20);
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                all.AddRange(times);
                var p99 = Percentile(times, 0.99);
                Console.WriteLine($"  {Shorten(query),-44} {hits.Total,7} {Percentile(times, 0.5),7:0.0}ms {p99,7:0.0}ms{(p99 < 20 ? "" : "  > 20 ms")}");
            }

            Console.WriteLine();
            Console.WriteLine($"  all queries: median {Percentile(all, 0.5):0.0} ms, p99 {Percentile(all, 0.99):0.0} ms (target p99 < 20 ms: {(Percentile(all, 0.99) < 20 ? "met" : "MISSED")})");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null)
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(database + suffix);
                }
            }

            if (!reuse)
            {
                Directory.Delete(corpus, recursive: true);
            }
        }
    }

    private static string IndexSize(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'SearchWords%'";
        try
        {
            return $"{Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) / 1048576.0:0.0} MiB";
        }
        catch (SqliteException)
        {
            // dbstat is not compiled into every SQLite: count the index's own blocks instead.
            command.CommandText = "SELECT SUM(length(block)) FROM SearchWords_data";
            return $"≈ {Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) / 1048576.0:0.0} MiB (index blocks)";
        }
    }

    private static string Size(string path) => File.Exists(path) ? $"{new FileInfo(path).Length / 1048576.0:0.0} MiB" : "0";

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string Shorten(string value) => value.Length > 42 ? value[..41] + "…" : value;
}
