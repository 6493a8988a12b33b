using DailyPapers.Core.Ingestion;
using DailyPapers.Core.Parsing;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Ingestion.Stages;

/// <summary>The scan stage's verdict on each file: by size and time stamp first, by content hash second.</summary>
public sealed class ScanStageTests
{
    private static readonly StoredFile Stored = new(1, "a.md", "abc", 100, 5_000, HasErrors: false);
    private static readonly Rejection Rejected = new("def", 200, 7_000, DateTime.UtcNow, []);

    [Fact]
    public void A_file_of_the_stored_size_and_time_is_unchanged_without_being_read()
    {
        ScanStage.ByStat(100, 5_000, Stored, null).Should().Be(ScanVerdict.Unchanged);
    }

    [Theory]
    [InlineData(101, 5_000)]
    [InlineData(100, 5_001)]
    public void A_file_whose_size_or_time_moved_is_read(long length, long stamp)
    {
        ScanStage.ByStat(length, stamp, Stored, null).Should().Be(ScanVerdict.Read);
    }

    [Fact]
    public void A_file_stored_with_errors_is_never_skipped_by_its_stat_or_hash()
    {
        var withErrors = Stored with { HasErrors = true };

        ScanStage.ByStat(100, 5_000, withErrors, null).Should().Be(ScanVerdict.Read);
        ScanStage.ByHash("abc", withErrors, null).Should().Be(ScanVerdict.Read);
    }

    [Fact]
    public void The_rejected_copy_is_remembered_by_stat_and_by_hash()
    {
        ScanStage.ByStat(200, 7_000, null, Rejected).Should().Be(ScanVerdict.Remembered);
        ScanStage.ByHash("def", Stored, Rejected).Should().Be(ScanVerdict.Remembered);
        ScanStage.ByHash("abc", Stored, Rejected).Should().Be(ScanVerdict.Unchanged, "the stored copy wins over a rejected one");
        ScanStage.ByHash("xyz", Stored, Rejected).Should().Be(ScanVerdict.Read);
    }

    [Fact]
    public void Examining_files_reads_new_ones_skips_unchanged_ones_and_refuses_what_is_not_a_digest_file()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        var changed = folder.Write("new.md", "## Daily Papers (2024-01-02)\n");
        Directory.CreateDirectory(Path.Combine(folder.DataDirectory, "folder.md"));

        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();
        var scan = ScanStage.Load(connection, folder.DataDirectory, rereadAll: false);
        var diagnostics = new List<Diagnostic>();
        var verdicts = scan.List(diagnostics).Files.ToDictionary(f => f.Relative, f => scan.Examine(f));

        verdicts["new.md"].Verdict.Should().Be(ScanVerdict.Read);
        verdicts["new.md"].Bytes.Should().Equal(File.ReadAllBytes(changed));
        verdicts.Where(v => v.Key != "new.md").Should().OnlyContain(v => v.Value.Verdict == ScanVerdict.Unchanged).And.HaveCount(5);
        scan.DayOwners.Should().HaveCount(5);
    }

    [Fact]
    public void Everything_is_read_again_for_a_new_parser()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();

        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();
        var scan = ScanStage.Load(connection, folder.DataDirectory, rereadAll: true);

        scan.List([]).Files.Select(scan.Examine).Should().HaveCount(5).And.OnlyContain(f => f.Verdict == ScanVerdict.Read);
    }
}
