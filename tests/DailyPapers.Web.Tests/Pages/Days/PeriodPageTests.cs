using System.Net;
using System.Text.Json;

namespace DailyPapers.Web.Tests.Pages.Days;

/// <summary>Week and month listings, the archive's month links, and a missing day that says why it is missing.</summary>
[Collection(SharedApp.Name)]
public sealed class PeriodPageTests(AppFactory app)
{
    [Fact]
    public async Task A_month_lists_its_papers_by_votes_and_links_each_digest_day_with_its_neighbours_and_ranking()
    {
        var page = await app.GetDocumentAsync("/months/2024-01");

        var january = Seeds.Papers.Where(s => s.Day.Date.Year == 2024 && s.Day.Date.Month == 1).ToList();
        page.QuerySelectorAll("main .period-days a").Select(a => (a.GetAttribute("href"), a.QuerySelector("small")!.TextContent)).Should().Equal(
            ("/days/2024-01-19", $"{january.Count(s => s.Day.Date.Day == 19)}편"), ("/days/2024-01-17", $"{january.Count(s => s.Day.Date.Day == 17)}편"));
        var papers = page.QuerySelectorAll("main ol.paper-list > li article.paper");
        papers.Should().HaveCount(january.Select(s => s.Paper.ArxivId).Distinct().Count());
        var votes = papers.Select(p => int.Parse(p.QuerySelector(".votes strong")?.TextContent ?? "-1", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        votes.Should().BeInDescendingOrder().And.Contain(v => v > 0);
        page.QuerySelector(".day-summary")!.TextContent.Should().Contain("다이제스트 2일").And.Contain($"논문 {papers.Length}편");
        page.QuerySelector(".day-nav a[rel=prev]")!.GetAttribute("href").Should().Be("/months/2023-12");
        page.QuerySelector(".day-nav a[rel=next]")!.GetAttribute("href").Should().Be("/months/2024-02");
        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).Should().Contain("/top?period=month&date=2024-01-01");
        page.QuerySelector(".pager").Should().BeNull("one page holds the month");
        page.Head!.QuerySelectorAll("link[rel=next], link[rel=prev]").Should().BeEmpty();
    }

    [Fact]
    public async Task A_week_lists_the_days_of_its_iso_week()
    {
        var page = await app.GetDocumentAsync("/weeks/2024-W03");

        page.QuerySelectorAll("main .period-days time").Select(t => t.GetAttribute("datetime")).Should().Equal("2024-01-19", "2024-01-17");
        page.QuerySelector("main h1")!.TextContent.Should().Contain("3주차");
    }

    [Fact]
    public async Task A_period_without_digests_answers_404_and_still_leads_to_its_neighbours()
    {
        var page = await app.GetDocumentAsync("/months/2024-03", HttpStatusCode.NotFound);

        page.QuerySelector("main .empty")!.TextContent.Should().Contain("다이제스트가 없습니다");
        page.QuerySelector(".day-nav a[rel=prev]")!.GetAttribute("href").Should().Be("/months/2024-02");
        page.QuerySelector(".day-nav a[rel=next]")!.GetAttribute("href").Should().Be("/months/2024-04");
    }

    [Theory]
    [InlineData("/weeks/2024-W54", "week")]
    [InlineData("/weeks/2024-05", "week")]
    [InlineData("/months/2024-13", "month")]
    [InlineData("/days?month=yesterday", "month")]
    [InlineData("/weeks/2024-W0%01", "week")]
    [InlineData("/months/2024-%1F", "month")]
    [InlineData("/months/99999999999999999999-02", "month")]
    [InlineData("/weeks/2024-W05?page=0", "page")]
    [InlineData("/weeks/2024-W05?page=-1", "page")]
    [InlineData("/months/2024-02?page=abc", "page")]
    [InlineData("/months/2024-02?page=99999999999999999999", "page")]
    [InlineData("/months/2024-02?page=1%00", "page")]
    [InlineData("/months/2024-02?page=2", "page")]
    public async Task Malformed_periods_answer_400_naming_the_parameter(string url, string parameter)
    {
        var page = await app.GetDocumentAsync(url, HttpStatusCode.BadRequest);

        page.QuerySelector("main code")!.TextContent.Should().Be(parameter);
    }

    [Theory]
    [InlineData("/api/weeks/2024-W54", "week")]
    [InlineData("/api/weeks/2024-W0%01", "week")]
    [InlineData("/api/months/2024-%01", "month")]
    [InlineData("/api/months/2024-02?page=0", "page")]
    [InlineData("/api/months/2024-02?page=-1", "page")]
    [InlineData("/api/weeks/2024-W06?page=abc", "page")]
    [InlineData("/api/weeks/2024-W06?page=99999999999999999999", "page")]
    [InlineData("/api/weeks/2024-W06?page=2", "page")]
    [InlineData("/feeds/weeks/2024-W99.atom", "week")]
    [InlineData("/feeds/months/2024-%7F.json", "month")]
    public async Task Malformed_periods_in_the_api_and_feeds_are_problems_naming_the_parameter(string url, string parameter)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("/api/months/2024-03")]
    [InlineData("/api/weeks/2031-W01")]
    [InlineData("/feeds/months/2024-03.atom")]
    [InlineData("/feeds/weeks/2031-W01.json")]
    public async Task Periods_without_digests_are_not_found_in_the_api_and_feeds(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
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
