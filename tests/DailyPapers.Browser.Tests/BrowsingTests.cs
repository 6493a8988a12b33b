using Microsoft.Playwright;

namespace DailyPapers.Browser.Tests;

/// <summary>What a reader does: move between days, open a paper, find an author, search, rank.</summary>
[Collection(SharedBrowser.Name)]
public sealed class BrowsingTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Previous_day_link_leads_from_the_latest_day_to_the_earlier_digest()
    {
        var page = await browser.NewPageAsync();
        await browser.OpenAsync(page, "/");
        (await (await BrowserFixture.ExpectAsync(page, "main h1 time", "the date heading of the latest day")).GetAttributeAsync("datetime")).Should().Be("2024-04-02");

        await (await BrowserFixture.ExpectAsync(page, "main a[rel=prev]", "the 'previous day' link")).ClickAsync();

        await page.WaitForURLAsync("**/days/2024-02-06");
        (await page.Locator("main h1 time").GetAttributeAsync("datetime")).Should().Be("2024-02-06");
        (await page.Locator("main article.paper").CountAsync()).Should().Be(15);
        await BrowserFixture.ScreenshotAsync(page, "previous-day");
    }

    [BrowserFact]
    public async Task A_paper_opened_from_its_day_links_to_arxiv()
    {
        var page = await browser.NewPageAsync();
        await browser.OpenAsync(page, "/days/2024-01-17");

        await (await BrowserFixture.ExpectAsync(page, "main article.paper .paper-title a", "the first paper's title link")).ClickAsync();

        await page.WaitForURLAsync("**/papers/2401.08541");
        (await page.Locator("h1").TextContentAsync()).Should().Be("Scalable Pre-training of Large Autoregressive Image Models");
        var arxiv = await BrowserFixture.ExpectAsync(page, "main .paper-detail .paper-links.primary a:has-text('arXiv')", "the arXiv link");
        (await arxiv.GetAttributeAsync("href")).Should().Be("https://arxiv.org/abs/2401.08541");
        (await page.Locator("main .paper-detail .paper-links.primary a:has-text('PDF')").GetAttributeAsync("href")).Should().Be("https://arxiv.org/pdf/2401.08541");
        await BrowserFixture.ScreenshotAsync(page, "paper");
    }

    [BrowserFact]
    public async Task An_author_found_by_a_partial_accent_free_name_opens_the_author_page()
    {
        var page = await browser.NewPageAsync();
        await browser.OpenAsync(page, "/authors");

        await (await BrowserFixture.ExpectAsync(page, "#author-q", "the author search box")).FillAsync("kolle");
        await page.Locator("#author-q").PressAsync("Enter");
        await page.WaitForURLAsync("**/authors?q=kolle");
        var hit = await BrowserFixture.ExpectAsync(page, "main .author-list a:has-text('Kölle')", "an author named Kölle in the results");
        await BrowserFixture.ScreenshotAsync(page, "author-search");
        await hit.ClickAsync();

        await page.WaitForURLAsync("**/authors/*");
        (await page.Locator("h1").TextContentAsync()).Should().Contain("Kölle");
        (await page.Locator("main article.paper").CountAsync()).Should().BeGreaterThan(0);
        await BrowserFixture.ScreenshotAsync(page, "author-page");
    }

    [BrowserFact]
    public async Task A_korean_word_from_the_header_search_shows_highlighted_snippets()
    {
        var page = await browser.NewPageAsync();
        await browser.OpenAsync(page, "/");

        await (await BrowserFixture.ExpectAsync(page, "#site-q", "the search box in the header")).FillAsync("모델");
        await page.Locator("#site-q").PressAsync("Enter");

        await page.WaitForURLAsync("**/search?q=*");
        await BrowserFixture.ExpectAsync(page, "main .search-result .snippet mark", "a highlighted match in a snippet");
        var marks = await page.Locator("main .search-result .snippet mark").AllTextContentsAsync();
        marks.Should().NotBeEmpty().And.OnlyContain(m => m == "모델");
        var background = await page.Locator("main .snippet mark").First.EvaluateAsync<string>("m => getComputedStyle(m).backgroundColor");
        background.Should().NotBe("rgba(0, 0, 0, 0)", "a highlight is visible");
        await BrowserFixture.ScreenshotAsync(page, "search-korean");
    }

    [BrowserFact]
    public async Task Switching_the_top_period_reranks_the_papers()
    {
        var page = await browser.NewPageAsync();
        await browser.OpenAsync(page, "/top?date=2024-01-17");
        (await page.Locator(".period-tabs a[aria-current=page]").TextContentAsync()).Should().Be("주간");
        var weekCount = await page.Locator("main article.paper").CountAsync();

        await (await BrowserFixture.ExpectAsync(page, ".period-tabs a:has-text('연간')", "the 'yearly' period tab")).ClickAsync();

        await page.WaitForURLAsync("**/top?period=year&date=2024-01-17");
        (await page.Locator(".period-tabs a[aria-current=page]").TextContentAsync()).Should().Be("연간");
        (await page.Locator("main .period-header h2").TextContentAsync()).Should().Be("2024년");
        weekCount.Should().Be(19, "the week of 2024-01-17 holds the seed days 01-17 and 01-19");
        (await page.Locator("main article.paper").CountAsync()).Should().Be(46, "2024's four seed days hold 9, 10, 15 and 12 papers");
        var votes = await page.Locator("main article.paper .votes strong").AllTextContentsAsync();
        votes.Select(int.Parse).Should().BeInDescendingOrder();
        await BrowserFixture.ScreenshotAsync(page, "top-year");
    }
}
