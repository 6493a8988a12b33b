using System.Diagnostics;
using DailyPapers.Testing;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Bench;

/// <summary>
/// New digests arriving while the site is under load: the published app serves a synthetic archive while random day
/// and paper pages are requested as fast as wrk can, and new digest folders are dropped into its data directory one
/// after another for its watcher to ingest. Reports failed requests (target 0), latency and the server's memory; then a
/// fuzzing round over every route, feed and API parameter (<see cref="FuzzRound"/>: answers ≥ 500 and redirects off
/// the site, target 0).
/// </summary>
internal static class SoakBenchmark
{
    public static void Run(BenchOptions options)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.WriteLine("wrk is not installed: apt-get install wrk");
            return;
        }

        var copies = options.Copies ?? 10;
        var work = Path.Combine(Path.GetTempPath(), "dailypapers-soak", Guid.NewGuid().ToString("N"));
        var corpus = SyntheticCorpus.Create(options.Corpus, copies);
        try
        {
            Directory.CreateDirectory(work);
            var publish = Path.Combine(work, "app");
            LoadBenchmark.Publish(publish);
            // Half the copies are there from the start; the rest arrive while the server is under load.
            var data = Path.Combine(work, "data");
            var waiting = Path.Combine(work, "waiting");
            Directory.CreateDirectory(data);
            Directory.CreateDirectory(waiting);
            var folders = Directory.GetDirectories(corpus).Order(StringComparer.Ordinal).ToList();
            foreach (var (folder, i) in folders.Select((f, i) => (f, i)))
            {
                Directory.Move(folder, Path.Combine(i < folders.Count / 2 ? data : waiting, Path.GetFileName(folder)));
            }

            var database = Path.Combine(work, "soak.db");
            var port = LoadBenchmark.FreePort();
            var server = LoadBenchmark.Start(publish, data, database, port);
            try
            {
                var baseUrl = $"http://127.0.0.1:{port}";
                using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
                LoadBenchmark.WaitUntilUp(http, server);
                var archive = ScaleBenchmark.ReadArchive(database);
                var list = Path.Combine(work, "urls.txt");
                File.WriteAllLines(list, [.. archive.Dates.Select(d => "/days/" + d), .. archive.Papers.Select(p => "/papers/" + p), "/", "/top"]);
                var script = Path.Combine(work, "random.lua");
                File.WriteAllText(script, ScaleBenchmark.RandomUrlScript);

                var arriving = Directory.GetDirectories(waiting).Order(StringComparer.Ordinal).ToList();
                var seconds = Math.Max(options.Seconds, 4 * arriving.Count + 10);
                Console.WriteLine($"soak benchmark · {Environment.ProcessorCount} cores · {archive.Papers.Count} papers served, {arriving.Count} more digest folders arriving over {seconds} s of wrk -t2 -c16 (random day and paper pages)");
                var dropping = Task.Run(() =>
                {
                    foreach (var folder in arriving)
                    {
                        Thread.Sleep(4000);
                        Directory.Move(folder, Path.Combine(data, Path.GetFileName(folder)));
                    }
                });
                var load = ScaleBenchmark.Wrk(baseUrl + "/", seconds, (script, list));
                dropping.Wait();
                Thread.Sleep(5000);
                server.Refresh();
                var stored = ScaleBenchmark.ReadArchive(database);
                Console.WriteLine($"  requests/s {load.Rps:0} · p50 {load.P50:0.0} ms · p99 {load.P99:0.0} ms · failed (non-2xx, timeouts) {load.Non2xx} (target 0)");
                Console.WriteLine($"  papers stored at the end {stored.Papers.Count} (from {archive.Papers.Count}) · server memory {LoadBenchmark.Memory(server.Id, "VmRSS")} now, {LoadBenchmark.Memory(server.Id, "VmHWM")} peak");
                var fuzz = FuzzRound.Run(baseUrl);
                Console.WriteLine($"  fuzzing round: {fuzz.Requests} requests (every route, feed and API parameter × {FuzzRound.Values.Count} hostile values) · answers ≥ 500 {fuzz.Failures} (target 0) · redirects off the site {fuzz.Offsite} (target 0)");
                foreach (var example in fuzz.Examples)
                {
                    Console.WriteLine("    " + example);
                }
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
            if (Directory.Exists(corpus))
            {
                Directory.Delete(corpus, recursive: true);
            }
        }
    }
}
