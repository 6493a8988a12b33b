using System.Diagnostics;
using System.Net;
using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;
using DailyPapers.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DailyPapers.Web.Tests;

/// <summary>
/// Two web nodes on one PostgreSQL database, each with its own output cache: an ingest run beside them (as the
/// command line or a third node runs it) shows on both within two seconds, and neither answers an error while it runs.
/// </summary>
public sealed class PostgresNodesTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [PostgresFact]
    public async Task An_ingest_shows_on_every_node_within_two_seconds_and_no_request_fails_meanwhile()
    {
        var data = Path.Combine(Path.GetTempPath(), "dailypapers-nodes", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "data"), "*.md"))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        var database = PostgresServer.Shared.CreateDatabase();
        using var first = new Node(data, database, ingest: true, output);
        using var second = new Node(data, database, ingest: false, output);
        using var a = first.CreateClient();
        using var b = second.CreateClient();
        // Both nodes cache the home page and the latest day before the change.
        foreach (var client in new[] { a, b })
        {
            (await client.GetStringAsync(new Uri("/", UriKind.Relative))).Should().Contain("2024-04-02").And.NotContain("Quokka");
            (await client.GetStringAsync(new Uri("/days/2024-04-02", UriKind.Relative))).Should().NotContain("Quokka");
        }

        using var stop = new CancellationTokenSource();
        var failures = new List<string>();
        var served = 0;
        var load = Task.Run(async () =>
        {
            string[] urls = ["/", "/days/2024-04-02", "/top", "/search?q=model", "/authors", "/api/days", "/papers/2404.00399"];
            while (!stop.IsCancellationRequested)
            {
                foreach (var (client, node) in new[] { (a, "first"), (b, "second") })
                {
                    foreach (var url in urls)
                    {
                        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                        Interlocked.Increment(ref served);
                        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotModified)
                        {
                            lock (failures)
                            {
                                failures.Add($"{node} {url}: {(int)response.StatusCode}");
                            }
                        }
                    }
                }
            }
        });

        // A month of new days (the seeds under new dates and arXiv ids), so the ingest runs while both nodes serve.
        var seeds = Directory.GetFiles(data, "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        for (var day = 1; day <= 30; day++)
        {
            var date = $"2024-05-{day:00}";
            var text = System.Text.RegularExpressions.Regex.Replace(seeds[day % seeds.Count], @"## Daily Papers \(\d{4}-\d{2}-\d{2}\)", $"## Daily Papers ({date})");
            text = System.Text.RegularExpressions.Regex.Replace(text, @"arxiv\.org/abs/(\d{4})\.(\d{4,5})", m => $"arxiv.org/abs/2405.{day:00}{m.Groups[2].Value[^3..]}");
            await File.WriteAllTextAsync(Path.Combine(data, date + ".md"), day == 30 ? text.Replace("### [", "### [Quokka ", StringComparison.Ordinal) : text);
        }

        while (Volatile.Read(ref served) < 10)
        {
            await Task.Delay(10);
        }

        var before = Volatile.Read(ref served);
        var report = new DigestImporter(database, DatabaseProvider.Postgres).Ingest(data);
        var committed = Stopwatch.StartNew();
        var during = Volatile.Read(ref served) - before;
        report.FilesIngested.Should().Be(30);
        output.WriteLine($"ingest of 30 days: {report.Elapsed.TotalMilliseconds:0} ms, {during} requests served meanwhile");

        var seen = new Dictionary<string, TimeSpan>();
        while (seen.Count < 2 && committed.Elapsed < TimeSpan.FromSeconds(10))
        {
            foreach (var (client, node) in new[] { (a, "first"), (b, "second") })
            {
                if (!seen.ContainsKey(node) && (await client.GetStringAsync(new Uri("/", UriKind.Relative))).Contains("Quokka", StringComparison.Ordinal))
                {
                    seen[node] = committed.Elapsed;
                }
            }

            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await load;
        output.WriteLine($"seen after the commit: {string.Join(", ", seen.Select(s => $"{s.Key} node {s.Value.TotalMilliseconds:0} ms"))}");
        seen.Should().ContainKeys("first", "second");
        seen.Values.Should().OnlyContain(t => t <= TimeSpan.FromSeconds(2), $"both nodes must show the new day within two seconds of the commit (seen after {string.Join(", ", seen.Select(s => $"{s.Key} {s.Value.TotalMilliseconds:0} ms"))})");
        (await b.GetStringAsync(new Uri("/days/2024-04-02", UriKind.Relative))).Should().Contain("/days/2024-05-01", "the day beside the new ones links to them, so it was evicted too");
        during.Should().BeGreaterThan(10, "the nodes must be serving while the ingest runs");
        failures.Should().BeEmpty();
    }

    /// <summary>A web node on the shared database; only one of them ingests its data folder at start-up.</summary>
    private sealed class Node(string data, string database, bool ingest, Xunit.Abstractions.ITestOutputHelper output) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseTestLogging(output);
            builder.UseSetting("DailyPapers:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Postgres", database);
            builder.UseSetting("DailyPapers:DataDirectory", data);
            builder.UseSetting("DailyPapers:IngestOnStartup", ingest ? "true" : "false");
            builder.UseSetting("DailyPapers:IngestBeforeServing", "true");
            builder.UseSetting("DailyPapers:WatchDataDirectory", "false");
        }
    }
}
