using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace DailyPapers.Web.Tests.Pages.Trends;

/// <summary>
/// Rising terms on the pages and in the API, over an archive where terms truly rise (<see cref="RisingArchive"/>): the
/// latest lists on the home page and /trends, any week or month at /trends?period=…&amp;date=… and
/// /api/trends/rising, each term with its papers, share and share before; bad parameters named.
/// </summary>
public sealed class RisingPeriodTests(RisingArchive archive) : IClassFixture<RisingArchive>
{
    private AppFactory App => archive.App;

    private async Task<(HttpStatusCode Status, JsonElement Json)> JsonAsync(string url)
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task The_api_answers_a_weeks_rising_terms_in_order_with_count_share_and_previous_share()
    {
        var (status, json) = await JsonAsync("/api/trends/rising?period=week&date=2024-10-02");

        status.Should().Be(HttpStatusCode.OK);
        json.GetProperty("period").GetString().Should().Be("week");
        json.GetProperty("start").GetString().Should().Be("2024-09-30");
        json.GetProperty("paperCount").GetInt32().Should().Be(16);
        var terms = json.GetProperty("terms").EnumerateArray().ToList();
        terms.Select(t => t.GetProperty("term").GetString()).Should().Contain(["Mamba", "video generation"])
            .And.NotContain(["zebra", "video", "generation"], "zebra is in one paper, and the phrase holds the papers of its words");
        var mamba = terms.Single(t => t.GetProperty("term").GetString() == "Mamba");
        mamba.GetProperty("count").GetInt32().Should().Be(5);
        mamba.GetProperty("share").GetDouble().Should().Be(0.3125);
        mamba.GetProperty("previousShare").GetDouble().Should().Be(0.025);
        var (latest, latestJson) = await JsonAsync("/api/trends/rising");
        latest.Should().Be(HttpStatusCode.OK);
        latestJson.GetProperty("start").GetString().Should().Be("2024-09-30", "without a date the period is the latest digest's week");
    }

    [Fact]
    public async Task A_past_quiet_week_has_no_rising_terms_and_links_to_the_weeks_around_it()
    {
        var (status, json) = await JsonAsync("/api/trends/rising?period=week&date=2024-08-14");
        status.Should().Be(HttpStatusCode.OK);
        json.GetProperty("start").GetString().Should().Be("2024-08-12");
        json.GetProperty("terms").GetArrayLength().Should().Be(0);

        var page = await App.GetDocumentAsync("/trends?period=week&date=2024-08-14");

        page.QuerySelector("main #rising-h")!.TextContent.Should().Be("2024-08-12부터 한 주에 떠오른 말");
        page.QuerySelector("main .rising-list")!.TextContent.Should().Contain("늘어난 말이 없습니다");
        page.QuerySelector("main svg.trend-chart").Should().BeNull("nothing rose, so nothing is charted");
        var nav = page.QuerySelector("main nav.rising-nav")!;
        nav.QuerySelector("a[rel=prev]")!.GetAttribute("href").Should().Be("/trends?period=week&date=2024-08-05");
        nav.QuerySelector("a[rel=next]")!.GetAttribute("href").Should().Be("/trends?period=week&date=2024-08-19");
    }

