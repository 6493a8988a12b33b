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

    /// <summary>
    /// Files made to cost an ingest as much as they can while staying under every limit checked before Markdig (just under
    /// 4 MB, lines under 64K characters): unclosed links, brackets and emphasis, TeX spans, many papers, many headings.
    /// Each is ingested alone by the published app's ingest command into a fresh database, a process of its own, as an
    /// operator runs it; prints its wall time and the process's peak resident memory (VmHWM, the runtime included: the
    /// first row, a real digest, shows that floor). Target: under 10 s and 500 MB each. A run past
    /// DAILYPAPERS_BENCH_HOSTILE_SECONDS (default 300) is stopped and shown as such.
    /// </summary>
    public static void RunHostile(BenchOptions options)
    {
        var work = Path.Combine(Path.GetTempPath(), "dailypapers-hostile", Guid.NewGuid().ToString("N"));
        var limit = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("DAILYPAPERS_BENCH_HOSTILE_SECONDS"), CultureInfo.InvariantCulture, out var seconds) ? seconds : 300);
        try
        {
            Directory.CreateDirectory(work);
            var publish = Path.Combine(work, "app");
            LoadBenchmark.Publish(publish);
            var sections = Directory.GetFiles(options.Corpus, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .SelectMany(f => File.ReadAllText(f).Split("\n### ").Skip(1)).ToList();
            var files = new List<(string Name, string Text)>
            {
                ("real digest (one corpus day)", File.ReadAllText(Directory.GetFiles(options.Corpus, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First())),
                ("real text, 4 MB", Digest(new DateOnly(2024, 7, 1), sections, HostileSize, 0)),
            };
            files.AddRange(HostileFiles(sections));
            if (Environment.GetEnvironmentVariable("DAILYPAPERS_BENCH_HOSTILE_ONLY") is { Length: > 0 } only)
            {
                files = [.. files.Where(f => only.Split(',').Any(o => f.Name.Contains(o, StringComparison.OrdinalIgnoreCase)))];
            }

            Console.WriteLine($"hostile files · {Environment.ProcessorCount} cores · each ingested alone by the app's ingest command into a fresh database (stopped after {limit.TotalSeconds:0} s)");
            Console.WriteLine($"  {"file",-52} {"MB",5} {"time",9} {"peak RSS",9}  exit  outcome");
            foreach (var (name, text) in files)
            {
                var data = Path.Combine(work, "data");
                Directory.CreateDirectory(data);
                File.WriteAllText(Path.Combine(data, "day.md"), text);
                var database = Path.Combine(work, "hostile.db");
                var (elapsed, peakKib, exit, outcome) = IngestAlone(publish, data, database, limit);
                var time = exit is null ? $"> {limit.TotalSeconds:0} s" : $"{elapsed.TotalSeconds:0.0} s";
                Console.WriteLine($"  {name,-52} {Encoding.UTF8.GetByteCount(text) / 1048576.0,5:0.0} {time,9} {peakKib / 1024.0,6:0} MiB  {exit?.ToString(CultureInfo.InvariantCulture) ?? "-",4}  {outcome}");
                Directory.Delete(data, recursive: true);
                SqliteConnection.ClearAllPools();
                foreach (var file in Directory.GetFiles(work, "hostile.db*"))
                {
                    File.Delete(file);
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Just under the 4 MB a file may have.</summary>
    private const int HostileSize = 4 * 1024 * 1024 - 4096;

    private const string HostileHead = "## Daily Papers (2024-05-01)\n\n### [Hostile Paper](https://arxiv.org/abs/2405.00001)\n\nVote: 1\n\nAuthors: Ann Lee\n\n";

    /// <summary>
    /// Each hostile pattern as much as a file may hold and still be read (just under the markup, line and heading limits
    /// of <c>DigestLimits</c>), in a paper's summary, the rest of the 4 MB real text; and two patterns filling the whole
    /// 4 MB, which those limits refuse.
    /// </summary>
    private static IEnumerable<(string Name, string Text)> HostileFiles(List<string> sections)
    {
        const int markup = 170_000;
        string Filled(string hostile) => Digest(new DateOnly(2024, 5, 1), sections, HostileSize, 10, HostileHead + hostile + "\n\n");
        yield return ("unclosed links [a]( ×15,000 a line", Filled(Units("[a](", 15_000, markup / 2)));
        yield return ("unclosed links in the day's notes", Digest(new DateOnly(2024, 5, 1), sections, HostileSize, 10, "## Daily Papers (2024-05-01)\n\n" + Units("[a](", 15_000, markup / 2) + "\n\n"));
        yield return ("unclosed brackets [a ×30,000 a line", Filled(Units("[a", 30_000, markup)));
        yield return ("unclosed brackets, one paragraph of short lines", Filled(Units("[a\n", 6_000, markup / 3)));
        yield return ("emphasis openers *a ×30,000 a line", Filled(Units("*a", 30_000, markup)));
        yield return ("emphasis openers, one paragraph of short lines", Filled(Units("*a\n", 6_000, markup / 3)));
        yield return ("nested emphasis **a *b _c", Filled(Units("**a *b _c ", 6_000, markup / 4)));
        yield return ("code spans `a``b```c", Filled(Units("`a``b```c", 6_000, markup / 6)));
        yield return ("TeX spans $x$ ×15,000 a line", Filled(Units("$x$ ", 15_000, markup / 2)));
        yield return ("distinct TeX spans $x_{n}$", Filled(string.Concat(Enumerable.Range(0, markup / 3).Select(i => string.Create(CultureInfo.InvariantCulture, $"$x_{{{i}}}$") + ((i + 1) % 5_000 == 0 ? "\n\n" : " ")))));
        yield return ("TeX in titles, 48K-character titles", Digest(new DateOnly(2024, 5, 1), sections, HostileSize, 100, "## Daily Papers (2024-05-01)\n\n" + string.Concat(Enumerable.Range(0, 14).Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"### [T{t} {string.Concat(Enumerable.Range(0, 6_000).Select(i => $"$x^{{{i % 100}}}$ "))}](https://arxiv.org/abs/2405.{t + 1:00000})\n\n- s\n\n")))));
        yield return ("7,000 one-line papers", Digest(new DateOnly(2024, 5, 1), sections, HostileSize, 10_000, "## Daily Papers (2024-05-01)\n\n" + string.Concat(Enumerable.Range(0, 7_000).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"### [P{i}](https://arxiv.org/abs/2403.{i + 10_000:00000})\n- s\n\n")))));
        yield return ("headings without links ### a", Filled(Units("### a\n", 1, 7_000)));
        yield return ("list items - a", Filled(Units("- a\n", int.MaxValue, 50_000)));

        // The same patterns filling the whole 4 MB, as an older version was measured with (bench/RESULTS.md): past a limit.
        yield return ("unclosed links, 4 MB of them", Paragraphs(HostileHead, "[a](", 15_000));
        yield return ("unclosed links in the notes, 4 MB of them", Paragraphs("## Daily Papers (2024-05-01)\n\n", "[a](", 15_000));
        yield return ("unclosed brackets, 4 MB of them", Paragraphs(HostileHead, "[a", 30_000));
        yield return ("unclosed brackets on short lines, 4 MB of them", Paragraphs(HostileHead, "[a\n", 6_000));
        yield return ("emphasis openers, 4 MB of them", Paragraphs(HostileHead, "*a", 30_000));
        yield return ("emphasis openers on short lines, 4 MB of them", Paragraphs(HostileHead, "*a\n", 6_000));
        yield return ("nested emphasis, 4 MB of it", Paragraphs(HostileHead, "**a *b _c ", 6_000));
        yield return ("code spans, 4 MB of them", Paragraphs(HostileHead, "`a``b```c", 6_000));
        yield return ("TeX spans $x$, 4 MB of them", Paragraphs(HostileHead, "$x$ ", 15_000));
        yield return ("one-line papers, 4 MB of them (80,000)", UpToSize("## Daily Papers (2024-05-01)\n\n", i => string.Create(CultureInfo.InvariantCulture, $"### [P{i}](https://arxiv.org/abs/{2401 + (i / 90_000)}.{(i % 90_000) + 10_000:00000})\n- s\n\n")));
        yield return ("headings without links, 4 MB of them", Paragraphs(HostileHead, "### a\n", 1));
        yield return ("list items, 4 MB of them", Paragraphs(HostileHead, "- a\n", 1));
    }

    /// <summary>The head, then numbered units until just under the size limit.</summary>
    private static string UpToSize(string head, Func<int, string> unit)
    {
        var text = new StringBuilder(head, HostileSize);
        for (var i = 0; ; i++)
        {
            var next = unit(i);
            if (text.Length + next.Length > HostileSize)
            {
                return text.ToString();
            }

            text.Append(next);
        }
    }

    /// <summary><paramref name="count"/> units, a blank line after every <paramref name="perParagraph"/>.</summary>
    private static string Units(string unit, int perParagraph, int count)
    {
        var text = new StringBuilder(unit.Length * count);
        for (var i = 0; i < count; i++)
        {
            text.Append(unit);
            if ((i + 1) % perParagraph == 0)
            {
                text.Append("\n\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The head, then <paramref name="unit"/> <paramref name="perParagraph"/> times a paragraph, paragraphs until just under the size limit.</summary>
    private static string Paragraphs(string head, string unit, int perParagraph)
    {
        var paragraph = string.Concat(Enumerable.Repeat(unit, perParagraph)).TrimEnd('\n') + "\n\n";
        var text = new StringBuilder(head, HostileSize);
        while (text.Length + paragraph.Length <= HostileSize)
        {
            text.Append(paragraph);
        }

        return text.ToString();
    }

    /// <summary>Runs the published app's ingest command on a folder; its time, peak resident memory (KiB), exit code (null: stopped) and summary.</summary>
    private static (TimeSpan Elapsed, long PeakKib, int? Exit, string Outcome) IngestAlone(string publish, string data, string database, TimeSpan limit)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(publish, "DailyPapers.Web.dll")}\" ingest \"{data}\" --db \"{database}\"")
        {
            WorkingDirectory = publish,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var diagnostics = 0;
        var firstDiagnostic = "";
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && Interlocked.Increment(ref diagnostics) == 1)
            {
                firstDiagnostic = e.Data;
            }
        };
        process.BeginErrorReadLine();
        long peak = 0;
        while (!process.WaitForExit(50))
        {
            peak = Math.Max(peak, Kib(process.Id, "VmHWM"));
            if (watch.Elapsed > limit)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return (watch.Elapsed, peak, null, "stopped");
            }
        }

        var elapsed = watch.Elapsed;
        process.WaitForExit();
        var summary = stdout.Result.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("papers:", StringComparison.Ordinal) || l.StartsWith("warnings:", StringComparison.Ordinal));
        var first = firstDiagnostic.Length > 110 ? firstDiagnostic[..110] + "…" : firstDiagnostic;
        return (elapsed, peak, process.ExitCode, $"{string.Join(" · ", summary)} · {diagnostics:N0} lines on stderr{(first.Length > 0 ? ", first: " + first : "")}");
    }

    private static long Kib(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
            return 0;
        }
    }

    /// <summary>One day of real sections repeated under new arXiv ids until the text reaches <paramref name="size"/> bytes, after <paramref name="head"/> when given.</summary>
    private static string Digest(DateOnly date, List<string> sections, int size, int firstId, string? head = null)
    {
        var text = new StringBuilder(head ?? $"## Daily Papers ({date:yyyy-MM-dd})\n");
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
