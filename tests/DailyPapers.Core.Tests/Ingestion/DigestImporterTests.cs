using DailyPapers.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Core.Tests.Ingestion;

public sealed class DigestImporterTests
{
    private const string TwoPaperDay = """
        ## Daily Papers (2024-05-01)

        ### [Shared Paper, first listing](https://arxiv.org/abs/2405.00001)

        Vote: 5

        Authors: Ann Lee, Bo Kim

        - 첫째 날 요약.

        ### [Only On Day One](https://arxiv.org/abs/2405.00002)

        Vote: 3

        Authors: Cy Park

        - 하루만.

        """;

    private const string LaterDay = """
        ## Daily Papers (2024-05-02)

        ### [Shared Paper, second listing](https://arxiv.org/abs/2405.00001v2)

        Vote: 9

        Authors: Ann Lee, Dee Dee

        - 둘째 날 요약.

        """;

    [Fact]
    public void Seeds_land_as_65_papers_on_5_days()
    {
        using var folder = new IngestFolder().WithSeeds();

        var report = folder.Ingest();

        report.FilesSeen.Should().Be(5);
        report.FilesIngested.Should().Be(5);
        report.FilesRejected.Should().Be(0);
        report.DaysStored.Should().Be(5);
        report.PapersStored.Should().Be(65);
        using var db = folder.Context();
        var paper = db.Papers.Include(p => p.Authors).ThenInclude(a => a.Author).Single(p => p.ArxivId == "2401.08541");
        paper.Authors.Should().HaveCount(8);
        paper.Authors.OrderBy(a => a.Position).Select(a => a.Author!.Name).Should().OnlyHaveUniqueItems();
        db.Papers.Single(p => p.Title.StartsWith("Aurora-M")).AuthorsTruncated.Should().BeTrue();
        db.Appearances.Where(a => a.Day!.Date == new DateOnly(2024, 1, 17)).OrderBy(a => a.Position).Select(a => a.Votes)
            .Should().Equal(21, 17, 12, 11, 8, 8, 7, 7, 2);
        db.Papers.Single(p => p.ArxivId == "2402.03286").VideoUrl.Should().EndWith("WuqBtMvZE5Y_iIk5b8d_r.mp4");
        db.Papers.Count(p => p.ThumbnailUrl != null).Should().BeGreaterThan(40);
        db.Authors.Select(a => a.Slug).Should().OnlyHaveUniqueItems();
    }

    [DailyPapers.Testing.CorpusFact]
    public void Every_corpus_paper_lands()
    {
        using var folder = new IngestFolder();

        var report = new DailyPapers.Core.Ingestion.DigestImporter(folder.ConnectionString).Ingest(TestPaths.Corpus);

        report.FilesSeen.Should().Be(138);
        report.FilesRejected.Should().Be(0);
        report.DaysStored.Should().Be(138);
        report.PapersStored.Should().Be(1664);
        report.Diagnostics.Should().BeEmpty();
        using var db = folder.Context();
        db.Appearances.Count().Should().Be(1664);
        db.Appearances.Count(a => a.Votes == null).Should().BeGreaterThan(0, "the oldest digests have no vote counts");
    }

    [Fact]
    public void A_paper_listed_on_two_days_is_one_paper_with_two_appearances()
    {
        using var folder = new IngestFolder();
        folder.Write("2024/05/01.md", TwoPaperDay);
        folder.Write("2024/05/02.md", LaterDay);

        folder.Ingest();

        using var db = folder.Context();
        var paper = db.Papers.Include(p => p.Appearances).ThenInclude(a => a.Day).Include(p => p.Authors).ThenInclude(a => a.Author).Single(p => p.ArxivId == "2405.00001");
        paper.Appearances.Select(a => (a.Day!.Date, a.Votes)).Should().BeEquivalentTo([(new DateOnly(2024, 5, 1), (int?)5), (new DateOnly(2024, 5, 2), (int?)9)]);
        paper.Title.Should().Be("Shared Paper, second listing", "the latest day speaks for the paper");
        paper.ArxivVersion.Should().Be(2);
        paper.Authors.OrderBy(a => a.Position).Select(a => a.Author!.Name).Should().Equal("Ann Lee", "Dee Dee");
        db.Authors.Count(a => a.Name == "Ann Lee").Should().Be(1);
    }

