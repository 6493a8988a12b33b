using DailyPapers.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>
/// A file rejected for what it holds is remembered by its content: later runs report its errors again without reading
/// or parsing it, until it changes; a fixed or removed file is forgotten.
/// </summary>
public sealed class RejectedFileMemoryTests
{
    private const string GoodDay = TestDigests.GoodDay;

    // Past the line-length limit at line 10: rejected whole.
    private static readonly string TooLong = GoodDay + "- " + new string('가', DigestLimits.MaxLineLength + 10) + "\n";

    [Fact]
    public void A_rejected_file_is_reported_again_from_memory_and_not_read_until_it_changes()
    {
        using var folder = new IngestFolder();
        var path = folder.Write("day.md", TooLong);
        var first = folder.Ingest();
        var error = first.Diagnostics.Should().ContainSingle(d => d.Severity == Severity.Error).Subject;
        error.Line.Should().Be(10);

        // The same length and time stamp with other bytes: a run that read the file would now store its day.
        var written = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, TooLong.Replace("좋은 요약.", "다른 요약.", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, written);
        var second = folder.Ingest();

        second.FilesRejected.Should().Be(1);
        second.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.File == "day.md" && d.Line == 10 && d.Message.StartsWith(error.Message, StringComparison.Ordinal) && d.Message.Contains("not read again", StringComparison.Ordinal));
        using (var db = folder.Context())
        {
            db.Papers.Should().BeEmpty("the file was not read, so nothing of it was stored");
        }

        folder.Write("day.md", GoodDay);
        var fixedRun = folder.Ingest();

        fixedRun.Diagnostics.Should().BeEmpty();
        using (var db = folder.Context())
        {
            db.Papers.Select(p => p.Title).Should().Equal("A Good Paper");
            db.RejectedFiles.Should().BeEmpty("a file that was fixed is forgotten");
        }
    }

    [Fact]
    public void The_same_rejected_bytes_under_a_new_time_stamp_are_known_by_their_hash()
    {
        using var folder = new IngestFolder();
        var path = folder.Write("day.md", TooLong);
        folder.Ingest();

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(5));
        var again = folder.Ingest();

        again.Diagnostics.Should().ContainSingle(d => d.Message.Contains("not read again", StringComparison.Ordinal));
        using var db = folder.Context();
        db.RejectedFiles.AsNoTracking().Single().LastWriteUtc.Should().Be(File.GetLastWriteTimeUtc(path), "the next run knows it by its time stamp alone");
    }

    [Fact]
    public void A_digest_stored_with_errors_is_not_parsed_again_and_its_day_stays()
    {
        using var folder = new IngestFolder();
        // The second day heading has no valid date: an error at its line; the first day is stored.
        var text = GoodDay + "\n## Daily Papers (2024-02-30)\n\n### [Lost](https://arxiv.org/abs/2405.00002)\n\n- 요약.\n";
        var path = folder.Write("day.md", text);
        var first = folder.Ingest();
        var errors = first.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        errors.Should().NotBeEmpty();

        var written = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, text.Replace("좋은 요약.", "다른 요약.", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, written);
        var second = folder.Ingest();

        second.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => (d.Line, d.Message.Contains("not read again", StringComparison.Ordinal)))
            .Should().Equal(errors.Select(d => (d.Line, true)), "the same errors at the same lines, from memory");
        second.Diagnostics.Should().NotContain(d => d.Message.Contains("previous version", StringComparison.Ordinal), "its own days are the ones stored");
        using var db = folder.Context();
        db.Papers.Single().SummaryMarkdown.Should().Contain("좋은 요약", "the stored day is the one parsed from this content");
    }

    [Fact]
    public void A_removed_rejected_file_is_forgotten()
    {
        using var folder = new IngestFolder();
        folder.Write("good.md", GoodDay);
        var path = folder.Write("bad.md", TooLong.Replace("2024-05-01", "2024-05-02", StringComparison.Ordinal));
        folder.Ingest();

        File.Delete(path);
        var report = folder.Ingest();

        report.Diagnostics.Should().BeEmpty();
        using var db = folder.Context();
        db.RejectedFiles.Should().BeEmpty();
    }

    [Fact]
    public void A_new_parser_reads_remembered_files_again()
    {
        using var folder = new IngestFolder();
        var path = folder.Write("day.md", TooLong);
        folder.Ingest();
        using (var db = folder.Context())
        {
            db.Database.ExecuteSqlRaw("UPDATE Meta SET Value = 'an older parser' WHERE Key = 'ParserVersion'");
        }

        var report = folder.Ingest();

        report.Diagnostics.Should().ContainSingle(d => d.File == "day.md" && d.Line == 10)
            .Which.Message.Should().NotContain("not read again", "a new parser may accept what the old one refused");
        File.Exists(path).Should().BeTrue();
    }
}
