using DailyPapers.Core.Parsing;
using DailyPapers.Web.Pages.Days;

namespace DailyPapers.Web.Tests.Pages.Days;

/// <summary>
/// Every day a digest may have has a week and a month the pages answer: the dates the parser accepts and the years
/// <see cref="PeriodParameter"/> reads are kept in step here.
/// </summary>
public sealed class DayAddressTests : IClassFixture<DayAddressTests.YearEnd>
{
    private readonly AppFactory _app;

    public DayAddressTests(YearEnd archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        _app = archive.App;
    }

    /// <summary>A day in the last week of 2024, which ISO 8601 counts as the first week of 2025.</summary>
    public sealed class YearEnd : IDisposable
    {
        public YearEnd() => File.WriteAllText(Path.Combine(App.DataDirectory, "2024-12-30.md"), Digest("2024-12-30"));

        public AppFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    private static string Digest(string date) => $"## Daily Papers ({date})\n\n### [Year End Paper](https://arxiv.org/abs/2412.99999)\n\nVote: 1\n\n- 요약.\n";

    [Theory]
    [InlineData("1991-01-01")]
    [InlineData("2024-12-30")]
    [InlineData("2998-12-31")]
    [InlineData("2999-12-31")]
    [InlineData("3000-01-01")]
    public void Every_day_the_parser_accepts_has_a_week_and_a_month_the_pages_read(string date)
    {
        var digest = DigestParser.Parse(Digest(date), "day.md");

        foreach (var day in digest.Days)
        {
            PeriodParameter.TryParseWeek(PeriodParameter.Week(day.Date), out var week).Should().BeTrue($"{day.Date} is stored, so its week link must work");
            week.Start.Should().BeOnOrBefore(day.Date);
            week.End.Should().BeOnOrAfter(day.Date);
            PeriodParameter.TryParseMonth(PeriodParameter.Month(day.Date), out _).Should().BeTrue($"{day.Date} is stored, so its month link must work");
        }
    }

    [Fact]
    public void The_last_day_a_digest_may_have_is_the_end_of_the_last_year_the_pages_read_but_one()
    {
        DigestParser.Parse(Digest("2998-12-31"), "day.md").Days.Should().ContainSingle();
        DigestParser.Parse(Digest("2999-01-01"), "day.md").Days.Should().BeEmpty("the last days of 2999 fall in 3000-W01, which the pages do not read, so the whole year is refused");
    }

    [Fact]
    public async Task A_day_in_a_week_of_the_next_iso_year_links_to_that_week_and_the_week_lists_it()
    {
        var day = await _app.GetDocumentAsync("/days/2024-12-30");
        var weekLink = day.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Single(h => h is not null && h.StartsWith("/weeks/", StringComparison.Ordinal));

        weekLink.Should().Be("/weeks/2025-W01");
        var week = await _app.GetDocumentAsync(weekLink!);
        week.QuerySelectorAll("main article.paper .paper-title a").Select(a => a.TextContent.Trim()).Should().Contain("Year End Paper");
    }
}
