using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DailyPapers.Testing;

namespace DailyPapers.Bench;

/// <summary>
/// The ingest as an operator runs it: the published app's <c>ingest</c> command (a process of its own, start-up
/// included) into an empty database, for the archive at ×1 (the corpus given with <c>--corpus</c>; point it at a
/// whole archive) and its synthetic ×10 and ×100; then one new day of 15 papers into the archive just ingested. For
/// each: the process's wall time and peak resident memory, the ingest's own time, and the time of each stage (scan,
/// read, store, derive, publish) as the command prints it. Targets (issue 27): the whole archive (~5,500 papers) in
/// ≤ 5 s, ×100 in ≤ 60 s with ≤ 1 GB peak, a new day in ≤ 1 s.
/// </summary>
internal static partial class IngestBenchmark
{
    private static readonly int[] Scales = [1, 10, 100];

    public static void Run(BenchOptions options)
    {
        var work = Path.Combine(Path.GetTempPath(), "dailypapers-ingest", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var publish = Path.Combine(work, "app");
            LoadBenchmark.Publish(publish);
            var largest = options.Copies ?? 100;
            Console.WriteLine($"ingest benchmark · {Environment.ProcessorCount} cores · corpus {options.Corpus} · the app's ingest command into an empty database, then one new day of 15 papers");
            Console.WriteLine($"  {"archive",-8} {"files",6} {"papers",8} {"wall s",8} {"ingest s",9} {"peak MiB",9}   stages (s; scan and read overlap the writer's)");
            foreach (var copies in Scales.Where(c => c <= largest))
            {
                var archive = copies == 1 ? options.Corpus : SyntheticCorpus.Create(options.Corpus, copies);
                try
                {
                    Measure(publish, work, archive, $"×{copies}");
                }
                finally
                {
                    if (copies > 1)
                    {
                        Directory.Delete(archive, recursive: true);
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Measure(string publish, string work, string archive, string label)
    {
        var database = Path.Combine(work, "papers.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }

        var files = Directory.GetFiles(archive, "*.md", SearchOption.AllDirectories);
        var full = RunIngest(publish, archive, database);
        Print(label, files.Length, full);

        // A new day, after the archive's last: the first 15 papers of one of its digests under a new date and new ids.
        var newDay = Path.Combine(archive, "zz-new-day.md");
        File.WriteAllText(newDay, NewDay(files, LastDate(files).AddDays(1)));
        try
        {
            var added = RunIngest(publish, archive, database);
            Print($"{label} +1 day", 1, added);
        }
        finally
        {
            File.Delete(newDay);
        }
    }

    private sealed record IngestRun(double WallSeconds, double IngestSeconds, long PeakMiB, int Papers, string Stages);

    private static IngestRun RunIngest(string publish, string archive, string database)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(publish, "DailyPapers.Web.dll")}\" ingest \"{archive}\" --db \"{database}\"")
        {
            WorkingDirectory = publish,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DailyPapers__Today"] = SyntheticCorpus.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        // The peak resident size (VmHWM) only grows: the last reading before the process ends is its peak, near enough.
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, PeakKib(process.Id));
        }

        var wall = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ingest failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }

        var output = stdout.Result;
        var time = double.Parse(Field().Match(output).Groups[1].Value, CultureInfo.InvariantCulture) / 1000;
        var papers = int.Parse(Papers().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var stages = string.Join("  ", StageTime().Matches(StagesLine().Match(output).Groups[1].Value)
            .Select(m => $"{m.Groups[1].Value} {double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / 1000:0.00}"));
        return new IngestRun(wall, time, peak / 1024, papers, stages);
    }

    private static void Print(string label, int files, IngestRun run) =>
        Console.WriteLine($"  {label,-8} {files,6} {run.Papers,8} {run.WallSeconds,8:0.00} {run.IngestSeconds,9:0.00} {run.PeakMiB,9}   {run.Stages}");

    private static long PeakKib(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static DateOnly LastDate(IEnumerable<string> files) =>
        files.Select(f => DayHeading().Match(File.ReadAllText(f))).Where(m => m.Success)
            .Max(m => DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string NewDay(IEnumerable<string> files, DateOnly date)
    {
        var text = files.Select(File.ReadAllText).First(t => Sections().Count(t) >= 15);
        var cut = Sections().Matches(text) is { Count: > 15 } sections ? text[..sections[15].Index] : text;
        cut = DayHeading().Replace(cut, $"## Daily Papers ({date:yyyy-MM-dd})", 1);
        // Ids no copy of the archive uses (copies move the year forward from the corpus's, never to 00).
        var next = 0;
        return ArxivId().Replace(cut, _ => $"arxiv.org/abs/0001.{++next:00000}");
    }

    /// <summary>Runs the work until tiered compilation has settled, twice a second of it with a pause between.</summary>
    internal static void WarmUp(Action work)
    {
        for (var round = 0; round < 2; round++)
        {
            var watch = Stopwatch.StartNew();
            do
            {
                work();
            }
            while (watch.Elapsed < TimeSpan.FromSeconds(1));

            Thread.Sleep(300);
        }
    }

    [GeneratedRegex(@"^\s*time:\s+(\d+) ms", RegexOptions.Multiline)]
    private static partial Regex Field();

    [GeneratedRegex(@"^\s*papers:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex Papers();

    [GeneratedRegex(@"^\s*stages:\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex StagesLine();

    [GeneratedRegex(@"(\w+) (\d+) ms")]
    private static partial Regex StageTime();

    [GeneratedRegex(@"^## Daily Papers \((\d{4}-\d{2}-\d{2})\)", RegexOptions.Multiline)]
    private static partial Regex DayHeading();

    [GeneratedRegex(@"^### ", RegexOptions.Multiline)]
    private static partial Regex Sections();

    [GeneratedRegex(@"arxiv\.org/abs/\d{4,5}\.\d{4,5}")]
    private static partial Regex ArxivId();
}
