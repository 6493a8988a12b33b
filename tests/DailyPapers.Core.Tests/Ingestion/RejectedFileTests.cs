using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>Files with errors: what is kept from them, what their record says, and that reading one again changes nothing.</summary>
public sealed class RejectedFileTests
{
    private const string Day = """
        ## Daily Papers (2024-05-01)

        ### [A Paper](https://arxiv.org/abs/2405.00001)

        Vote: 3

        - 요약.

        """;

    private const string OtherDay = """
        ## Daily Papers (2024-05-02)

        ### [Another Paper](https://arxiv.org/abs/2405.00002)

        Vote: 4

        - 요약.

        """;

    [Fact]
    public void An_edit_that_leaves_no_day_is_rejected_and_the_stored_day_is_kept()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day);
        folder.Ingest();

        folder.Write("a.md", "just some words\n");
        var report = folder.Ingest();

        report.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "a.md:1: error: no day heading: a digest starts with '## Daily Papers (YYYY-MM-DD)'",
            "a.md: error: the file was rejected; the days stored from its previous version are kept");
        (report.FilesRejected, report.FilesIngested, report.DaysStored, report.DataChanged).Should().Be((1, 0, 1, false));
    }

    [Fact]
    public void A_new_file_without_a_day_is_rejected_without_claiming_to_keep_anything()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day);
        folder.Write("b.md", "just some words\n");

        var report = folder.Ingest();

        report.Diagnostics.Select(d => d.Message).Should().Equal("no day heading: a digest starts with '## Daily Papers (YYYY-MM-DD)'");
        report.FilesRejected.Should().Be(1);
    }

    [Fact]
    public void A_file_that_lands_only_in_part_is_stored_marked_with_errors_and_counted_as_rejected()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day);
        folder.Write("b.md", Day + "\n" + OtherDay);

        var report = folder.Ingest();

        (report.FilesIngested, report.FilesRejected, report.DaysStored).Should().Be((1, 1, 2));
        report.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString())
            .Should().Equal("b.md:1: error: day 2024-05-01 is already provided by a.md; this file's copy is not stored");
        using var db = folder.Context();
        db.SourceFiles.OrderBy(f => f.Path).Select(f => f.HasErrors).Should().Equal(false, true);
    }

    [Fact]
    public void A_file_with_errors_is_reported_on_every_run_but_written_only_once()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day);
        folder.Write("b.md", Day + "\n" + OtherDay);
        folder.Ingest();
        var rows = folder.DumpRows();

        var again = folder.Ingest();

        again.FilesRejected.Should().Be(1, "a file with errors is read again until it is fixed");
        again.Diagnostics.Should().Contain(d => d.Severity == Severity.Error && d.File == "b.md");
        again.DataChanged.Should().BeFalse("nothing it would write has changed");
        folder.DumpRows().Should().Be(rows);
    }

    [Fact]
    public void A_file_with_errors_that_now_claims_other_days_is_written_again()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day);
        folder.Write("b.md", Day + "\n" + OtherDay);
        folder.Ingest();

        // Same errors, but the day it stores has moved: its rows must follow.
        folder.Write("b.md", Day + "\n" + OtherDay.Replace("2024-05-02", "2024-05-03", StringComparison.Ordinal));
        var report = folder.Ingest();

        report.DataChanged.Should().BeTrue();
        using var db = folder.Context();
        db.Days.OrderBy(d => d.Date).Select(d => d.Date).Should().Equal(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 3));
    }

    [Fact]
    public void An_unreadable_edit_of_the_only_file_keeps_its_stored_day_and_says_so()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day);
        folder.Ingest();

        folder.WriteBytes("a.md", [0x23, 0x0A, 0xFF, 0x0A]);
        var report = folder.Ingest();

        report.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "a.md:2: error: the file is not valid UTF-8 (byte 0xFF at offset 2); save it as UTF-8; the days stored from its previous version are kept");
        report.DaysStored.Should().Be(1);
    }

    [Fact]
    public void An_unreadable_new_file_is_rejected_without_claiming_to_keep_anything()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day);
        folder.Ingest();

        folder.WriteBytes("b.md", [0x23, 0x0A, 0xFF, 0x0A]);
        var report = folder.Ingest();

        report.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "b.md:2: error: the file is not valid UTF-8 (byte 0xFF at offset 2); save it as UTF-8");
        report.FilesRejected.Should().Be(1);
    }
}
