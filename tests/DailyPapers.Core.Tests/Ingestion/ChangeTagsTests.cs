using DailyPapers.Core.Ingestion;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>The names an ingest gives what it changed, which the web app reads back to evict cached pages.</summary>
public sealed class ChangeTagsTests
{
    [Fact]
    public void Tags_name_a_day_a_paper_and_an_author()
    {
        ChangeTags.Day(new DateOnly(2024, 5, 1)).Should().Be("day:2024-05-01");
        ChangeTags.Paper("2405.00001").Should().Be("paper:2405.00001");
        ChangeTags.Author("ann-lee").Should().Be("author:ann-lee");
    }

    [Fact]
    public void A_day_tag_reads_back_as_its_date()
    {
        ChangeTags.TryParseDay(ChangeTags.Day(new DateOnly(2024, 5, 1)), out var date).Should().BeTrue();
        date.Should().Be(new DateOnly(2024, 5, 1));
    }

    [Theory]
    [InlineData("paper:2405.00001")]
    [InlineData("author:2024-05-01")]
    [InlineData("day:2024-5-1")]
    [InlineData("day:")]
    [InlineData("*")]
    [InlineData("Day:2024-05-01")]
    public void Other_tags_are_not_days(string tag)
    {
        ChangeTags.TryParseDay(tag, out var date).Should().BeFalse();
        date.Should().Be(default);
    }

    [Fact]
    public void A_report_sums_itself_up_in_one_line()
    {
        var report = new IngestReport(
            7, 3, 2, 1, 1, 40, 6, 35, 90, true,
            [new Diagnostic(Severity.Warning, "a.md", 1, "w"), new Diagnostic(Severity.Error, "b.md", 2, "e"), new Diagnostic(Severity.Warning, "c.md", 3, "w")],
            TimeSpan.FromMilliseconds(1234.4));

        report.Warnings.Should().Be(2);
        report.Errors.Should().Be(1);
        report.Summary.Should().Be(
            "7 files (3 ingested, 2 unchanged, 1 removed, 1 rejected); stored: 6 days, 35 papers, 90 authors; 2 warnings, 1 errors; 1234 ms");
    }
}
