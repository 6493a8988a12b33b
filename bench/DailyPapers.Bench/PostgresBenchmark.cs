using System.Diagnostics;
using DailyPapers.Testing;
using Npgsql;

namespace DailyPapers.Bench;

/// <summary>
/// PostgreSQL beside SQLite on the same machine in the same run: the app's <c>ingest</c> command into each (empty
/// database), then cold pages (random URLs over the whole archive, output cache off) served from each, for the corpus
/// ×1 and ×10 (synthetic, generated at run time). The server is a throwaway cluster (initdb, pg_ctl) on loopback with
/// Debian's default durability settings except <c>fsync</c>, which it turns off as SQLite's ingest does not wait for
/// the disk either (<c>synchronous = NORMAL</c> in WAL mode).
/// </summary>
internal static class PostgresBenchmark
{
    private static readonly (string Name, Func<ScaleBenchmark.Archive, IReadOnlyList<string>> Urls)[] Kinds =
    [
        ("day", a => [.. a.Dates.Select(d => "/days/" + d)]),
        ("paper", a => [.. a.Papers.Select(p => "/papers/" + p)]),
        ("author", a => [.. a.Authors.Select(s => "/authors/" + Uri.EscapeDataString(s))]),
        (ScaleBenchmark.AuthorsOfTenToFifty, a => [.. a.ShowingTenToFifty.Select(s => "/authors/" + Uri.EscapeDataString(s))]),
        ("top (week)", a => [.. a.Dates.Select(d => "/top?period=week&date=" + d)]),
        ("top (all)", _ => [.. Enumerable.Range(1, 20).Select(p => "/top?period=all&page=" + p)]),
        ("api paper", a => [.. a.Papers.Select(p => "/api/papers/" + p)]),
        ("search", _ => [.. new[] { "model", "diffusion", "language model", "video", "agent", "모델", "언어", "추론", "에이전트", "멀티모달" }.Select(q => "/search?q=" + Uri.EscapeDataString(q))]),
        ("authors?q", _ => [.. new[] { "wang", "kim", "tao wa", "lee", "zhang", "li" }.Select(q => "/authors?q=" + Uri.EscapeDataString(q))]),
    ];

    public static void Run(BenchOptions options)
    {
        if (!File.Exists("/usr/bin/wrk") || PostgresServer.BinFolder() is null)
        {
            Console.WriteLine("needs wrk and postgresql: apt-get install wrk postgresql");
            return;
        }

        var work = Path.Combine(Path.GetTempPath(), "dailypapers-pgbench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var publish = Path.Combine(work, "app");
            LoadBenchmark.Publish(publish);
            var script = Path.Combine(work, "random.lua");
            File.WriteAllText(script, ScaleBenchmark.RandomUrlScript);
            Console.WriteLine($"postgres benchmark · {Environment.ProcessorCount} cores · wrk -t2 -c16 -d{options.Seconds}s per row · app, PostgreSQL and wrk on one machine");
            var cold = new Dictionary<(int Copies, string Provider), Dictionary<string, double>>();
            foreach (var copies in options.Copies is { } c ? new[] { c } : new[] { 1, 10 })
            {
                var corpus = copies == 1 ? options.Corpus : SyntheticCorpus.Create(options.Corpus, copies);
                try
                {
                    var sqlite = Path.Combine(work, $"x{copies}.db");
                    var postgres = PostgresServer.Shared.CreateDatabase();
                    var sqliteMs = Time(() => LoadBenchmark.Exec("dotnet", $"\"{Path.Combine(publish, "DailyPapers.Web.dll")}\" ingest \"{corpus}\" --db \"{sqlite}\"", publish));
                    var postgresMs = Time(() => LoadBenchmark.Exec("dotnet", $"\"{Path.Combine(publish, "DailyPapers.Web.dll")}\" ingest \"{corpus}\" --DailyPapers:Provider=Postgres \"--ConnectionStrings:Postgres={postgres}\"", publish));
                    var archive = ScaleBenchmark.ReadArchive(sqlite);
                    Console.WriteLine();
                    Console.WriteLine($"[×{copies}] {archive.Dates.Count} days, {archive.Papers.Count} papers, {archive.Authors.Count} authors · SQLite {new FileInfo(sqlite).Length / 1048576.0:0} MiB, PostgreSQL {DatabaseSize(postgres) / 1048576.0:0} MiB");
                    Console.WriteLine($"  ingest, empty database: SQLite {sqliteMs / 1000:0.0} s · PostgreSQL {postgresMs / 1000:0.0} s · ratio {postgresMs / sqliteMs:0.00} (target ≤ 2)");
                    Console.WriteLine($"  cold pages (req/s, p99 ms)   {"SQLite",16} {"PostgreSQL",16} {"PG ÷ SQLite",12}");
                    cold[(copies, "sqlite")] = [];
                    cold[(copies, "postgres")] = [];
                    foreach (var (name, urls) in Kinds)
                    {
                        var list = Path.Combine(work, "urls.txt");
                        File.WriteAllLines(list, urls(archive));
                        var s = Serve(publish, corpus, sqlite, null, list, script, options.Seconds);
                        var p = Serve(publish, corpus, sqlite, postgres, list, script, options.Seconds);
                        cold[(copies, "sqlite")][name] = s.Rps;
                        cold[(copies, "postgres")][name] = p.Rps;
                        Console.WriteLine($"  {name,-28} {s.Rps,8:0} ({s.P99,5:0}) {p.Rps,8:0} ({p.P99,5:0}) {p.Rps / s.Rps,12:0.00}{(s.Non2xx + p.Non2xx > 0 ? $"   non-2xx {s.Non2xx}/{p.Non2xx}" : "")}");
                    }
                }
                finally
                {
                    if (copies != 1)
                    {
                        Directory.Delete(corpus, recursive: true);
                    }
                }
            }

            if (cold.ContainsKey((10, "postgres")) && cold.ContainsKey((1, "postgres")))
            {
                Console.WriteLine();
                Console.WriteLine("PostgreSQL cold req/s, ×10 against ×1 (flat in archive size: target ≥ 0.8)");
                foreach (var (name, _) in Kinds)
                {
                    Console.WriteLine($"  {name,-14} {cold[(10, "postgres")][name] / cold[(1, "postgres")][name],6:0.00}   (SQLite {cold[(10, "sqlite")][name] / cold[(1, "sqlite")][name]:0.00})");
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>One row: a fresh server (SQLite file, or PostgreSQL when given), warmed up, then measured with wrk.</summary>
    private static ScaleBenchmark.Figures Serve(string publish, string corpus, string sqlite, string? postgres, string list, string script, int seconds)
    {
        var port = LoadBenchmark.FreePort();
        var server = LoadBenchmark.Start(publish, corpus, sqlite, port, ingestOnStartup: false, outputCache: false, postgres);
        try
        {
            var baseUrl = $"http://127.0.0.1:{port}";
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            LoadBenchmark.WaitUntilUp(http, server);
            ScaleBenchmark.Wrk(baseUrl + "/", 3, (script, list));
            return ScaleBenchmark.Wrk(baseUrl + "/", seconds, (script, list));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static long DatabaseSize(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_database_size(current_database())";
        return (long)command.ExecuteScalar()!;
    }
}
