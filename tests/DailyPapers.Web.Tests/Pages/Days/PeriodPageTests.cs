using System.Net;

namespace DailyPapers.Web.Tests.Pages.Days;

/// <summary>Week and month listings, the archive's month links, and a missing day that says why it is missing.</summary>
[Collection(SharedApp.Name)]
public sealed class PeriodPageTests(AppFactory app)
{
    [Fact]
    public async Task A_month_lists_its_digests_day_by_day_with_its_neighbours_and_ranking()
    {
        var page = await app.GetDocumentAsync("/months/2024-01");

        page.QuerySelectorAll("main .period-day h2 time").Select(t => t.GetAttribute("datetime")).Should().Equal("2024-01-19", "2024-01-17");
        page.QuerySelectorAll("main .period-day").Sum(d => d.QuerySelectorAll("article.paper").Length)
            .Should().Be(Seeds.Papers.Count(s => s.Day.Date.Year == 2024 && s.Day.Date.Month == 1));
        page.QuerySelector("a[rel=prev]")!.GetAttribute("href").Should().Be("/months/2023-12");
        page.QuerySelector("a[rel=next]")!.GetAttribute("href").Should().Be("/months/2024-02");
        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).Should().Contain("/top?period=month&date=2024-01-01");
    }

    [Fact]
    public async Task A_week_lists_the_days_of_its_iso_week()
    {
        var page = await app.GetDocumentAsync("/weeks/2024-W03");

        page.QuerySelectorAll("main .period-day h2 time").Select(t => t.GetAttribute("datetime")).Should().Equal("2024-01-19", "2024-01-17");
        page.QuerySelector("main h1")!.TextContent.Should().Contain("3주차");
    }

    [Theory]
    [InlineData("/weeks/2024-W54", "week")]
    [InlineData("/weeks/2024-05", "week")]
    [InlineData("/months/2024-13", "month")]
    [InlineData("/days?month=yesterday", "month")]
    public async Task Malformed_periods_answer_400_naming_the_parameter(string url, string parameter)
    {
        var page = await app.GetDocumentAsync(url, HttpStatusCode.BadRequest);

        page.Body!.TextContent.Should().Contain(parameter);
    }

    [Fact]
    public async Task Archive_month_headings_lead_to_the_month_and_its_ranking()
    {
        var page = await app.GetDocumentAsync("/days");

        var links = page.QuerySelectorAll("main .month h2 a").Select(a => a.GetAttribute("href")).ToList();
        links.Should().Contain(["/months/2024-02", "/top?period=month&date=2024-02-01"]);
    }

    [Theory]
    [InlineData("2024-01-20", "주말")]
    [InlineData("2024-01-18", "발행되지 않았습니다")]
    [InlineData("2030-01-01", "가장 최근 다이제스트는 2024-04-02")]
    public async Task A_missing_day_says_why_and_links_the_nearest_digests(string date, string reason)
    {
        var page = await app.GetDocumentAsync("/days/" + date, HttpStatusCode.NotFound);

        page.QuerySelector("main .not-found")!.TextContent.Should().Contain(reason);
        page.QuerySelectorAll("main .nearest a").Should().NotBeEmpty();
    }
}
