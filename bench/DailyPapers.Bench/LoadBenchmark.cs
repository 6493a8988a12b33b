using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace DailyPapers.Bench;

/// <summary>
/// Publishes the web app in Release, starts it on 127.0.0.1 over the shared corpus, and drives its pages with wrk next
/// to a static file of the same size as the day page (the ceiling). Prints requests/second, the ratio to the ceiling,
/// p99 latency and the server's peak memory. Target: every dynamic page at least half the ceiling.
/// </summary>
internal static partial class LoadBenchmark
{
    public static void Run(BenchOptions options, IReadOnlyList<(string Name, string Path)> extraPages)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.WriteLine("wrk is not installed: apt-get install wrk");
            return;
        }

        var work = Path.Combine(Path.GetTempPath(), "dailypapers-load", Guid.NewGuid().ToString("N"));
        var publish = Path.Combine(work, "app");
        Directory.CreateDirectory(work);
        try
        {
            Publish(publish);
            var port = FreePort();
            var server = Start(publish, options.Corpus, Path.Combine(work, "load.db"), port);
            try
            {
                var baseUrl = $"http://127.0.0.1:{port}";
                using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
                WaitUntilUp(http, server);
                var day = http.GetStringAsync(new Uri("/api/days", UriKind.Relative)).Result;
                var date = DateRegex().Match(day).Groups[1].Value;
                var dayHtml = http.GetByteArrayAsync(new Uri($"/days/{date}", UriKind.Relative)).Result;
                File.WriteAllBytes(Path.Combine(publish, "wwwroot", "ceiling.html"), dayHtml);

                var dayJson = http.GetStringAsync(new Uri($"/api/days/{date}", UriKind.Relative)).Result;
                var paperId = ArxivRegex().Match(dayJson).Groups[1].Value;
                List<(string Name, string Path)> pages =
                [
                    ("static file (ceiling)", "/ceiling.html"),
                    ("day page", $"/days/{date}"),
                    ("paper page", $"/papers/{paperId}"),
                    ("top (week)", "/top"),
                    ("top (all)", "/top?period=all"),
                    ("author search", "/authors?q=wang"),
                    .. extraPages,
                ];
                Console.WriteLine($"load benchmark · wrk -t2 -c32 -d{options.Seconds}s on 127.0.0.1 · day page {dayHtml.Length / 1024.0:0.0} KiB, static copy of it as the ceiling");
                Console.WriteLine();
                Console.WriteLine($"  {"page",-24} {"req/s",10} {"÷ ceiling",10} {"p99",10}");
                double? ceiling = null;
                foreach (var (name, path) in pages)
                {
                    // A first request warms the page and its output-cache entry.
                    http.GetAsync(new Uri(path, UriKind.Relative)).Result.EnsureSuccessStatusCode();
                    var (rps, p99) = Wrk(baseUrl + path, options.Seconds);
                    ceiling ??= rps;
                    var ratio = rps / ceiling.Value;
                    var verdict = name.Contains("ceiling", StringComparison.Ordinal) ? "" : ratio >= 0.5 ? "  ≥ ½ met" : "  < ½ MISSED";
                    Console.WriteLine($"  {name,-24} {rps,10:0} {ratio,10:0.00} {p99,10}{verdict}");
                }

                server.Refresh();
                Console.WriteLine();
                Console.WriteLine($"  server peak memory (VmHWM): {PeakMemory(server.Id)}");
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit();
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    internal static Process Start(string publish, string corpus, string database, int port, bool ingestOnStartup = true, bool outputCache = true, string? postgres = null)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(publish, "DailyPapers.Web.dll")}\" --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = publish,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DailyPapers__DataDirectory"] = corpus;
        start.Environment["DailyPapers__Database"] = database;
        start.Environment["DailyPapers__IngestOnStartup"] = ingestOnStartup ? "true" : "false";
        start.Environment["DailyPapers__IngestBeforeServing"] = "true";
        start.Environment["DailyPapers__OutputCache"] = outputCache ? "true" : "false";
        start.Environment["DailyPapers__Today"] = DailyPapers.Testing.SyntheticCorpus.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (postgres is not null)
        {
            start.Environment["DailyPapers__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__Postgres"] = postgres;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("  server: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static void WaitUntilUp(HttpClient http, Process server)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException("the server stopped before it answered");
            }

            try
            {
                if (http.GetAsync(new Uri("/", UriKind.Relative)).Result.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (AggregateException)
            {
                // Not listening yet.
            }

            Thread.Sleep(200);
        }

        throw new TimeoutException("the server did not answer within 90 s");
    }

    private static (double RequestsPerSecond, string P99) Wrk(string url, int seconds)
    {
        var output = Exec("wrk", $"-t2 -c32 -d{seconds}s --latency {url}", Environment.CurrentDirectory);
        var rps = double.Parse(RpsRegex().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p99 = P99Regex().Match(output).Groups[1].Value;
        var errors = ErrorsRegex().Match(output);
        if (errors.Success)
        {
            Console.WriteLine($"  ! {url}: {errors.Value.Trim()}");
        }

        return (rps, p99);
    }

    /// <summary>Publishes the web app in Release to <paramref name="folder"/>: what every server benchmark runs.</summary>
    internal static void Publish(string folder) =>
        Exec("dotnet", $"publish \"{Path.Combine(DailyPapers.Testing.Repository.Root, "src", "DailyPapers.Web")}\" -c Release -o \"{folder}\" -nologo -v quiet", DailyPapers.Testing.Repository.Root);

    internal static string Exec(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        // Synthetic archives reach decades past today's date: the app's ingests take a later day as today.
        start.Environment["DailyPapers__Today"] = DailyPapers.Testing.SyntheticCorpus.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed:\n{stdout.Result}\n{stderr.Result}");
        }

        return stdout.Result;
    }

    private static string PeakMemory(int pid) => Memory(pid, "VmHWM");

    /// <summary>A memory figure of a process from /proc: VmRSS (resident now) or VmHWM (peak resident).</summary>
    internal static string Memory(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        if (line is null)
        {
            return "unknown";
        }

        var kib = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return $"{kib / 1024.0:0} MiB";
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }


    [GeneratedRegex("\"date\":\"(\\d{4}-\\d{2}-\\d{2})\"")]
    private static partial Regex DateRegex();

    [GeneratedRegex("\"arxivId\":\"([^\"]+)\"")]
    private static partial Regex ArxivRegex();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RpsRegex();

    [GeneratedRegex(@"99%\s+(\S+)")]
    private static partial Regex P99Regex();

    [GeneratedRegex(@"Non-2xx or 3xx responses: \d+|Socket errors:.*")]
    private static partial Regex ErrorsRegex();
}
