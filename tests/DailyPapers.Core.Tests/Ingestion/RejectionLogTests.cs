using DailyPapers.Core.Ingestion;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>A rejected file's diagnostics as the database keeps them between ingests, read back as they were.</summary>
public sealed class RejectionLogTests
{
    [Fact]
    public void Errors_and_warnings_come_back_with_their_lines_severities_and_messages()
    {
        var log = RejectionLog.Write(
        [
            new Diagnostic(Severity.Warning, "a.md", 3, "paper 2401.00001 has no summary"),
            new Diagnostic(Severity.Error, "a.md", 7, "the day heading has no date\nsecond line"),
        ]);

        log.Should().StartWith("[{\"line\":3,\"severity\":\"warning\",");
        RejectionLog.Read("b.md", log).Should().Equal(
            new Diagnostic(Severity.Warning, "b.md", 3, "paper 2401.00001 has no summary"),
            new Diagnostic(Severity.Error, "b.md", 7, "the day heading has no date\nsecond line"));
    }

    [Fact]
    public void A_log_an_earlier_version_wrote_is_read_as_it_was()
    {
        RejectionLog.Read("b.md", "3\twarning\tpaper 2401.00001 has no summary\n7\terror\tthe day heading has no date").Should().Equal(
            new Diagnostic(Severity.Warning, "b.md", 3, "paper 2401.00001 has no summary"),
            new Diagnostic(Severity.Error, "b.md", 7, "the day heading has no date"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a log line")]
    [InlineData("x\terror\tno line number")]
    [InlineData("[{\"line\":1,")]
    [InlineData("[]")]
    public void A_log_this_version_cannot_read_still_says_the_file_was_refused(string log)
    {
        RejectionLog.Read("c.md", log).Should().Equal(new Diagnostic(Severity.Error, "c.md", 0, "the file was rejected by an earlier ingest"));
    }
}
