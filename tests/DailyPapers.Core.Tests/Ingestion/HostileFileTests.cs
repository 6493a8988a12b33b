using System.Text;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>
/// Files made to hurt, generated here: each is rejected with its file and line (or read safely), fast, and what was
/// stored before is kept.
/// </summary>
public sealed class HostileFileTests
{
    private const string GoodDay = TestDigests.GoodDay;

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "deep-list", GoodDay + string.Concat(Enumerable.Range(0, 400).Select(i => new string(' ', i * 2) + "- x\n")), "indented" },
        { "deep-quote", GoodDay + new string('>', 5000) + " x\n", "nests" },
        { "long-line", GoodDay + "- " + new string('가', 200_000) + "\n", "characters long" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_file_past_a_limit_is_rejected_at_its_line_quickly_and_the_stored_day_stays(string name, string text, string reason)
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", GoodDay);
        folder.Ingest();

        folder.Write("day.md", text);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = folder.Ingest();

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), $"{name} must not make the ingest crawl");
        report.Diagnostics.Should().Contain(d => d.Severity == Severity.Error && d.File == "day.md" && d.Line > 1 && d.Message.Contains(reason, StringComparison.Ordinal));
        using var db = folder.Context();
        db.Papers.Select(p => p.Title).Should().Equal(["A Good Paper"], "the day stored from the file's good version is kept");
    }

    [Fact]
    public void A_digest_dated_far_in_the_future_is_refused_at_its_heading_and_does_not_become_the_latest_day()
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", GoodDay);
        folder.Write("typo.md", GoodDay.Replace("2024-05-01", "2999-12-31", StringComparison.Ordinal).Replace("2405.00001", "2405.00002", StringComparison.Ordinal));

        var report = folder.Ingest();

        report.Diagnostics.Should().Contain(d =>
            d.Severity == Severity.Error && d.File == "typo.md" && d.Line == 1 && d.Message.Contains("is dated 2999-12-31", StringComparison.Ordinal));
        report.Diagnostics.Should().OnlyContain(d => d.File == "typo.md");
        using var db = folder.Context();
        db.Days.Select(d => d.Date).Should().Equal([new DateOnly(2024, 5, 1)]);
    }

    [Fact]
    public void A_file_too_big_to_be_a_digest_is_not_read()
    {
        using var folder = new IngestFolder();
        folder.WriteBytes("huge.md", Encoding.UTF8.GetBytes(GoodDay + new string('x', DigestLimits.MaxBytes)));

        var report = folder.Ingest();

        report.Diagnostics.Should().ContainSingle(d => d.File == "huge.md" && d.Message.Contains("not read", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Windows_and_old_mac_line_endings_read_like_unix_ones_and_leave_no_carriage_return(string newline)
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", GoodDay.Replace("\n", newline, StringComparison.Ordinal));

        var report = folder.Ingest();

        report.Diagnostics.Should().BeEmpty();
        using var db = folder.Context();
        var paper = db.Papers.Single();
        (paper.Title + paper.SummaryMarkdown + paper.SummaryHtml).Should().NotContain("\r");
        db.Authors.Single().Name.Should().Be("Ann Lee");
    }

    [Fact]
    public void Author_names_made_different_by_invisible_characters_are_one_author()
    {
        using var folder = new IngestFolder();
        // Not a raw string: the invisible characters are written as escapes.
        folder.Write("day.md", "## Daily Papers (2024-05-01)\n\n"
            + "### [One](https://arxiv.org/abs/2405.00001)\n\nAuthors: Ann Lee, Bo Kim\n\n- 요약.\n\n"
            + "### [Two](https://arxiv.org/abs/2405.00002)\n\nAuthors: Ann\u3164 Lee, \u2061Bo Kim, \u115F\u1160\n\n- 요약.\n\n"
            + "### [Three](https://arxiv.org/abs/2405.00003)\n\nAuthors: Ann Lee\U000E0041, Bo\u180E Kim, \uFFA0\n\n- 요약.\n");

        folder.Ingest();

        using var db = folder.Context();
        db.Authors.OrderBy(a => a.Name).Select(a => a.Name).Should().Equal(["Ann Lee", "Bo Kim"]);
        db.PaperAuthors.Count().Should().Be(6);
    }

    [Fact]
    public void Invisible_and_bidi_characters_leave_titles()
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", GoodDay.Replace("[A Good Paper]", "[A\u200B Good\u202E Paper\u2066]", StringComparison.Ordinal));

        folder.Ingest();

        using var db = folder.Context();
        db.Papers.Single().Title.Should().Be("A Good Paper");
        db.Appearances.Single().Title.Should().Be("A Good Paper");
    }
}
