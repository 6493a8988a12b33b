using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DailyPapers.Core.Search;

namespace DailyPapers.Web.Tests.Pages.Search;

/// <summary>
/// A query matching more papers than a search counts: the page says "more than" the limit, its pager ends at the
/// limit's last page, and the API and the feed say the same. The archive is the seeds plus 1,001 papers about capybaras.
/// </summary>
public sealed class CappedSearchTests : IClassFixture<CappedSearchTests.CapybaraArchive>
{
    private readonly AppFactory _app;

    public CappedSearchTests(CapybaraArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        _app = archive.App;
    }

    public sealed class CapybaraArchive : IDisposable
    {
        public CapybaraArchive()
        {
            var digest = new StringBuilder("## Daily Papers (2022-03-01)\n\n");
            for (var i = 1; i <= PaperSearch.CountLimit + 1; i++)
            {
                digest.Append(CultureInfo.InvariantCulture, $"### [Rodent Study {i}](https://arxiv.org/abs/2203.{i:00000})\n\nVote: 1\n\n- capybara {i}.\n\n");
            }

            File.WriteAllText(Path.Combine(App.DataDirectory, "2022-03-01.md"), digest.ToString());
        }

        public AppFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    [Fact]
    public async Task The_page_says_more_than_the_limit_and_pages_end_at_it()
    {
        var page = await _app.GetDocumentAsync("/search?q=capybara");

        var count = page.QuerySelector(".result-count")!.TextContent;
        count.Should().Contain($"논문 {PaperSearch.CountLimit}편 넘게 · 1/{PaperSearch.CountLimit / 20}쪽");
        page.QuerySelector(".result-count .capped")!.TextContent.Should().Contain("좁혀 보세요");
        page.QuerySelectorAll(".search-result").Should().HaveCount(20);
        page.QuerySelector("meta[name=description]")?.GetAttribute("content").Should().Contain($"{PaperSearch.CountLimit}편 넘게");

        var last = await _app.GetDocumentAsync($"/search?q=capybara&page={PaperSearch.CountLimit / 20}");
        last.QuerySelectorAll(".search-result").Should().HaveCount(20);
        last.QuerySelector("ol.search-results")!.GetAttribute("start").Should().Be((PaperSearch.CountLimit - 19).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_page_past_the_limits_last_answers_400_naming_page_and_the_last_page()
    {
        var past = await _app.GetDocumentAsync($"/search?q=capybara&page={(PaperSearch.CountLimit / 20) + 1}", System.Net.HttpStatusCode.BadRequest);

        past.QuerySelector("main code")!.TextContent.Should().Be("page");
        past.QuerySelector("main")!.TextContent.Should().Contain($"{PaperSearch.CountLimit}편까지 세므로").And.Contain($"{PaperSearch.CountLimit / 20}쪽까지");
    }

    [Fact]
    public async Task A_query_under_the_limit_keeps_its_exact_count()
    {
        var page = await _app.GetDocumentAsync("/search?q=capybara+1");

        var count = page.QuerySelector(".result-count")!.TextContent;
        count.Should().NotContain("넘게");
        page.QuerySelector(".result-count .capped").Should().BeNull();
    }

    [Fact]
    public async Task The_api_says_the_total_is_capped()
    {
        using var client = _app.CreateClient();

        var capped = await client.GetFromJsonAsync<JsonElement>("/api/search?q=capybara");
        var exact = await client.GetFromJsonAsync<JsonElement>("/api/search?q=diffusion");

        (capped.GetProperty("total").GetInt32(), capped.GetProperty("capped").GetBoolean(), capped.GetProperty("pageCount").GetInt32())
            .Should().Be((PaperSearch.CountLimit, true, PaperSearch.CountLimit / 20));
        exact.GetProperty("capped").GetBoolean().Should().BeFalse();
        exact.GetProperty("total").GetInt32().Should().BeInRange(1, PaperSearch.CountLimit - 1);
    }

    [Fact]
    public async Task The_feed_says_more_than_the_limit()
    {
        using var client = _app.CreateClient();

        var feed = await client.GetStringAsync(new Uri("/feeds/search.atom?q=capybara", UriKind.Relative));

        feed.Should().Contain($"모두 {PaperSearch.CountLimit}편 넘게");
    }
}
