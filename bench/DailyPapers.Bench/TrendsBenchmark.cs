using Microsoft.Data.Sqlite;

namespace DailyPapers.Bench;

/// <summary>
/// <c>trends</c>: /trends rendered afresh (output cache off) at ×1 and ×10 the corpus, every request a random set of one
/// to three search terms, common ones (model, 모델) among them; and, for the worst case, the most common single terms;
/// and the rising terms of random weeks (the page) and months (the API) of the archive. Target: p99 &lt; 50 ms uncached at ×10.
/// </summary>
internal static partial class ScaleBenchmark
{
    public static void RunTrends(BenchOptions options)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.WriteLine("wrk is not installed: apt-get install wrk");
            return;
        }

        var work = Path.Combine(Path.GetTempPath(), "dailypapers-trends", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var publish = Path.Combine(work, "app");
            LoadBenchmark.Publish(publish);
            var script = Path.Combine(work, "random.lua");
            File.WriteAllText(script, RandomUrlScript);
            Console.WriteLine($"trends benchmark · {Environment.ProcessorCount} cores · wrk -d{options.Seconds}s per row, one connection (alone) and -t2 -c{Connections} (loaded) · output cache off · server and wrk on 127.0.0.1");
            var random = new Random(17);
            var mixed = Enumerable.Range(0, 400)
                .Select(_ => string.Join(',', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Queries[random.Next(Queries.Length)]).Distinct()))
                .Select(q => "/trends?q=" + Uri.EscapeDataString(q)).ToList();
            List<string> common = ["/trends?q=model", "/trends?q=%EB%AA%A8%EB%8D%B8", "/trends?q=model,%EB%AA%A8%EB%8D%B8,language,%ED%95%99%EC%8A%B5,data"];
            foreach (var copies in (int[])(options.Copies is { } c ? [c] : [1, 10]))
            {
                var corpus = copies == 1 ? options.Corpus : DailyPapers.Testing.SyntheticCorpus.Create(options.Corpus, copies);
                var database = Path.Combine(work, $"x{copies}.db");
                try
                {
                    var (ingestMs, _, files) = Ingest(publish, corpus, database);
                    var archive = ReadArchive(database);
                    Console.WriteLine();
                    Console.WriteLine($"[×{copies}] {files} digests, {archive.Papers.Count} papers, ingest {ingestMs / 1000:0.0} s, database {new FileInfo(database).Length / 1024.0 / 1024.0:0} MiB");
                    // Any week's or month's rising terms, ranked when asked: a random day of the archive, week or month.
                    var periods = archive.Dates.SelectMany(d => new[] { $"/trends?period=week&date={d}", $"/api/trends/rising?period=month&date={d}" }).ToList();
                    Serve(publish, corpus, database, outputCache: false, options, (baseUrl, _, ceiling) =>
                    {
                        foreach (var (name, urls) in new[] { ("trends mixed", mixed), ("trends common", common), ("trends (none)", ["/trends"]), ("rising period", periods) })
                        {
                            var list = Path.Combine(work, "urls.txt");
                            File.WriteAllLines(list, urls);
                            Wrk(baseUrl + "/", 3, (script, list));
                            // Alone: one request at a time, the page's own latency. Loaded: sixteen at once on two cores,
                            // where a request mostly waits for the fifteen before it.
                            foreach (var (mode, connections) in new[] { ("alone", 1), ("loaded", Connections) })
                            {
                                var figures = Wrk(baseUrl + "/", options.Seconds, (script, list), connections);
                                var verdict = figures.P99 < 50 && figures.Non2xx == 0 ? "met" : "MISSED";
                                Console.WriteLine($"  {name,-14} {mode,-7} {figures.Rps,8:0} {figures.Rps / ceiling.Rps,10:0.00} {figures.P50,8:0.0} {figures.P99,8:0.0} {figures.Non2xx,8}   p99 < 50 ms: {verdict}");
                            }
                        }
                    });
                }
                finally
                {
                    SqliteConnection.ClearAllPools();
                    if (copies != 1)
                    {
                        Directory.Delete(corpus, recursive: true);
                    }

                    foreach (var suffix in new[] { "", "-wal", "-shm" })
                    {
                        File.Delete(database + suffix);
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
