using System.Diagnostics;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>
/// The data folder is a boundary: only regular files whose real path lies under the folder's real path are read, each
/// real folder is walked once, and nothing is opened that is not a regular file. Links, FIFOs and devices are made here,
/// in a temporary folder (the tests run on Linux).
/// </summary>
public sealed class DataFolderBoundaryTests
{
    private const string GoodDay = TestDigests.GoodDay;

    private const string SecretDay = """
        ## Daily Papers (2024-06-01)

        ### [Secret Paper](https://arxiv.org/abs/2406.00001)

        - 밖에서 온 글.

        """;

    [Fact]
    public void A_link_to_a_file_outside_the_data_folder_is_not_read_and_is_named_in_a_warning()
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", GoodDay);
        var secret = WriteOutside(folder, "secret.md", SecretDay);
        File.CreateSymbolicLink(Path.Combine(folder.DataDirectory, "x.md"), secret);

        var report = folder.Ingest();

        report.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Warning && d.File == "x.md" && d.Message.Contains("outside the data folder", StringComparison.Ordinal));
        report.Diagnostics.Single().Message.Should().NotContain(folder.Outside, "where the link points is not written into reports and logs");
        using var db = folder.Context();
        db.Papers.Select(p => p.Title).Should().Equal(["A Good Paper"]);
    }

    [Fact]
    public void A_link_to_dev_zero_is_refused_without_reading_it()
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", GoodDay);
        File.CreateSymbolicLink(Path.Combine(folder.DataDirectory, "zero.md"), "/dev/zero");

        var report = folder.Ingest();

        report.Diagnostics.Should().ContainSingle(d => d.File == "zero.md" && d.Message.Contains("outside the data folder", StringComparison.Ordinal));
        report.DaysStored.Should().Be(1);
    }

    [Fact]
    public void A_file_replaced_by_a_link_outside_takes_what_was_stored_from_it_away()
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", GoodDay);
        folder.Write("other.md", GoodDay.Replace("2024-05-01", "2024-05-02", StringComparison.Ordinal).Replace("2405.00001", "2405.00002", StringComparison.Ordinal));
        folder.Ingest();

        File.Delete(Path.Combine(folder.DataDirectory, "day.md"));
        File.CreateSymbolicLink(Path.Combine(folder.DataDirectory, "day.md"), WriteOutside(folder, "secret.md", SecretDay));
        var report = folder.Ingest();

        report.Diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            "day.md: warning: the file is a symbolic link to outside the data folder; it is not read; what was stored from it is removed");
        using var db = folder.Context();
        db.Days.Select(d => d.Date).Should().Equal([new DateOnly(2024, 5, 2)], "what was stored from the path may be an older read of what the link points to");
        db.Papers.Select(p => p.ArxivId).Should().Equal(["2405.00002"]);
    }

    [Fact]
    public void A_linked_folder_outside_the_data_folder_is_not_walked()
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", GoodDay);
        WriteOutside(folder, "more/secret.md", SecretDay);
        Directory.CreateSymbolicLink(Path.Combine(folder.DataDirectory, "more"), Path.Combine(folder.Outside, "more"));

        var report = folder.Ingest();

        report.Diagnostics.Should().ContainSingle(d => d.File == "more/" && d.Message.Contains("outside the data folder", StringComparison.Ordinal));
        report.DaysStored.Should().Be(1);
    }

    [Fact]
    public void A_link_that_leaves_through_a_linked_folder_is_refused_too()
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", GoodDay);
        WriteOutside(folder, "secret.md", SecretDay);
        Directory.CreateSymbolicLink(Path.Combine(folder.DataDirectory, ".hidden"), folder.Outside);
        // Written as a path inside the folder, but its real path is outside.
        File.CreateSymbolicLink(Path.Combine(folder.DataDirectory, "x.md"), Path.Combine(".hidden", "secret.md"));

        var report = folder.Ingest();

        report.Diagnostics.Should().ContainSingle(d => d.File == "x.md" && d.Message.Contains("outside the data folder", StringComparison.Ordinal));
        using var db = folder.Context();
        db.Papers.Select(p => p.Title).Should().Equal(["A Good Paper"]);
    }

    [Fact]
    public void The_data_folder_may_itself_be_a_link()
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", GoodDay);
        var link = Path.Combine(folder.Outside, "data-link");
        Directory.CreateDirectory(folder.Outside);
        Directory.CreateSymbolicLink(link, folder.DataDirectory);

        var report = new DailyPapers.Core.Ingestion.DigestImporter(folder.ConnectionString).Ingest(link);

        report.Diagnostics.Should().BeEmpty();
        report.DaysStored.Should().Be(1);
    }

    [Fact]
    public void A_link_inside_the_folder_to_a_digest_inside_reads_that_digest_once()
    {
        using var folder = new IngestFolder();
        folder.Write("2024/05/01.md", GoodDay);
        File.CreateSymbolicLink(Path.Combine(folder.DataDirectory, "latest.md"), Path.Combine("2024", "05", "01.md"));

        var report = folder.Ingest();

        report.Diagnostics.Should().BeEmpty();
        using var db = folder.Context();
        db.SourceFiles.Select(f => f.Path).Should().Equal(["2024/05/01.md"], "a file is stored under its own path, not a link's");
    }

    [Fact]
    public void A_link_loop_and_two_links_to_one_folder_visit_each_folder_once()
    {
        using var folder = new IngestFolder();
        folder.Write("sub/day.md", GoodDay);
        Directory.CreateSymbolicLink(Path.Combine(folder.DataDirectory, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(folder.DataDirectory, "a"), "sub");
        Directory.CreateSymbolicLink(Path.Combine(folder.DataDirectory, "sub", "b"), "..");

        var report = folder.Ingest();

        report.Diagnostics.Should().BeEmpty();
        report.FilesSeen.Should().Be(1);
        using var db = folder.Context();
        db.SourceFiles.Select(f => f.Path).Should().Equal(["sub/day.md"]);
    }

    [Fact]
    public void A_linked_folder_inside_the_data_folder_is_walked_under_the_links_name_when_nothing_else_reaches_it()
    {
        using var folder = new IngestFolder();
        folder.Write(".archive/day.md", GoodDay);
        Directory.CreateSymbolicLink(Path.Combine(folder.DataDirectory, "archive"), ".archive");

        var report = folder.Ingest();

        report.Diagnostics.Should().BeEmpty();
        using var db = folder.Context();
        db.SourceFiles.Select(f => f.Path).Should().Equal(["archive/day.md"]);
    }

    [LinuxFact]
    public void A_fifo_named_like_a_digest_is_skipped_without_being_opened()
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", GoodDay);
        var fifo = Path.Combine(folder.DataDirectory, "pipe.md");
        Run("mkfifo", fifo);

        var ingest = Task.Run(folder.Ingest);
        var finished = ingest.Wait(TimeSpan.FromMinutes(2));
        if (!finished)
        {
            // Release the reader blocked on the FIFO, so the test run can end.
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        }

        finished.Should().BeTrue("opening a FIFO blocks until something writes to it");
        var report = ingest.Result;
        report.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Error && d.File == "pipe.md" && d.Message.Contains("FIFO", StringComparison.Ordinal) && d.Message.Contains("not a regular file", StringComparison.Ordinal));
        report.DaysStored.Should().Be(1);
    }

    [LinuxFact(AsRoot = true)]
    public void A_device_named_like_a_digest_is_skipped_and_what_was_stored_from_its_path_is_kept()
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", GoodDay);
        folder.Ingest();

        File.Delete(Path.Combine(folder.DataDirectory, "day.md"));
        // The character device /dev/zero is (1, 5): endless, and its size reads as 0.
        Run("mknod", Path.Combine(folder.DataDirectory, "day.md"), "c", "1", "5");
        var report = folder.Ingest();

        report.Diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            "day.md: error: the file is a character device, not a regular file; it is not read; the days stored from its previous version are kept");
        report.DaysStored.Should().Be(1);
    }

    private static string WriteOutside(IngestFolder folder, string relative, string text)
    {
        var path = Path.Combine(folder.Outside, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"{command} {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
    }
}

/// <summary>A test that makes FIFOs or devices with Linux's own tools (mkfifo, and mknod as root); skipped elsewhere, saying why.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Makes a FIFO or a device node with Linux's mkfifo or mknod.";
        }
    }

    /// <summary>The test makes a device node, which only root may.</summary>
    public bool AsRoot
    {
        get => false;
        init
        {
            if (value && Skip is null && Environment.UserName != "root")
            {
                Skip = "Makes a device node with mknod, which needs root.";
            }
        }
    }
}
