using System.Net;
using DailyPapers.Core.Data;
using DailyPapers.Core.Data.Postgres;
using DailyPapers.Core.Ingestion;
using DailyPapers.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace DailyPapers.Web.Tests;

/// <summary>
/// Two web nodes on one PostgreSQL database, each with its own output cache: an ingest run beside them (as the
/// command line or a third node runs it) notifies as it commits and shows on both, and neither answers an error while
/// it runs. How soon it shows is a time limit, and time limits belong in bench/, not here.
/// </summary>
public sealed class PostgresNodesTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [PostgresFact]
    public async Task An_ingest_notifies_as_it_commits_shows_on_every_node_and_no_request_fails_meanwhile()
    {
        var data = Path.Combine(Path.GetTempPath(), "dailypapers-nodes", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "data"), "*.md"))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        var database = PostgresServer.Shared.CreateDatabase();
        using var first = new PostgresNode(data, database, ingest: true, output);
        using var second = new PostgresNode(data, database, ingest: false, output);
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
        var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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
                        if (Interlocked.Increment(ref served) == 10)
                        {
                            serving.TrySetResult();
                        }

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

        // Listening as every node listens, to see the commit's notification itself rather than a node's fallback read.
        await using var listener = new NpgsqlConnection(database);
        await listener.OpenAsync();
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeLog.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var notices = new List<string>();
        listener.Notification += (_, e) => notices.Add(e.Channel);

        // The load is under way before the ingest starts and runs on until both nodes show its result.
        (await Task.WhenAny(serving.Task, load).WaitAsync(Hang)).Should().BeSameAs(serving.Task, "the nodes serve before the ingest starts");
        var before = Volatile.Read(ref served);
        var report = new DigestImporter(database, DatabaseProvider.Postgres).Ingest(data);
        var during = Volatile.Read(ref served) - before;
        report.FilesIngested.Should().Be(30);
        output.WriteLine($"ingest of 30 days: {report.Elapsed.TotalMilliseconds:0} ms, {during} requests served meanwhile");

        (await listener.WaitAsync((int)Hang.TotalMilliseconds)).Should().BeTrue("the ingest's commits notify every node listening");
        notices.Should().NotBeEmpty().And.OnlyContain(c => c == ChangeLog.Channel);

        // Until both nodes show the new day: the deadline only ends a run in which one never does.
        var deadline = DateTime.UtcNow + Hang;
        var seen = new HashSet<string>();
        while (seen.Count < 2 && DateTime.UtcNow < deadline)
        {
            foreach (var (client, node) in new[] { (a, "first"), (b, "second") })
            {
                if (!seen.Contains(node) && (await client.GetStringAsync(new Uri("/", UriKind.Relative))).Contains("Quokka", StringComparison.Ordinal))
                {
                    seen.Add(node);
                }
            }

            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await load;
        seen.Should().BeEquivalentTo(["first", "second"], "both nodes show the new day once the ingest has committed");
        (await b.GetStringAsync(new Uri("/days/2024-04-02", UriKind.Relative))).Should().Contain("/days/2024-05-01", "the day beside the new ones links to them, so it was evicted too");
        failures.Should().BeEmpty();
    }

    /// <summary>Generous: it only ends a run that hangs.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);
}
