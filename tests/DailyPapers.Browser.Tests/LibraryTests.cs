using Microsoft.Playwright;

namespace DailyPapers.Browser.Tests;

/// <summary>
/// A reader's library in a real browser (issue 30): made from the footer, filled from a card, tagged and marked read,
/// with JavaScript off (every step a form and a page) and on (saving from a card leaves the page where it is, and the
/// reader's marks show on the public page after a reload).
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class LibraryTests(BrowserFixture browser)
{
    private const string Day = "/days/2024-01-17";

    private static async Task CreateLibraryAsync(IPage page)
    {
        await page.Locator("footer form.library-create button").ClickAsync();
        await page.WaitForURLAsync("**/library/*?new=1");
        (await (await BrowserFixture.ExpectAsync(page, ".library-key", "the advice to bookmark the new library")).TextContentAsync()).Should().Contain("북마크");
    }

    [BrowserFact]
    public async Task Without_javascript_a_reader_makes_a_library_saves_a_card_tags_it_and_marks_it_read()
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await browser.OpenAsync(page, Day);
        await CreateLibraryAsync(page);
        var library = page.Url.Split('?')[0];

        await browser.OpenAsync(page, Day);
        var card = page.Locator("main article.paper").First;
        var id = await card.Locator("form.save-paper").GetAttributeAsync("data-save");
        await card.Locator("form.save-paper button").ClickAsync();
        await page.WaitForURLAsync("**/library/*?changed=*");
        (await page.Locator(".library-changed").TextContentAsync()).Should().Contain("저장했습니다");

        var item = page.Locator($"li.library-paper[data-arxiv-id='{id}']");
        await item.Locator("input[name=tags]").FillAsync("vision scaling");
        await item.Locator("form.library-marks button").ClickAsync();
        await page.WaitForURLAsync(library);
        (await item.Locator(".tag").AllTextContentsAsync()).Should().Equal("vision", "scaling");

        await item.GetByRole(AriaRole.Button, new() { Name = "읽음으로" }).ClickAsync();
        await page.WaitForURLAsync(library);
        (await item.GetAttributeAsync("class")).Should().Contain("read");
        await BrowserFixture.ScreenshotAsync(page, "library-no-js");
    }

    [BrowserTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_reader_follows_an_author_and_a_search_and_the_library_shows_their_new_papers(bool javaScript)
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript });
        await browser.OpenAsync(page, "/papers/2404.00399");
        await CreateLibraryAsync(page);
        var library = page.Url.Split('?')[0];

        await browser.OpenAsync(page, "/papers/2404.00399");
        await page.Locator(".paper-detail .authors a").First.ClickAsync();
        await page.WaitForURLAsync("**/authors/*");
        await page.Locator("form.follow-form button").ClickAsync();
        await page.WaitForURLAsync("**/library/*?followed=1*");
        (await page.Locator(".library-follows li[data-kind=author]").CountAsync()).Should().Be(1);

        await browser.OpenAsync(page, "/search?q=Aurora");
        await page.Locator("form.follow-form button").ClickAsync();
        await page.WaitForURLAsync("**/library/*?followed=1*");
        (await page.Locator(".library-follows li[data-kind=search][data-value=Aurora]").CountAsync()).Should().Be(1);
        (await page.Locator(".library-new").TextContentAsync()).Should().Contain("Aurora-M");

        await page.Locator(".library-follows li[data-kind=author] button").ClickAsync();
        await page.WaitForURLAsync(library);
        (await page.Locator(".library-follows li").CountAsync()).Should().Be(1, "the author is unfollowed, the search stays");
    }

    [BrowserFact]
    public async Task With_javascript_saving_from_a_card_stays_on_the_page_and_the_mark_shows_after_a_reload()
    {
        var page = await browser.NewPageAsync();
        await browser.OpenAsync(page, Day);
        await CreateLibraryAsync(page);
        var library = page.Url.Split('?')[0];

        await browser.OpenAsync(page, Day);
        var form = page.Locator("main article.paper form.save-paper").Nth(1);
        var id = await form.GetAttributeAsync("data-save");
        await form.Locator("button").ClickAsync();
        await page.Locator($"main form.save-paper[data-save='{id}'] button[aria-pressed=true]").WaitForAsync();
        page.Url.Should().EndWith(Day, "saving from a card does not leave the page");

        await page.ReloadAsync();
        await page.Locator($"main form.save-paper[data-save='{id}'] button[aria-pressed=true]").WaitForAsync();
        (await page.Locator("main form.save-paper button[aria-pressed=true]").CountAsync()).Should().Be(1, "only the saved paper is marked");
        (await page.Locator($"main article.paper.is-saved form[data-save='{id}']").CountAsync()).Should().Be(1);

        await page.GotoAsync(library);
        (await page.Locator("li.library-paper").CountAsync()).Should().Be(1);
        (await page.Locator($"li.library-paper[data-arxiv-id='{id}']").CountAsync()).Should().Be(1);
    }
}
