using System.Text.Json;
using Microsoft.Playwright;

namespace DailyPapers.Browser.Tests;

/// <summary>Reading comfortably: compact listings, the theme switch, a phone-sized header, and screenshots of every page kind.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ReadingTests(BrowserFixture browser)
{
    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } };

    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
    };

    [BrowserFact]
    public async Task The_compact_view_shows_at_least_eight_papers_on_a_laptop_screen_and_stays_chosen()
    {
        var page = await browser.NewPageAsync(Desktop);
        await browser.OpenAsync(page, "/days/2024-02-06");
        var full = await PapersOnScreenAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "desktop-day-full");

        await page.GetByRole(AriaRole.Link, new() { Name = "간단히", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/days/2024-02-06");
        var compact = await PapersOnScreenAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "desktop-day-compact");

        compact.Should().BeGreaterThanOrEqualTo(8, "a 1280×800 screen shows at least eight compact papers");
        compact.Should().BeGreaterThan(full);
        await browser.OpenAsync(page, "/days/2024-01-17");
        (await page.EvaluateAsync<string>("() => document.documentElement.dataset.density")).Should().Be("compact", "the choice persists across pages");
    }

    [BrowserFact]
    public async Task The_theme_switch_persists_and_a_dark_page_is_dark_from_its_first_paint()
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Light });
        await browser.OpenAsync(page, "/");
        (await BackgroundLuminanceAsync(page)).Should().BeGreaterThan(0.8, "the system is light");

        await page.GetByRole(AriaRole.Link, new() { Name = "어둡게", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        (await BackgroundLuminanceAsync(page)).Should().BeLessThan(0.05);

        // Served dark: the first HTML already says so, with no script needed (no flash of a light page).
        var response = await page.APIRequest.GetAsync(browser.BaseUrl + "/top");
        (await response.TextAsync()).Should().Contain("data-theme=\"dark\"");
        await browser.OpenAsync(page, "/top");
        (await BackgroundLuminanceAsync(page)).Should().BeLessThan(0.05, "the choice persists");
        await BrowserFixture.ScreenshotAsync(page, "desktop-top-dark");

        await page.GetByRole(AriaRole.Link, new() { Name = "시스템 설정", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        (await BackgroundLuminanceAsync(page)).Should().BeGreaterThan(0.8, "back to the system's light");
    }

    [BrowserFact]
    public async Task On_a_phone_the_header_is_one_short_row_and_the_navigation_is_reachable()
    {
        var page = await browser.NewPageAsync(Phone);
        await browser.OpenAsync(page, "/");

        var header = await page.Locator(".site-header").BoundingBoxAsync();
        header!.Height.Should().BeLessThanOrEqualTo(64);
        var search = page.Locator(".site-nav a", new() { HasTextString = "검색" });
        await search.ScrollIntoViewIfNeededAsync();
        (await search.IsVisibleAsync()).Should().BeTrue();
        await search.ClickAsync();
        await page.WaitForURLAsync("**/search");
    }

    [BrowserFact]
    public async Task Every_page_kind_is_photographed_at_desktop_and_phone_size()
    {
        (string Name, string Path)[] pages =
        [
            ("home", "/"), ("day", "/days/2024-02-06"), ("paper", "/papers/2402.03286"), ("author", "/authors/xintao-wang"),
            ("search", "/search?q=%EB%AA%A8%EB%8D%B8"), ("top", "/top?period=all"),
        ];
        foreach (var (size, options) in new[] { ("desktop", Desktop), ("phone", Phone) })
        {
            var page = await browser.NewPageAsync(options);
            foreach (var (name, path) in pages)
            {
                (await browser.OpenAsync(page, path)).Status.Should().Be(200);
                await BrowserFixture.ScreenshotAsync(page, $"{size}-{name}");
            }
        }

        Directory.GetFiles(BrowserFixture.Artifacts, "*.png").Select(Path.GetFileName).Should().Contain(["desktop-home.png", "phone-day.png", "phone-search.png"]);
    }

    /// <summary>How many paper cards are wholly inside the first screen.</summary>
    private static Task<int> PapersOnScreenAsync(IPage page) =>
        page.EvaluateAsync<int>("() => [...document.querySelectorAll('main article.paper')].filter(a => a.getBoundingClientRect().bottom <= window.innerHeight).length");

    private static async Task<double> BackgroundLuminanceAsync(IPage page)
    {
        var rgb = await page.EvaluateAsync<JsonElement>("() => (getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g) || []).map(Number)");
        double Channel(int i)
        {
            var v = rgb[i].GetDouble() / 255;
            return v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(1)) + (0.0722 * Channel(2));
    }
}
