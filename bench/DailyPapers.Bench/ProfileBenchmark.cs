using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace DailyPapers.Bench;

/// <summary>
/// Where an uncached request's time goes (issue 28). Starts the published app without the output cache over the
/// archive, and for each page kind drives random pages of that kind with wrk while <c>dotnet-trace</c> samples the
/// server (the pinned tool: <c>dotnet tool restore</c>) and <c>dotnet-counters</c> reads its GC figures. Each sampled
/// moment of CPU is put in one bucket, by the innermost frame of its stack that names one (<see cref="Buckets"/>), and
/// the table prints each bucket's share of the server's CPU and its CPU microseconds per request.
/// </summary>
internal static class ProfileBenchmark
{
    private const int Connections = 16;

    /// <summary>
    /// The buckets, tried on each frame from the innermost outwards; the first frame that matches a rule decides. A
    /// frame of the runtime's own library (strings, collections, memory copies) matches none, so its time goes to the
    /// code that called it.
    /// </summary>
    private static readonly (string Bucket, string[] Patterns)[] Buckets =
    [
        ("SQL (SQLite)", ["Microsoft.Data.Sqlite!", "SQLitePCL"]),
        ("EF Core: query compile", ["QueryCompiler.CompileQuery", "QueryCompilationContext", "QueryTranslat", "RelationalCommandCache", "ExpressionTreeFuncletizer", "CompiledQueryCache"]),
        ("EF Core: materialise, context", ["Microsoft.EntityFrameworkCore"]),
        ("HTML encoding", ["System.Text.Encodings.Web"]),
        ("JSON", ["System.Text.Json"]),
        ("ETag hash", ["ContentETagMiddleware", "System.Security.Cryptography", "System.IO.Hashing"]),
        ("link generation", ["LinkGenerat", "UrlHelper", "TemplateBinder", "CardLinks"]),
        // The app's own .cshtml compile to classes named after their paths (DailyPapers.Web.Pages.Days.Pages_Days_Day).
        ("Razor views", ["AspNetCoreGeneratedDocument", "Microsoft.AspNetCore.Mvc.Razor", "Microsoft.AspNetCore.Mvc.ViewFeatures", "Microsoft.AspNetCore.Razor", ".Pages_"]),
        ("app: page models, queries", ["DailyPapers.Web!", "DailyPapers.Core!"]),
        ("routing", ["Microsoft.AspNetCore.Routing"]),
        ("MVC pipeline, filters", ["Microsoft.AspNetCore.Mvc"]),
        ("Kestrel, HTTP, sockets", ["Microsoft.AspNetCore", "System.Net", "System.IO.Pipelines"]),
    ];

    private const string Other = "other (runtime, threads, GC)";

    public static void Run(BenchOptions options)
    {
        // The trace covers the whole run of wrk (which starts after the tools attach): ten seconds at least.
        var seconds = Math.Max(10, options.Seconds);
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.WriteLine("wrk is not installed: apt-get install wrk");
            return;
        }

