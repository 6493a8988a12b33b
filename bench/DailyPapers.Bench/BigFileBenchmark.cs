using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DailyPapers.Testing;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Bench;

/// <summary>
/// The biggest digests the app can be handed, arriving while it serves: the published app serves the corpus; a digest of
/// the largest size it accepts (just under 4 MB, about 2,000 papers of real text with new ids) and then a 50 MB one are
/// dropped into its data directory for its watcher. Reports the server's resident memory above idle while each is
/// ingested (sampled every 20 ms; target &lt; 200 MB), how long each took to show, and whether pages kept answering.
/// </summary>
internal static partial class BigFileBenchmark
{
    public static void Run(BenchOptions options)
    {
        var work = Path.Combine(Path.GetTempPath(), "dailypapers-bigfile", Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(work);
            var publish = Path.Combine(work, "app");
            LoadBenchmark.Publish(publish);
            var data = Path.Combine(work, "data");
            CopyFolder(options.Corpus, data);
            var sections = Directory.GetFiles(options.Corpus, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .SelectMany(f => File.ReadAllText(f).Split("\n### ").Skip(1)).ToList();
            var largest = Digest(new DateOnly(2030, 1, 1), sections, 4 * 1024 * 1024 - 64 * 1024, 0);
            var huge = Digest(new DateOnly(2030, 1, 2), sections, 50 * 1024 * 1024, 100_000);

            Console.WriteLine($"big-file benchmark · {Environment.ProcessorCount} cores · each file dropped into the data folder of a fresh server that serves the corpus");
            foreach (var (name, text, date) in new[] { ("largest accepted digest", largest, "2030-01-01"), ("50 MB digest", huge, "2030-01-02") })
            {
                var database = Path.Combine(work, date + ".db");
                var port = LoadBenchmark.FreePort();
                var server = LoadBenchmark.Start(publish, data, database, port);
                try
                {
                    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                    LoadBenchmark.WaitUntilUp(http, server);
                    for (var i = 0; i < 200; i++)
                    {
                        http.GetAsync(new Uri("/?warm=" + i, UriKind.Relative)).Result.EnsureSuccessStatusCode();
                    }

                    Thread.Sleep(3000);
                    var idle = Rss(server.Id);
                    var bytes = Encoding.UTF8.GetByteCount(text);
                    var before = Rss(server.Id);
                    var peak = before;
                    var failed = 0;
                    var watch = Stopwatch.StartNew();
                    File.WriteAllText(Path.Combine(data, date + ".md"), text);
                    var shown = TimeSpan.Zero;
                    while (watch.Elapsed < TimeSpan.FromSeconds(120))
                    {
                        peak = Math.Max(peak, Rss(server.Id));
                        try
                        {
                            // One URL: unique ones would fill the output cache and count its memory as the ingest's.
                            using var page = http.GetAsync(new Uri($"/days/{date}", UriKind.Relative)).Result;
                            if (page.IsSuccessStatusCode && shown == TimeSpan.Zero)
                            {
                                shown = watch.Elapsed;
                            }
                            else if ((int)page.StatusCode >= 500)
                            {
                                failed++;
                            }
                        }
                        catch (AggregateException)
                        {
                            failed++;
                        }

                        // The 50 MB file is refused rather than stored: give its rejection a few seconds, then stop.
                        if (shown != TimeSpan.Zero || (bytes > 4 * 1024 * 1024 && watch.Elapsed > TimeSpan.FromSeconds(15)))
                        {
                            break;
                        }

                        Thread.Sleep(20);
                    }

                    var outcome = shown == TimeSpan.Zero ? "not stored (refused: over the 4 MB limit)" : $"served after {shown.TotalSeconds:0.0} s";
                    var papers = Regex.Count(text, @"^### ", RegexOptions.Multiline);
                    Console.WriteLine($"  {name}: {bytes / 1048576.0:0.0} MB, {papers:N0} papers · {outcome} · idle {idle / 1024.0:0} MiB, peak {peak / 1024.0:0} MiB resident: {(peak - idle) / 1024.0:0} MiB above idle (target < 200) · 5xx or failed requests: {failed}");
                }
                finally
                {
                    server.Kill(entireProcessTree: true);
                    server.WaitForExit();
                    File.Delete(Path.Combine(data, date + ".md"));
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>One day of real sections repeated under new arXiv ids until the text reaches <paramref name="size"/> bytes.</summary>
    private static string Digest(DateOnly date, List<string> sections, int size, int firstId)
    {
        var text = new StringBuilder($"## Daily Papers ({date:yyyy-MM-dd})\n");
        var bytes = text.Length;
        for (var i = 0; ; i++)
        {
            var section = "\n### " + ArxivId().Replace(sections[i % sections.Count], string.Create(CultureInfo.InvariantCulture, $"arxiv.org/abs/3001.{firstId + i:00000}"), 1);
            var length = Encoding.UTF8.GetByteCount(section);
            if (bytes + length > size)
            {
                return text.ToString();
            }

            text.Append(section);
            bytes += length;
        }
    }

    private static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"arxiv\.org/abs/[0-9]{4}\.[0-9]{4,5}")]
    private static partial Regex ArxivId();
}
