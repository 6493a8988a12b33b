using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace DailyPapers.Web.Tests.Pages.Days;

/// <summary>
/// A day's page holds at most a hundred papers: a real digest fits on one, a huge one (hostile, or a format that drifted)
/// is paged in digest order with the day's total, on the page and in the API.
/// </summary>
public sealed class DayPagingTests : IDisposable
{
    private readonly AppFactory _app = new();

    public DayPagingTests()
    {
        var digest = new StringBuilder("## Daily Papers (2024-06-11)\n\n");
        for (var i = 1; i <= 250; i++)
        {
            digest.Append(CultureInfo.InvariantCulture, $"### [Crowded Paper {i}](https://arxiv.org/abs/2406.{i + 500:00000})\n\nVote: {i % 7}\n\nAuthors: Author {i}\n\n- 요약 {i}.\n\n");
        }

        File.WriteAllText(Path.Combine(_app.DataDirectory, "2024-06-11.md"), digest.ToString());
    }

    [Fact]
    public async Task A_huge_day_is_paged_in_digest_order_with_its_total()
    {
        var first = await _app.GetDocumentAsync("/days/2024-06-11");
        var last = await _app.GetDocumentAsync("/days/2024-06-11?page=3");

        first.QuerySelectorAll("main ol.paper-list > li").Should().HaveCount(100);
        first.QuerySelector("main ol.paper-list")!.HasAttribute("start").Should().BeFalse();
        first.QuerySelector(".day-summary")!.TextContent.Should().Contain("논문 250편").And.Contain("1–100번");
        first.QuerySelectorAll(".pager a").Select(a => a.GetAttribute("href")).Should().Contain(["/days/2024-06-11?page=2", "/days/2024-06-11?page=3"]);
        Titles(last).Should().Equal(Enumerable.Range(201, 50).Select(i => $"Crowded Paper {i}"));
        last.QuerySelector("main ol.paper-list")!.GetAttribute("start").Should().Be("201");
        last.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href").Should().Be("/days/2024-06-11?page=2");

        (await _app.GetDocumentAsync("/days/2024-06-11?page=4", HttpStatusCode.BadRequest)).Body!.TextContent.Should().Contain("3쪽까지");
        (await _app.GetDocumentAsync("/days/2024-06-11?page=0", HttpStatusCode.BadRequest)).Body!.TextContent.Should().Contain("page");
        (await _app.GetDocumentAsync("/days/2024-06-11?page=2%00", HttpStatusCode.BadRequest)).Body!.TextContent.Should().Contain("page");
    }

    [Fact]
    public async Task A_real_day_fits_on_one_page_without_a_pager()
    {
        var day = await _app.GetDocumentAsync("/days/2024-04-02");

        day.QuerySelector(".pager").Should().BeNull();
        day.QuerySelector(".day-summary")!.TextContent.Should().NotContain("번");
    }

    [Fact]
    public async Task The_api_pages_a_day_the_same_way()
    {
        using var client = _app.CreateClient();
        using var second = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/days/2024-06-11?page=2", UriKind.Relative)));

        var root = second.RootElement;
        root.GetProperty("paperCount").GetInt32().Should().Be(250);
        root.GetProperty("page").GetInt32().Should().Be(2);
        root.GetProperty("pageCount").GetInt32().Should().Be(3);
        root.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("title").GetString()).Should()
            .Equal(Enumerable.Range(101, 100).Select(i => $"Crowded Paper {i}"));
        using var beyond = await client.GetAsync(new Uri("/api/days/2024-06-11?page=9", UriKind.Relative));
        beyond.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        beyond.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("main ol.paper-list > li h2, main ol.paper-list > li h3").Select(h => h.TextContent.Trim())];

    public void Dispose() => _app.Dispose();
}