        var work = Path.Combine(Path.GetTempPath(), "dailypapers-profile", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var publish = Path.Combine(work, "app");
            LoadBenchmark.Publish(publish);
            var database = Path.Combine(work, "profile.db");
            LoadBenchmark.Exec("dotnet", $"\"{Path.Combine(publish, "DailyPapers.Web.dll")}\" ingest \"{options.Corpus}\" --db \"{database}\"", publish);
            var archive = ScaleBenchmark.ReadArchive(database);
            var script = Path.Combine(work, "random.lua");
            File.WriteAllText(script, ScaleBenchmark.RandomUrlScript);

            var port = LoadBenchmark.FreePort();
            var server = LoadBenchmark.Start(publish, options.Corpus, database, port, ingestOnStartup: false, outputCache: false);
            try
            {
                var baseUrl = $"http://127.0.0.1:{port}";
                using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
                LoadBenchmark.WaitUntilUp(http, server);
                Console.WriteLine($"profile benchmark · {Environment.ProcessorCount} cores · {archive.Papers.Count} papers · output cache off · wrk -t2 -c{Connections} -d{seconds}s of random pages per kind, sampled by dotnet-trace");
                Console.WriteLine("  each cell: share of the server's sampled CPU, and that share of its CPU time per request (µs); a sampled moment goes to the innermost frame naming a bucket");
                var results = new List<Result>();
                // Every kind warmed first: tiered JIT and PGO settle before any kind is sampled (the first kind
                // sampled after a 3 s warm-up of its own spent a sixth of its CPU in the JIT).
                foreach (var (kind, urls) in Kinds(archive))
                {
                    var list = Path.Combine(work, $"{kind.Replace(' ', '-')}.txt");
                    File.WriteAllLines(list, urls);
                    ScaleBenchmark.Wrk(baseUrl + "/", 4, (script, list));
                }

                foreach (var (kind, _) in Kinds(archive))
                {
                    var list = Path.Combine(work, $"{kind.Replace(' ', '-')}.txt");
                    var trace = Path.Combine(work, $"{kind.Replace(' ', '-')}.nettrace");
                    var counters = Path.Combine(work, $"{kind.Replace(' ', '-')}.csv");
                    using var tracer = Tool("dotnet-trace", $"collect -p {server.Id} --duration 00:00:00:{seconds:00} --format speedscope -o \"{trace}\"");
                    using var counter = Tool("dotnet-counters", $"collect -p {server.Id} --refresh-interval 1 --format csv -o \"{counters}\" --counters System.Runtime --duration 00:00:00:{seconds:00}");
                    Thread.Sleep(1500);
                    var threadsBefore = ThreadCpuMs(server.Id);
                    var figures = ScaleBenchmark.Wrk(baseUrl + "/", seconds - 2, (script, list));
                    var threads = Difference(ThreadCpuMs(server.Id), threadsBefore);
                    var cpuMs = threads.Values.Sum();
                    Finish(tracer);
                    Finish(counter);
                    var cpu = Classify(Path.ChangeExtension(trace, ".speedscope.json"));
                    if (Environment.GetEnvironmentVariable("DAILYPAPERS_PROFILE_KEEP") is { Length: > 0 } keep)
                    {
                        // The traces, to be read further (speedscope.app, or a script over the JSON).
                        Directory.CreateDirectory(keep);
                        File.Copy(Path.ChangeExtension(trace, ".speedscope.json"), Path.Combine(keep, Path.GetFileName(Path.ChangeExtension(trace, ".speedscope.json"))), overwrite: true);
                    }

                    var (gc, allocated) = Gc(counters);
                    results.Add(new Result(kind, figures.Rps, gc, allocated / Math.Max(1, figures.Rps) / 1024, cpu, figures.Rps * (seconds - 2), cpuMs, threads));
                }

                Print(results);
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

    private static IEnumerable<(string Kind, IReadOnlyList<string> Urls)> Kinds(ScaleBenchmark.Archive archive)
    {
        yield return ("day", [.. archive.Dates.Select(d => "/days/" + d)]);
        yield return ("paper", [.. archive.Papers.Select(p => "/papers/" + p)]);
        yield return ("author", [.. archive.ShowingTenToFifty.Select(s => "/authors/" + Uri.EscapeDataString(s))]);
        yield return ("api paper", [.. archive.Papers.Select(p => "/api/papers/" + p)]);
        yield return ("search", ["/search?q=model", "/search?q=diffusion", "/search?q=agent", "/search?q=%EB%AA%A8%EB%8D%B8", "/search?q=reasoning", "/search?q=video"]);
        yield return ("layout only", ["/search"]);
    }

    private static Process Tool(string tool, string arguments)
    {
        // The tools are pinned in the repository's manifest: run them from its root.
        var start = new ProcessStartInfo("dotnet", $"{tool} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DailyPapers.Testing.Repository.Root,
        };
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
    }

    private static void Finish(Process tool)
    {
        var output = tool.StandardOutput.ReadToEndAsync();
        var error = tool.StandardError.ReadToEndAsync();
        if (!tool.WaitForExit(TimeSpan.FromMinutes(3)) || tool.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool.StartInfo.Arguments} failed: {output.Result}{error.Result}");
        }
    }

    /// <summary>
    /// CPU time (ms) of each bucket over every thread of the trace: the sampled moments marked as running on a CPU
    /// (<c>CPU_TIME</c>), not those waiting (a thread blocked in native code is marked <c>UNMANAGED_CODE_TIME</c>, which
    /// made the first table count every idle worker).
    /// </summary>
    internal static Dictionary<string, double> Classify(string speedscope)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(speedscope));
        var frames = document.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("name").GetString() ?? "").ToArray();
        var bucketOf = frames.Select(BucketOf).ToArray();
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var profile in document.RootElement.GetProperty("profiles").EnumerateArray())
        {
            // The sampler marks the finalizer thread's waits inside GC.GetGCMemoryInfo (ArrayPool trimming after each
            // gen-2 collection) as CPU: a fifth of the samples, where /proc gives that thread 0.1 % of the process's CPU.
            if (profile.GetProperty("name").GetString()?.Contains("Finalizer", StringComparison.Ordinal) == true)
            {
                continue;
            }

            var stack = new List<int>();
            double? last = null;
            foreach (var e in profile.GetProperty("events").EnumerateArray())
            {
                var at = e.GetProperty("at").GetDouble();
                if (last is { } before && stack.Count > 0 && frames[stack[^1]] == "CPU_TIME")
                {
                    var bucket = Other;
                    for (var i = stack.Count - 1; i >= 0; i--)
                    {
                        if (bucketOf[stack[i]] is { } found)
                        {
                            bucket = found;
                            break;
                        }
                    }

                    totals[bucket] = totals.GetValueOrDefault(bucket) + (at - before);
                }

                last = at;
                if (e.GetProperty("type").GetString() == "O")
                {
                    stack.Add(e.GetProperty("frame").GetInt32());
                }
                else
                {
                    stack.RemoveAt(stack.Count - 1);
                }
            }
        }

        return totals;
    }

    private static string? BucketOf(string frame)
    {
        foreach (var (bucket, patterns) in Buckets)
        {
            if (patterns.Any(p => frame.Contains(p, StringComparison.Ordinal)))
            {
                return bucket;
            }
        }

        return null;
    }

    /// <summary>The share of time in GC pauses (%) and the bytes allocated per second, averaged over the counters' rows.</summary>
    private static (double GcPercent, double AllocatedPerSecond) Gc(string csv)
    {
        var pause = new List<double>();
        var allocated = new List<double>();
        foreach (var line in File.ReadLines(csv).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length < 5 || !double.TryParse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            if (cells[2].StartsWith("dotnet.gc.pause.time", StringComparison.Ordinal))
            {
                pause.Add(value);
            }
            else if (cells[2].StartsWith("dotnet.gc.heap.total_allocated", StringComparison.Ordinal))
            {
                allocated.Add(value);
            }
        }

        return (pause.Count == 0 ? 0 : pause.Average() * 100, allocated.Count == 0 ? 0 : allocated.Average());
    }

    /// <summary>Each of the server's threads' CPU time so far (user and system, from /proc), in milliseconds, by thread id.</summary>
    private static Dictionary<string, (string Name, double Ms)> ThreadCpuMs(int pid)
    {
        var threads = new Dictionary<string, (string Name, double Ms)>(StringComparer.Ordinal);
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                // The name may hold spaces: the fields are read after its closing parenthesis (utime is the 14th, stime the 15th).
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                threads[Path.GetFileName(task)] = (name, ticks * 10.0); // USER_HZ is 100 on Linux
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read.
            }
        }

        return threads;
    }

    /// <summary>CPU (ms) spent between two readings, by kind of thread (its name: ".NET TP Worker", ".NET Tiered Com", ".NET BGC"…).</summary>
    private static Dictionary<string, double> Difference(Dictionary<string, (string Name, double Ms)> after, Dictionary<string, (string Name, double Ms)> before)
    {
        var kinds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (id, (name, ms)) in after)
        {
            var spent = ms - (before.TryGetValue(id, out var earlier) ? earlier.Ms : 0);
            kinds[name] = kinds.GetValueOrDefault(name) + spent;
        }

        return kinds;
    }

    /// <param name="Cpu">Sampled CPU per bucket (ms): its shares, not its sum, are what the table uses.</param>
    /// <param name="CpuMs">The server's CPU time (user and system) while wrk ran, from /proc.</param>
    /// <param name="Threads">That CPU time by kind of thread.</param>
    private sealed record Result(string Kind, double Rps, double GcPercent, double AllocatedKiB, Dictionary<string, double> Cpu, double Requests, double CpuMs, Dictionary<string, double> Threads);

    private static void Print(List<Result> results)
    {
        var buckets = Buckets.Select(b => b.Bucket).Append(Other).ToList();
        Console.WriteLine();
        Console.WriteLine($"  {"bucket",-30}" + string.Concat(results.Select(r => $" {r.Kind,18}")));
        foreach (var bucket in buckets)
        {
            Console.WriteLine($"  {bucket,-30}" + string.Concat(results.Select(r =>
            {
                var share = r.Cpu.GetValueOrDefault(bucket) / r.Cpu.Values.Sum();
                return $" {share * 100,8:0.0}% {share * r.CpuMs * 1000 / r.Requests,7:0} µs";
            })));
        }

        Console.WriteLine($"  {"server CPU per request",-30}" + string.Concat(results.Select(r => $" {r.CpuMs * 1000 / r.Requests,15:0} µs")));
        Console.WriteLine($"  {"allocated per request",-30}" + string.Concat(results.Select(r => $" {r.AllocatedKiB,15:0} KiB")));
        Console.WriteLine($"  {"time in GC pauses",-30}" + string.Concat(results.Select(r => $" {r.GcPercent,16:0.0}%")));
        foreach (var (label, prefixes) in new[]
        {
            ("CPU on request threads", new[] { ".NET TP Worker" }), ("CPU in the JIT (tiered)", [".NET Tiered Com"]),
            ("CPU on GC threads", [".NET BGC", ".NET Server GC", ".NET GC"]), ("CPU on socket threads", [".NET Sockets"]),
        })
        {
            Console.WriteLine($"  {label,-30}" + string.Concat(results.Select(r =>
                $" {r.Threads.Where(t => prefixes.Any(p => t.Key.StartsWith(p, StringComparison.Ordinal))).Sum(t => t.Value) / r.CpuMs * 100,16:0.0}%")));
        }

        Console.WriteLine($"  {"req/s while sampled",-30}" + string.Concat(results.Select(r => $" {r.Rps,18:0}")));
    }
}
