using DailyPapers.Core.Parsing;
using DailyPapers.Core.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>
/// What an ingest keeps beside the rows pages show: the change log running apps evict cached pages by, the totals and
/// best values kept on papers and authors, the file records that let the next run skip unchanged files, and the counts
/// of its report.
/// </summary>
public sealed class IngestBookkeepingTests
{
    private const string DayOne = """
        ## Daily Papers (2024-05-01)

        ### [Shared Paper](https://arxiv.org/abs/2405.00001)

        Vote: 5

        Authors: Ann Lee, Bo Kim

        - 첫째 날 요약.

        ### [Only On Day One](https://arxiv.org/abs/2405.00002)

        Vote: 3

        Authors: Ann Lee

        - 하루만.

        """;

    private const string DayTwo = """
        ## Daily Papers (2024-05-02)

        ### [Shared Paper](https://arxiv.org/abs/2405.00001)

        Vote: 9

        Authors: Ann Lee, Bo Kim

        - 둘째 날 요약.

        ### [No Votes Yet](https://arxiv.org/abs/2405.00003)

        Vote: -

        Authors: Cy Park

        - 표 없음.

        """;

    [Fact]
    public void Papers_keep_their_latest_day_and_best_votes_and_authors_their_totals()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", DayOne);
        folder.Write("b.md", DayTwo);

        folder.Ingest();

