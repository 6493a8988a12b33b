using System.Net;

namespace DailyPapers.Web.Tests.Pages.Days;

[Collection(SharedApp.Name)]
public sealed class DayPageTests(AppFactory app)
{
    [Fact]
    public async Task Day_page_lists_each_paper_with_its_votes_links_authors_and_summary()
    {
        var page = await app.GetDocumentAsync("/days/2024-01-17");

        var papers = page.QuerySelectorAll("main article.paper");
        papers.Should().HaveCount(9);
        papers.Select(p => p.QuerySelector(".votes strong")!.TextContent).Should().Equal("21", "17", "12", "11", "8", "8", "7", "7", "2");
        var first = papers[0];
        first.QuerySelector(".paper-title a")!.TextContent.Should().Be("Scalable Pre-training of Large Autoregressive Image Models");
        first.QuerySelectorAll(".paper-links a").Select(a => a.GetAttribute("href"))
            .Should().Contain(["https://arxiv.org/abs/2401.08541", "https://arxiv.org/pdf/2401.08541", "https://huggingface.co/papers/2401.08541"]);
        first.QuerySelectorAll(".authors a").Should().HaveCount(8);
        first.QuerySelector(".summary-text li")!.TextContent.Should().StartWith("본 논문은");
        page.DocumentElement.GetAttribute("lang").Should().Be("ko");
    }

    [Fact]
    public async Task Thumbnails_are_lazy_and_decorative_beside_their_titles()
    {
        var page = await app.GetDocumentAsync("/days/2024-01-17");

        var images = page.QuerySelectorAll("main article.paper img");
        images.Should().NotBeEmpty();
        // The title beside each image says what it is; a screen reader need not hear it twice, nor a broken image show it.
        images.Should().OnlyContain(i => i.GetAttribute("loading") == "lazy" && i.GetAttribute("alt") == "");
        images.Should().OnlyContain(i => i.Closest("article.paper")!.QuerySelector(".paper-title a") != null);
    }

    [Fact]
    public async Task Videos_are_shown_as_video_elements_without_the_digest_html()
    {
        var page = await app.GetDocumentAsync("/days/2024-02-06");

        var video = page.QuerySelector("#p-2402\\.03286 video");
        video.Should().NotBeNull();
        // No poster and no thumbnail in the digest: a drawn frame stands in, and nothing is fetched before a click.
        video!.GetAttribute("src").Should().Be("https://cdn-uploads.huggingface.co/production/uploads/60f1abe7544c2adfd699860c/WuqBtMvZE5Y_iIk5b8d_r.mp4");
        video.GetAttribute("poster").Should().Be(DailyPapers.Web.Pages.Shared.PaperCardModel.DrawnPoster);
        video.GetAttribute("preload").Should().Be("none");
        page.QuerySelector("#p-2402\\.03286 .summary-text")!.InnerHtml.Should().NotContain("video").And.NotContain("Watch Video");
    }

    [Fact]
    public async Task Previous_and_next_links_skip_days_without_digests()
    {
        var page = await app.GetDocumentAsync("/days/2024-01-17");

        page.QuerySelector("a[rel=prev]")!.GetAttribute("href").Should().Be("/days/2023-12-08");
        page.QuerySelector("a[rel=next]")!.GetAttribute("href").Should().Be("/days/2024-01-19");
    }

    [Fact]
    public async Task Summary_urls_stop_before_the_korean_text_that_follows_them()
    {
        var page = await app.GetDocumentAsync("/days/2024-01-17");

        var link = page.QuerySelectorAll("main .summary-text a").Single(a => a.GetAttribute("href")!.Contains("InstantID", StringComparison.Ordinal));
        link.GetAttribute("href").Should().Be("https://github.com/InstantID/InstantID");
    }

    [Fact]
    public async Task A_day_without_a_digest_answers_404_with_the_nearest_days()
    {
        var page = await app.GetDocumentAsync("/days/2024-01-18", HttpStatusCode.NotFound);

        page.QuerySelector("h1")!.TextContent.Should().Contain("2024-01-18");
        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).Should().Contain(["/days/2024-01-17", "/days/2024-01-19", "/days"]);
    }

    [Theory]
    [InlineData("/days/2024-13-01")]
    [InlineData("/days/yesterday")]
    [InlineData("/days/2024-1-17")]
    [InlineData("/days?date=17.01.2024")]
    public async Task A_malformed_date_answers_400_naming_the_parameter(string url)
    {
        var page = await app.GetDocumentAsync(url, HttpStatusCode.BadRequest);

        page.QuerySelector("main code")!.TextContent.Should().Be("date");
        page.QuerySelector("main")!.TextContent.Should().Contain("YYYY-MM-DD");
    }

    [Fact]
    public async Task Home_shows_the_latest_day_and_a_way_into_the_archive()
    {
        var page = await app.GetDocumentAsync("/");

        page.QuerySelector("main h1 time")!.GetAttribute("datetime").Should().Be("2024-04-02");
        page.QuerySelectorAll("main article.paper").Should().HaveCount(12);
        page.QuerySelectorAll("main a[href='/days']").Should().NotBeEmpty();
        page.QuerySelector("a[rel=next]").Should().BeNull("the latest day has no next day");
    }

    [Fact]
    public async Task Header_jump_to_a_date_redirects_to_that_day()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/days?date=2024-01-19", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/days/2024-01-19");
    }
}