    [Fact]
    public async Task A_weeks_page_charts_its_rising_terms_and_its_listing_links_to_it()
    {
        var page = await App.GetDocumentAsync("/trends?period=week&date=2024-10-01");

        page.Title.Should().StartWith("2024-09-30부터 한 주에 떠오른 말");
        var items = page.QuerySelectorAll("main .rising li");
        items.Select(li => li.QuerySelector(".rising-term")!.TextContent).Should().Contain("Mamba");
        var mamba = items.First(li => li.QuerySelector(".rising-term")!.TextContent == "Mamba");
        mamba.QuerySelector(".rising-figures")!.TextContent.Should().Contain("5편").And.Contain("31.3%").And.Contain("앞선 8주 2.5%");
        var svg = XElement.Parse(page.QuerySelector("main svg.trend-chart")!.OuterHtml);
        svg.Descendants().Where(e => ((string?)e.Attribute("class") ?? "").StartsWith("legend-item", StringComparison.Ordinal)).Select(e => e.Value).Should().Contain("Mamba");
        page.QuerySelector("main .rising-chart-note")!.TextContent.Should().Contain("2024-09-30부터 한 주에");
        page.QuerySelector("main nav.rising-nav a[rel=next]").Should().BeNull("no digest comes after the latest week");

        var week = await App.GetDocumentAsync("/weeks/2024-W40");
        week.QuerySelector("main a.period-rising")!.GetAttribute("href").Should().Be("/trends?period=week&date=2024-09-30");
        var month = await App.GetDocumentAsync("/months/2024-09");
        month.QuerySelector("main a.period-rising")!.GetAttribute("href").Should().Be("/trends?period=month&date=2024-09-01");
    }

    [Fact]
    public async Task The_home_box_and_the_trends_page_show_the_latest_lists_and_link_each_term_to_its_search_and_chart()
    {
        var trends = await App.GetDocumentAsync("/trends");
        var home = await App.GetDocumentAsync("/");

        var boxed = home.QuerySelectorAll("main aside.rising-box .rising-term").Select(a => a.TextContent).ToList();
        boxed.Should().Contain("Mamba");
        var svg = XElement.Parse(trends.QuerySelector("main svg.trend-chart")!.OuterHtml);
        svg.Descendants().Where(e => ((string?)e.Attribute("class") ?? "").StartsWith("legend-item", StringComparison.Ordinal)).Select(e => e.Value).Should().Equal(boxed);
        trends.QuerySelector("main .rising-chart-note")!.TextContent.Should().Contain("검색어를 넣지 않아").And.Contain("이번 주");
        var terms = trends.QuerySelectorAll("main .rising li");
        terms.Should().NotBeEmpty();
        foreach (var term in terms)
        {
            var text = term.QuerySelector(".rising-term")!.TextContent;
            term.QuerySelector(".rising-term")!.GetAttribute("href").Should().Be("/search?q=" + Uri.EscapeDataString(text));
            term.QuerySelector(".rising-chart")!.GetAttribute("href").Should().Be("/trends?q=" + Uri.EscapeDataString(text));
        }

        trends.QuerySelector("main .rising-list .rising-more a")!.GetAttribute("href").Should().Be("/trends?period=week&date=2024-09-30");
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task A_period_at_the_calendars_ends_has_nothing_rising(string date)
    {
        var (status, json) = await JsonAsync($"/api/trends/rising?period=month&date={date}");

        status.Should().Be(HttpStatusCode.OK);
        json.GetProperty("terms").GetArrayLength().Should().Be(0);
        (await App.GetDocumentAsync($"/trends?period=week&date={date}")).QuerySelector("main .rising-list")!.TextContent.Should().Contain("늘어난 말이 없습니다");
    }

    [Theory]
    [InlineData("/api/trends/rising?period=year", "period")]
    [InlineData("/api/trends/rising?period=week&date=2024-13-01", "date")]
    [InlineData("/api/trends/rising?date=..%2F..%2Fetc", "date")]
    public async Task A_bad_period_or_date_is_a_problem_naming_it(string url, string parameter)
    {
        var (status, json) = await JsonAsync(url);

        status.Should().Be(HttpStatusCode.BadRequest);
        json.GetProperty("errors").TryGetProperty(parameter, out _).Should().BeTrue();
        var page = await App.GetDocumentAsync(url.Replace("/api/trends/rising", "/trends", StringComparison.Ordinal), HttpStatusCode.BadRequest);
        page.QuerySelector("main #trends-error")!.TextContent.Should().StartWith(parameter + ":");
    }
}
