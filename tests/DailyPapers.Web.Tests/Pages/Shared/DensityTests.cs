using AngleSharp;
using AngleSharp.Dom;
using DailyPapers.Web.Pages.Shared;

namespace DailyPapers.Web.Tests.Pages.Shared;

/// <summary>Listings are dense by default, full when the reader chose so; the footer names what its keys step through.</summary>
[Collection(SharedApp.Name)]
public sealed class DensityTests(AppFactory app)
{
    private static readonly string[] Steps = ["이전·다음 날", "이전·다음 논문", "이전·다음 기간"];

    [Theory]
    [InlineData("/")]
    [InlineData("/days/2024-02-06")]
    [InlineData("/top?period=all")]
    [InlineData("/authors/xintao-wang")]
    [InlineData("/months/2024-01")]
    public async Task Listings_are_dense_by_default_with_the_whole_summary_behind_its_first_lines(string path)
    {
        var page = await app.GetDocumentAsync(path);

        var cards = page.QuerySelectorAll("main article.paper");
        cards.Should().NotBeEmpty();
        cards.Should().OnlyContain(c => c.ClassList.Contains("dense"));
        foreach (var card in cards.Where(c => c.QuerySelector(".summary") is not null))
        {
            var lead = card.QuerySelector("details.summary > summary .summary-lead")!.TextContent;
            var whole = card.QuerySelector("details.summary > .summary-text")!.TextContent;
            lead.Should().NotBeEmpty();
            Flat(whole).Should().StartWith(Flat(lead).TrimEnd('…'), "the lead is the summary's own beginning");
        }

        page.QuerySelector(".density-switch [aria-current]")!.TextContent.Should().Be("간단히");
    }

    [Fact]
    public async Task A_reader_who_chose_full_summaries_gets_them_on_every_listing_but_beside_a_paper()
    {
        foreach (var path in new[] { "/days/2024-02-06", "/top?period=all", "/authors/xintao-wang" })
        {
            var page = await GetAsync(path, "dp-density=full");
            page.QuerySelectorAll("main article.paper").Should().NotBeEmpty().And.OnlyContain(c => c.ClassList.Contains("full"));
            page.QuerySelectorAll("main details.summary").Should().BeEmpty();
            page.QuerySelector(".density-switch [aria-current]")!.TextContent.Should().Be("요약 모두 펼치기");
        }

        var paper = await GetAsync("/papers/2402.03286", "dp-density=full");
        paper.QuerySelectorAll("#similar-h ~ ul article.paper").Should().NotBeEmpty().And.OnlyContain(c => c.ClassList.Contains("dense"), "lists beside a paper stay short");
    }

    [Theory]
    [InlineData("/days/2024-02-06", "이전·다음 날")]
    [InlineData("/papers/2402.03286", "이전·다음 논문")]
    [InlineData("/top?period=week", "이전·다음 기간")]
    public async Task The_footer_says_what_the_bracket_keys_step_through_on_each_page(string path, string says)
    {
        var page = await app.GetDocumentAsync(path);

        var shortcuts = Flat(page.QuerySelector("footer .shortcuts")!.TextContent);
        shortcuts.Should().Contain("[/] " + says);
        foreach (var other in Steps.Where(o => o != says))
        {
            shortcuts.Should().NotContain(other);
        }
    }

    [Fact]
    public async Task A_page_without_steps_does_not_offer_the_bracket_keys()
    {
        var page = await app.GetDocumentAsync("/authors");

        Flat(page.QuerySelector("footer .shortcuts")!.TextContent).Should().NotContain("[/]").And.Contain("j/k");
    }

    [Fact]
    public async Task A_video_without_a_poster_takes_its_listings_thumbnail_or_a_drawn_frame()
    {
        using var client = app.CreateClient();
        using var poster = await client.GetAsync(new Uri(PaperCardModel.DrawnPoster, UriKind.Relative));

        poster.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        poster.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        (await poster.Content.ReadAsStringAsync()).Should().StartWith("<svg");
    }

    [Theory]
    [InlineData("한 줄.\n두 줄.", "한 줄. 두 줄.")]
    [InlineData("", "")]
    public void A_short_summary_is_its_own_lead(string text, string lead) => PaperCardModel.Lead(text).Should().Be(lead);

    [Fact]
    public void A_long_summary_is_cut_at_a_word_near_the_limit()
    {
        var text = string.Join(' ', Enumerable.Repeat("낱말열", 200));

        var lead = PaperCardModel.Lead(text);

        lead.Should().EndWith("낱말열…");
        lead.Length.Should().BeInRange(PaperCardModel.LeadLength / 2, PaperCardModel.LeadLength + 1);
        text.Should().StartWith(lead.TrimEnd('…'));
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private async Task<IDocument> GetAsync(string path, string cookie)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
    }
}