        using var db = folder.Context();
        db.Papers.OrderBy(p => p.ArxivId).Select(p => new { p.ArxivId, p.LatestDate, p.TopVotes }).ToList().Should().Equal(
            new { ArxivId = "2405.00001", LatestDate = (DateOnly?)new DateOnly(2024, 5, 2), TopVotes = (int?)9 },
            new { ArxivId = "2405.00002", LatestDate = (DateOnly?)new DateOnly(2024, 5, 1), TopVotes = (int?)3 },
            new { ArxivId = "2405.00003", LatestDate = (DateOnly?)new DateOnly(2024, 5, 2), TopVotes = (int?)null });
        // An author's votes add up each paper's best day: 9 for the shared paper (not 5 + 9), 3 for the other.
        db.Authors.OrderBy(a => a.Name).Select(a => new { a.Name, a.PaperCount, a.VoteCount }).ToList().Should().Equal(
            new { Name = "Ann Lee", PaperCount = 2, VoteCount = 12 },
            new { Name = "Bo Kim", PaperCount = 1, VoteCount = 9 },
            new { Name = "Cy Park", PaperCount = 1, VoteCount = 0 });
        db.Days.OrderBy(d => d.Date).Select(d => d.PaperCount).Should().Equal(2, 2);
        db.Meta.Where(m => m.Key == "PaperCount" || m.Key == "AuthorCount").OrderBy(m => m.Key).Select(m => m.Value).Should().Equal("3", "3");
    }

    [Fact]
    public void A_new_listing_with_more_votes_raises_the_authors_total_without_relinking_them()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", DayOne);
        folder.Ingest();

        folder.Write("b.md", DayTwo);
        folder.Ingest();

        using var db = folder.Context();
        db.Authors.Single(a => a.Name == "Bo Kim").VoteCount.Should().Be(9);
    }

    [Fact]
    public void The_change_log_names_the_days_papers_and_authors_an_ingest_touched()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", DayOne);
        folder.Ingest();
        var seen = LastChange(folder);

        folder.Write("b.md", DayTwo);
        folder.Ingest();

        // "terms": the week's and month's term counts were settled at the end, and the listings showing rising terms go.
        ChangesSince(folder, seen).Should().BeEquivalentTo(
            "day:2024-05-02", "terms", "paper:2405.00001", "paper:2405.00003", "author:ann-lee", "author:bo-kim", "author:cy-park");
    }

    [Fact]
    public void Removing_a_file_logs_its_day_and_the_papers_and_authors_that_went_with_it()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", DayOne);
        var b = folder.Write("b.md", DayTwo);
        folder.Ingest();
        var seen = LastChange(folder);

        File.Delete(b);
        folder.Ingest();

        ChangesSince(folder, seen).Should().Contain(["day:2024-05-02", "paper:2405.00003", "author:cy-park", "paper:2405.00001"]);
        using var db = folder.Context();
        db.Papers.Single(p => p.ArxivId == "2405.00001").TopVotes.Should().Be(5, "the best votes left are the first day's");
    }

    [Fact]
    public void An_unchanged_run_logs_nothing()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", DayOne);
        folder.Ingest();
        var seen = LastChange(folder);

        folder.Ingest();

        ChangesSince(folder, seen).Should().BeEmpty();
    }

    [Fact]
    public void A_touched_file_records_its_new_time_so_the_next_run_skips_it_by_stat_alone()
    {
        using var folder = new IngestFolder();
        var path = folder.Write("a.md", DayOne);
        folder.Ingest();
        var touched = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, touched);

        folder.Ingest().FilesUnchanged.Should().Be(1);

        using var db = folder.Context();
        db.SourceFiles.Single().LastWriteUtc.Should().Be(touched);
    }

    [Fact]
    public void An_edit_that_keeps_the_time_stamp_is_still_seen_by_its_length()
    {
        using var folder = new IngestFolder();
        var path = folder.Write("a.md", DayOne);
        folder.Ingest();
        var stamp = File.GetLastWriteTimeUtc(path);

        // Some copy tools keep the time stamp: a different length alone must send the file to be read again.
        File.WriteAllText(path, DayOne.Replace("Vote: 5", "Vote: 55", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, stamp);
        var report = folder.Ingest();

        report.FilesIngested.Should().Be(1);
        using var db = folder.Context();
        db.Papers.Single(p => p.ArxivId == "2405.00001").TopVotes.Should().Be(55);
    }

    [Fact]
    public void The_report_counts_what_the_run_did()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", DayOne);
        var b = folder.Write("b.md", DayTwo);
        folder.Ingest();

        File.Delete(b);
        folder.Write("c.md", DayTwo.Replace("2024-05-02", "2024-05-03", StringComparison.Ordinal));
        folder.Write("d.md", "no day here\n");
        var report = folder.Ingest();

        report.Should().BeEquivalentTo(new
        {
            FilesSeen = 3,
            FilesIngested = 1,
            FilesUnchanged = 1,
            FilesRemoved = 1,
            FilesRejected = 1,
            PapersRead = 2,
            DaysStored = 2,
            PapersStored = 3,
            AuthorsStored = 3,
            DataChanged = true,
        });
    }

    [Fact]
    public void Hidden_folders_are_not_read()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", DayOne);
        folder.Write(".git/b.md", DayTwo);
        folder.Write("sub/.cache/c.md", DayTwo);

        var report = folder.Ingest();

        report.FilesSeen.Should().Be(1);
        report.DaysStored.Should().Be(1);
    }

    [Fact]
    public void A_file_with_warnings_keeps_them_on_its_record_and_one_without_keeps_none()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", DayOne);
        folder.Write("b.md", DayTwo + "## Some notes\n\n## More notes\n");

        folder.Ingest();

        using var db = folder.Context();
        var files = db.SourceFiles.OrderBy(f => f.Path).ToList();
        files[0].Warnings.Should().BeNull();
        RejectionLog.Read("b.md", files[1].Warnings!).Should().Equal(
            new Diagnostic(Severity.Warning, "b.md", 18, "unrecognised heading 'Some notes' is kept in the day's notes"),
            new Diagnostic(Severity.Warning, "b.md", 20, "unrecognised heading 'More notes' is kept in the day's notes"));
        files.Should().OnlyContain(f => !f.HasErrors);
    }

    private static long LastChange(IngestFolder folder)
    {
        using var db = folder.Context();
        return db.Changes.Max(c => (long?)c.Id) ?? 0;
    }

    private static List<string> ChangesSince(IngestFolder folder, long id)
    {
        using var db = folder.Context();
        return [.. db.Changes.Where(c => c.Id > id).Select(c => c.Tag).Distinct()];
    }
}
