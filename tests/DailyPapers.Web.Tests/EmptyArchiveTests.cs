using System.Net;
using System.Xml.Linq;
using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Top;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Web.Tests;

/// <summary>The app before anything is stored: pages that draw on the data say so instead of failing.</summary>
public sealed class EmptyArchiveTests : IDisposable
{
    private readonly AppFactory _app = new();

    public EmptyArchiveTests()
    {
        foreach (var file in Directory.GetFiles(_app.DataDirectory))
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_api_page_says_there_are_no_examples_yet_and_links_none()
    {
        var page = await _app.GetDocumentAsync("/api");

        page.QuerySelector("main p.empty")!.TextContent.Should().Contain("예시 링크가 없습니다");
        page.QuerySelectorAll("section.api-endpoint:not(.api-feeds)").Should().NotBeEmpty();
        page.QuerySelectorAll("a.api-example").Should().BeEmpty();
    }

    [Fact]
    public async Task The_trends_page_says_there_are_no_months_to_draw_and_offers_no_download()
    {
        var page = await _app.GetDocumentAsync("/trends?q=diffusion");

        page.QuerySelector("main svg.trend-chart").Should().BeNull();
        page.QuerySelector("main .result-count")!.TextContent.Should().Contain("그릴 달이 없습니다");
        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).Should().NotContain(h => h != null && h.StartsWith("/api/trends", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sitemap_index_lists_no_sitemap_not_even_the_months()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var index = XDocument.Parse(await response.Content.ReadAsStringAsync());
        index.Root!.Elements().Should().BeEmpty();
    }

    [Fact]
    public async Task The_ranking_without_a_date_has_no_day_to_start_from()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PapersDbContext>();

        (await TopQuery.LoadAsync(db, Period.Week, null, 1, CancellationToken.None)).Should().BeNull();
    }

    public void Dispose() => _app.Dispose();
}
