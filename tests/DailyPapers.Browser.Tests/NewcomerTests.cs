using DailyPapers.Testing;
using System.Text.Json;
using Microsoft.Playwright;

namespace DailyPapers.Browser.Tests;

/// <summary>
/// The newcomer's path in the browser: the sample first, then the app pointed at a folder of their own (it replaces
/// the sample without a flag), then at someone else's (refused visibly, until started with --replace).
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class NewcomerTests(BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly DigestFolders _folders = new("newcomer");

    [BrowserFact]
    public async Task The_sample_gives_way_to_another_folder_and_a_users_data_is_never_replaced_silently()
    {
        var database = Path.Combine(_folders.Root, "app.db");
        var sample = _folders.Folder("sample", [.. Directory.GetFiles(Path.Combine(BrowserFixture.RepositoryRoot, "data"), "*.md").Select(File.ReadAllText)]);
        var mine = _folders.Folder("mine", DigestFolders.Day("2025-03-04", "2503.00001", "$VILA^2$: 360^circ Video of My Own"), DigestFolders.Day("2025-03-03", "2503.00002", "Free^2Guide: Yesterday's Paper"));
        var theirs = _folders.Folder("theirs", DigestFolders.Day("2025-05-06", "2505.00003", "A Paper Of Someone Else"));

        await using (var first = new AppServer(sample, database, output: output))
        {
            var page = await OpenAsync(first.Listen());
            (await page.Locator("main h1 time").GetAttributeAsync("datetime")).Should().Be("2024-04-02");
        }

        await using (var second = new AppServer(mine, database, output: output))
        {
            var page = await OpenAsync(second.Listen());
            (await page.Locator("main h1 time").GetAttributeAsync("datetime")).Should().Be("2025-03-04", "another folder replaced the sample without a flag");
            (await page.Locator(".operator-banner").CountAsync()).Should().Be(0);
            var title = page.Locator("main .paper-title").First;
            (await title.InnerTextAsync()).Should().Contain("360° Video", "an unmistakable undelimited caret is read");
            var faces = await title.EvaluateAsync<JsonElement>("t => { const m = t.querySelector('math'), s = getComputedStyle(t), ms = getComputedStyle(m); return [s.fontWeight, ms.fontWeight, s.fontFamily, ms.fontFamily, s.fontSize, ms.fontSize]; }");
            faces[1].GetString().Should().Be(faces[0].GetString(), "TeX in a title takes the title's weight");
            faces[3].GetString().Should().Be(faces[2].GetString(), "and its face");
            faces[5].GetString().Should().Be(faces[4].GetString(), "and its size");
            await BrowserFixture.ScreenshotAsync(page, "newcomer-own-folder");
        }

        await using (var third = new AppServer(theirs, database, output: output))
        {
            var address = third.Listen();
            var page = await OpenAsync(address);
            var banner = page.Locator(".operator-banner");
            (await banner.IsVisibleAsync()).Should().BeTrue("the refusal is on the page, not only in a log");
            (await banner.InnerTextAsync()).Should().Contain("--replace").And.Contain(theirs);
            (await page.Locator("main h1 time").GetAttributeAsync("datetime")).Should().Be("2025-03-04", "nothing of the user's was removed");
            var ready = await page.APIRequest.GetAsync(address + "/readyz");
            ready.Status.Should().Be(503);
            (await ready.TextAsync()).Should().Contain(mine).And.Contain(theirs);
            await BrowserFixture.ScreenshotAsync(page, "newcomer-refused");
        }

        await using (var fourth = new AppServer(theirs, database, replace: true, output: output))
        {
            var page = await OpenAsync(fourth.Listen());
            (await page.Locator("main h1 time").GetAttributeAsync("datetime")).Should().Be("2025-05-06");
            (await page.Locator(".operator-banner").CountAsync()).Should().Be(0);
        }
    }

    private async Task<IPage> OpenAsync(string address)
    {
        var page = await browser.NewPageAsync(origin: address);
        await page.GotoAsync(address + "/", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    public void Dispose() => _folders.Dispose();
}