    [Fact]
    public void Removing_the_later_day_gives_a_shared_paper_back_its_earlier_content()
    {
        using var folder = new IngestFolder();
        folder.Write("2024/05/01.md", TwoPaperDay);
        var later = folder.Write("2024/05/02.md", LaterDay);
        folder.Ingest();

        File.Delete(later);
        var report = folder.Ingest();

        report.FilesRemoved.Should().Be(1);
        using var db = folder.Context();
        var paper = db.Papers.Include(p => p.Appearances).Include(p => p.Authors).ThenInclude(a => a.Author).Single(p => p.ArxivId == "2405.00001");
        paper.Appearances.Should().ContainSingle();
        paper.Title.Should().Be("Shared Paper, first listing");
        paper.SummaryMarkdown.Should().Be("- 첫째 날 요약.");
        paper.Authors.Select(a => a.Author!.Name).Should().BeEquivalentTo("Ann Lee", "Bo Kim");
        db.Authors.Any(a => a.Name == "Dee Dee").Should().BeFalse("an author left without papers is removed");
    }

    [Fact]
    public void Ingesting_twice_leaves_exactly_the_same_rows()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        var before = folder.DumpRows();

        var report = folder.Ingest();

        report.FilesUnchanged.Should().Be(5);
        report.FilesIngested.Should().Be(0);
        report.DataChanged.Should().BeFalse();
        folder.DumpRows().Should().Be(before);
    }

    [Fact]
    public void A_touched_but_unchanged_file_is_recognised_by_its_hash()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        var before = folder.DumpRows();
        File.SetLastWriteTimeUtc(Path.Combine(folder.DataDirectory, "2024-01-17.md"), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var report = folder.Ingest();

        report.FilesUnchanged.Should().Be(5);
        report.DataChanged.Should().BeFalse();
        folder.DumpRows().Replace("2030-01-01 00:00:00", "", StringComparison.Ordinal).Split('\n').Length.Should().Be(before.Split('\n').Length);
    }

    [Fact]
    public void An_edited_file_updates_only_its_day()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        using (var db = folder.Context())
        {
            db.Days.Single(d => d.Date == new DateOnly(2024, 2, 6)).Id.Should().BeGreaterThan(0);
        }

        var otherDaysBefore = DayRows(folder, exclude: new DateOnly(2024, 1, 17));
        var path = Path.Combine(folder.DataDirectory, "2024-01-17.md");
        folder.Write("2024-01-17.md", File.ReadAllText(path).Replace("Vote: 21", "Vote: 99", StringComparison.Ordinal));

        var report = folder.Ingest();

        report.FilesIngested.Should().Be(1);
        report.FilesUnchanged.Should().Be(4);
        DayRows(folder, exclude: new DateOnly(2024, 1, 17)).Should().Equal(otherDaysBefore);
        using var after = folder.Context();
        after.Appearances.Single(a => a.Paper!.ArxivId == "2401.08541").Votes.Should().Be(99);
        after.Papers.Count().Should().Be(65);
    }

    [Fact]
    public void A_removed_file_removes_its_day_and_papers_listed_only_there()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();

        File.Delete(Path.Combine(folder.DataDirectory, "2024-01-17.md"));
        var report = folder.Ingest();

        report.FilesRemoved.Should().Be(1);
        report.DaysStored.Should().Be(4);
        report.PapersStored.Should().Be(56);
        using var db = folder.Context();
        db.Papers.Any(p => p.ArxivId == "2401.08541").Should().BeFalse();
        db.Authors.Count().Should().Be(db.PaperAuthors.Select(pa => pa.AuthorId).Distinct().Count());
    }

    [Fact]
    public void Broken_files_are_reported_by_file_and_line_while_the_rest_lands()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.WriteBytes("broken/latin1.md", [.. "## Daily Papers (2024-06-01)\n\n### [Caf"u8.ToArray(), 0xE9, .. "](https://arxiv.org/abs/2406.00001)\n"u8.ToArray()]);
        folder.Write("broken/no-heading.md", "### [Paper](https://arxiv.org/abs/2406.00002)\n\n- 요약\n");
        folder.Write("broken/no-link.md", "## Daily Papers (2024-06-03)\n\n### Missing link\n\n- 링크 없음\n\n### [Fine](https://arxiv.org/abs/2406.00003)\n\n- 좋음\n");
        folder.Write("broken/truncated.md", "## Daily Papers (2024-06-04)\n\n### [Whole](https://arxiv.org/abs/2406.00004)\n\n- 요약\n\n### [Cut](https://arxiv.org/abs/2406.00005)\n\nAuthors: Ann Le");
        folder.Write("broken/same-date.md", "## Daily Papers (2024-01-17)\n\n### [Impostor](https://arxiv.org/abs/2406.00006)\n\n- 같은 날짜\n");
        File.CreateSymbolicLink(Path.Combine(folder.DataDirectory, "broken", "unreadable.md"), Path.Combine(folder.DataDirectory, "nowhere.md"));

        var report = folder.Ingest();

        var messages = report.Diagnostics.Select(d => d.ToString()).ToList();
        messages.Should().Contain(m => m.StartsWith("broken/latin1.md:3: error: the file is not valid UTF-8", StringComparison.Ordinal));
        messages.Should().Contain(m => m.StartsWith("broken/no-heading.md:1: error: no day heading", StringComparison.Ordinal));
        messages.Should().Contain(m => m.StartsWith("broken/no-link.md:3: warning: paper heading 'Missing link' has no link", StringComparison.Ordinal));
        messages.Should().Contain(m => m.StartsWith("broken/truncated.md:7: warning: paper 2406.00005 has no summary (the file may be truncated here)", StringComparison.Ordinal));
        messages.Should().Contain(m => m.StartsWith("broken/same-date.md:1: error: day 2024-01-17 is already provided by 2024-01-17.md", StringComparison.Ordinal));
        messages.Should().Contain(m => m.StartsWith("broken/unreadable.md: error: the file cannot be read", StringComparison.Ordinal));
        report.FilesRejected.Should().Be(4);
        report.FilesIngested.Should().Be(7);
        report.DaysStored.Should().Be(7);
        using var db = folder.Context();
        db.Papers.Select(p => p.ArxivId).Should().Contain(["2406.00003", "2406.00004", "2406.00005"]).And.NotContain(["2406.00001", "2406.00002", "2406.00006"]);
        db.Days.Single(d => d.Date == new DateOnly(2024, 6, 3)).NotesMarkdown.Should().Contain("### Missing link");
        db.Appearances.Count(a => a.Day!.Date == new DateOnly(2024, 1, 17)).Should().Be(9);
    }

    [Fact]
    public void A_rejected_edit_keeps_the_day_stored_from_the_good_version()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();

        folder.WriteBytes("2024-01-17.md", [0x23, 0x23, 0x20, 0xFF, 0xFE, 0x0A]);
        var report = folder.Ingest();

        report.FilesRejected.Should().Be(1);
        report.Diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error)
            .Which.ToString().Should().Be("2024-01-17.md:1: error: the file is not valid UTF-8 (byte 0xFF at offset 3); save it as UTF-8; the days stored from its previous version are kept");
        report.PapersStored.Should().Be(65);
        folder.Ingest().FilesRejected.Should().Be(1, "the broken file is reported again until it is fixed");
    }

    [Fact]
    public void A_date_claimed_twice_goes_to_the_first_file_until_it_is_gone()
    {
        using var folder = new IngestFolder();
        var first = folder.Write("a.md", TwoPaperDay);
        folder.Write("b.md", TwoPaperDay.Replace("Only On Day One", "Second Claim", StringComparison.Ordinal));

        var report = folder.Ingest();

        report.FilesRejected.Should().Be(1);
        report.Diagnostics.Single().ToString().Should().Be("b.md:1: error: day 2024-05-01 is already provided by a.md; this file's copy is not stored");
        File.Delete(first);
        var second = folder.Ingest();
        second.FilesRejected.Should().Be(0);
        using var db = folder.Context();
        db.Papers.Select(p => p.Title).Should().Contain("Second Claim");
    }

    [Fact]
    public void Files_nest_in_folders_and_may_be_named_anything()
    {
        using var folder = new IngestFolder();
        folder.Write("2024/05/whatever-name.md", TwoPaperDay);
        folder.Write("notes.txt", "not a digest");

        var report = folder.Ingest();

        report.FilesSeen.Should().Be(1);
        report.DaysStored.Should().Be(1);
    }

    [Fact]
    public void A_missing_data_directory_is_an_error_not_an_empty_dataset()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();

        var missing = () => new DailyPapers.Core.Ingestion.DigestImporter(folder.ConnectionString).Ingest(Path.Combine(folder.DataDirectory, "nope"));

        missing.Should().Throw<DirectoryNotFoundException>().WithMessage("*nope*");
        using var db = folder.Context();
        db.Days.Count().Should().Be(5);
    }

    private static List<string> DayRows(IngestFolder folder, DateOnly exclude)
    {
        using var db = folder.Context();
        return [.. db.Appearances.Where(a => a.Day!.Date != exclude).OrderBy(a => a.Id)
            .Select(a => $"{a.Id} {a.DayId} {a.PaperId} {a.Position} {a.Votes} {a.Paper!.Title}")];
    }

    [Fact]
    public void Digits_from_other_scripts_are_a_reported_error_not_a_crash()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Write("arabic-date.md", "## Daily Papers (٢٠٢٤-٠١-٠١)\n\n### [X](https://arxiv.org/abs/2401.00001)\n\n- 요약\n");
        folder.Write("arabic-version.md", "## Daily Papers (2024-06-10)\n\n### [Y](https://arxiv.org/abs/2401.00002v٣)\n\n- 요약\n");

        var report = folder.Ingest();

        report.Diagnostics.Select(d => d.ToString()).Should().Contain(m => m.StartsWith("arabic-date.md:1: error:", StringComparison.Ordinal))
            .And.Contain(m => m.StartsWith("arabic-version.md:3: warning: paper heading 'Y' links to", StringComparison.Ordinal));
        report.DaysStored.Should().Be(6);
        report.PapersStored.Should().Be(65);
    }

    [Fact]
    public void Ingesting_another_folder_into_the_same_database_is_refused_unless_replacing()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        var other = Path.Combine(folder.DataDirectory, "..", "other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "d.md"), TwoPaperDay);
        var importer = new DailyPapers.Core.Ingestion.DigestImporter(folder.ConnectionString);

        var refused = () => importer.Ingest(other);

        refused.Should().Throw<DailyPapers.Core.Ingestion.IngestRefusedException>().Which.Message.Should().Be(
            $"The database holds digests ingested from {Path.GetFullPath(folder.DataDirectory)}; ingesting {Path.GetFullPath(other)} would remove them. " +
            "Pass --replace to replace them with this folder's, or give another database.");
        folder.Ingest().DaysStored.Should().Be(5, "nothing was removed");
        importer.Ingest(other, new DailyPapers.Core.Ingestion.IngestOptions(Replace: true)).DaysStored.Should().Be(1);
    }

    [Fact]
    public void A_database_holding_only_the_sample_digests_is_replaced_by_another_folder_without_asking()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        var other = Path.Combine(folder.DataDirectory, "..", "other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "d.md"), TwoPaperDay);
        var importer = new DailyPapers.Core.Ingestion.DigestImporter(folder.ConnectionString);

        var report = importer.Ingest(other, new DailyPapers.Core.Ingestion.IngestOptions(Sample: TestPaths.SeedData));

        report.ReplacedSample.Should().Be(Path.GetFullPath(folder.DataDirectory));
        report.DaysStored.Should().Be(1);
        report.FilesRemoved.Should().Be(5);
    }

    [Fact]
    public void A_database_holding_the_sample_and_one_file_of_a_users_is_never_replaced_without_asking()
    {
        using var folder = new IngestFolder().WithSeeds();
        // The same name as a sample file, other content: only the content says whose a file is.
        File.WriteAllText(Path.Combine(folder.DataDirectory, "2024-04-02.md"), TwoPaperDay);
        folder.Ingest();
        var other = Path.Combine(folder.DataDirectory, "..", "other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "d.md"), TwoPaperDay);
        var importer = new DailyPapers.Core.Ingestion.DigestImporter(folder.ConnectionString);

        var refused = () => importer.Ingest(other, new DailyPapers.Core.Ingestion.IngestOptions(Sample: TestPaths.SeedData));

        refused.Should().Throw<DailyPapers.Core.Ingestion.IngestRefusedException>();
        folder.Ingest().DaysStored.Should().Be(5, "nothing was removed");
    }

    [Fact]
    public void An_emptied_folder_does_not_wipe_the_database_unless_replacing()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        foreach (var file in Directory.GetFiles(folder.DataDirectory))
        {
            File.Delete(file);
        }

        var importer = new DailyPapers.Core.Ingestion.DigestImporter(folder.ConnectionString);

        importer.Invoking(i => i.Ingest(folder.DataDirectory)).Should().Throw<DailyPapers.Core.Ingestion.IngestRefusedException>().Which.Message.Should().Be(
            $"{Path.GetFullPath(folder.DataDirectory)} holds no *.md digests; refusing to remove the 5 files' days stored from it. " +
            "If the folder is really empty now, pass --replace.");
        importer.Ingest(folder.DataDirectory, new DailyPapers.Core.Ingestion.IngestOptions(Replace: true)).DaysStored.Should().Be(0);
    }

    [Fact]
    public void A_day_moved_to_another_file_lands_in_the_same_run()
    {
        using var folder = new IngestFolder();
        var old = folder.Write("b.md", TwoPaperDay);
        folder.Ingest();

        File.Delete(old);
        folder.Write("a.md", TwoPaperDay.Replace("Only On Day One", "Moved", StringComparison.Ordinal));
        var report = folder.Ingest();

        report.FilesRejected.Should().Be(0);
        report.DaysStored.Should().Be(1);
        using var db = folder.Context();
        db.Papers.Select(p => p.Title).Should().Contain("Moved");
    }

    [Fact]
    public void A_day_moved_out_of_a_file_that_stays_is_taken_by_the_file_that_now_claims_it()
    {
        using var folder = new IngestFolder();
        folder.Write("b.md", TwoPaperDay + "\n" + LaterDay);
        folder.Ingest();

        folder.Write("b.md", LaterDay);
        folder.Write("a.md", TwoPaperDay);
        var report = folder.Ingest();

        report.FilesRejected.Should().Be(0, string.Join("\n", report.Diagnostics));
        report.DaysStored.Should().Be(2);
    }

    [Fact]
    public void A_redated_listing_does_not_take_over_from_a_later_day()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", TwoPaperDay);
        folder.Write("b.md", LaterDay);
        folder.Ingest();

        // b.md's day moves before a.md's: a.md (2024-05-01) is now the latest listing of the shared paper.
        folder.Write("b.md", LaterDay.Replace("2024-05-02", "2024-04-30", StringComparison.Ordinal));
        folder.Ingest();

        using var db = folder.Context();
        db.Papers.Single(p => p.ArxivId == "2405.00001").Title.Should().Be("Shared Paper, first listing");
    }

    [Fact]
    public void Rows_from_an_older_parser_are_read_again()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(folder.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE Meta SET Value = 'old' WHERE Key = 'ParserVersion'; UPDATE Papers SET SummaryHtml = 'stale'";
            command.ExecuteNonQuery();
        }

        var report = folder.Ingest();

        report.DataChanged.Should().BeTrue();
        using var db = folder.Context();
        db.Papers.Count(p => p.SummaryHtml == "stale").Should().Be(0);
        folder.Ingest().DataChanged.Should().BeFalse();
    }
}
