using System.Text;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>
/// Files made to hurt, generated here: each is rejected with its file and line (or read safely, with a warning at its
/// line), and what was stored before is kept. How fast and in how much memory is the <c>hostile</c> benchmark's to say.
/// </summary>
public sealed class HostileFileTests
{
    private const string GoodDay = TestDigests.GoodDay;

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "deep-list", GoodDay + string.Concat(Enumerable.Range(0, 400).Select(i => new string(' ', i * 2) + "- x\n")), "indented" },
        { "deep-quote", GoodDay + new string('>', 5000) + " x\n", "nests" },
        { "long-line", GoodDay + "- " + new string('가', 200_000) + "\n", "characters long" },
        { "many-lines", GoodDay + string.Concat(Enumerable.Repeat("- a\n", DigestLimits.MaxLines)), "more than 100,000 lines" },
        { "many-headings", GoodDay + string.Concat(Enumerable.Repeat("### a\n", DigestLimits.MaxHeadings)), "heading number 10,001" },
        { "dense-markup", GoodDay + string.Concat(Enumerable.Repeat(string.Concat(Enumerable.Repeat("*a* ", 2_000)) + "\n\n", 60)), "markup characters" },
    };

    /// <remarks>How long each takes is measured in bench/ (<c>hostile</c>), not here.</remarks>
    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_file_past_a_limit_is_rejected_at_its_line_and_the_stored_day_stays(string name, string text, string reason)
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", GoodDay);
        folder.Ingest();

        folder.Write("day.md", text);
        var report = folder.Ingest();

        report.Diagnostics.Should().ContainSingle(name);
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
    public void Unclosed_links_past_the_limit_are_stored_as_text_with_a_warning_naming_file_and_line()
    {
        using var folder = new IngestFolder();
        var links = string.Concat(Enumerable.Repeat("[a](", 15_000));
        folder.Write("day.md", GoodDay + links + "\n");

        var report = folder.Ingest();

        report.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Severity == Severity.Warning && d.File == "day.md" && d.Line == 10 && d.Message.Contains("kept as literal text", StringComparison.Ordinal));
        using var db = folder.Context();
        var paper = db.Papers.Single();
        paper.SummaryMarkdown.Replace("\\", "", StringComparison.Ordinal).Should().EndWith(links, "the text is kept, escaped");
        paper.SummaryHtml.Split("[a](").Length.Should().Be(15_001);
    }

    [Fact]
    public void A_file_that_nests_past_markdigs_limit_is_stored_and_the_files_after_it_too()
    {
        // Unclosed brackets nest; Markdig refuses past 128 levels and once left its renderer broken for later files.
        using var folder = new IngestFolder();
        folder.Write("a.md", GoodDay + string.Concat(Enumerable.Repeat("[a", 200)) + "\n");
        for (var day = 2; day <= 4; day++)
        {
            folder.Write($"b{day}.md", GoodDay.Replace("2024-05-01", $"2024-05-0{day}", StringComparison.Ordinal).Replace("2405.00001", $"2405.0000{day}", StringComparison.Ordinal));
        }

        var report = folder.Ingest();

        report.Diagnostics.Should().ContainSingle(d => d.File == "a.md" && d.Severity == Severity.Warning);
        report.DaysStored.Should().Be(4);
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

    /// <summary>
    /// Control characters and non-characters written into a digest, raw and as character references, in notes, a title, a
    /// thumbnail's address, authors and a summary.
    /// </summary>
    private const string ControlDay =
        "## Daily Papers (2024-05-01)\n" +
        "\n" +
        "Notes with a bell\u0007 and a &#1; reference.\n" +
        "\n" +
        "### [A\u0001 Good&#x1F; Paper\uFFFE&#xFFFF;](https://arxiv.org/abs/2405.00001)\n" +
        "\n" +
        "![](https://example.org/thumb&#1;.png)\n" +
        "\n" +
        "Vote: 3\n" +
        "\n" +
        "Authors: Ann\u0002 Lee, Bo&#x1; Kim\u0085\n" +
        "\n" +
        "- 좋은\u001B 요약 &#x85; 그리고 &#xFDD0; 끝\u007F.\n";

    [Fact]
    public void Control_characters_and_non_characters_are_never_stored_and_each_line_holding_one_is_warned_of()
    {
        using var folder = new IngestFolder();
        folder.Write("day.md", ControlDay);

        var report = folder.Ingest();

        report.Diagnostics.Where(d => d.Severity == Severity.Warning && d.Message.Contains("dropped", StringComparison.Ordinal))
            .Select(d => (d.File, d.Line)).Should().Equal([("day.md", 3), ("day.md", 5), ("day.md", 11), ("day.md", 13)]);
        report.Diagnostics.Should().NotContain(d => d.Severity == Severity.Error);
        var dump = folder.DumpRows();
        dump.Split('\n').Where(l => l.Any(IsForbidden)).Should().BeEmpty("no stored text holds a control character or a non-character");
        using var db = folder.Context();
        var paper = db.Papers.Single();
        paper.Title.Should().Be("A Good Paper");
        paper.SummaryText.Should().Be("좋은 요약  그리고  끝.");
        db.Authors.Select(a => a.Name).Should().BeEquivalentTo(["Ann Lee", "Bo Kim"]);
    }

    /// <summary>What XML 1.0 cannot carry, the other controls and the non-characters: written out here, not asked of the code under test.</summary>
    private static bool IsForbidden(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF');
}
