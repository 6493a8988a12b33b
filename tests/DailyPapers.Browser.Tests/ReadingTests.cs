using System.Text.Json;
using Microsoft.Playwright;

namespace DailyPapers.Browser.Tests;

/// <summary>Reading comfortably: dense listings by default, the theme switch, a phone-sized header, and screenshots of every page kind.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ReadingTests(BrowserFixture browser)
{
    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } };

    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
    };

    /// <summary>Listings open dense: at least six titles in the first 800 px of a laptop, four on a phone.</summary>
    [BrowserTheory]
    [InlineData("/", "home")]
    [InlineData("/days/2024-02-06", "day")]
    [InlineData("/weeks/2024-W06", "week")]
    [InlineData("/months/2024-01", "month")]
    [InlineData("/top?period=all", "top")]
    [InlineData("/search?q=%EB%AA%A8%EB%8D%B8", "search")]
    public async Task Listings_open_dense_with_six_titles_on_a_laptop_screen_and_four_on_a_phone(string path, string name)
    {
        foreach (var (size, options, least) in new[] { ("desktop", Desktop, 6), ("phone", Phone, 4) })
        {
            var page = await browser.NewPageAsync(options);
            await browser.OpenAsync(page, path);

            var titles = await TitlesOnScreenAsync(page, 800);
            await BrowserFixture.ScreenshotAsync(page, $"{size}-{name}-dense");

            // The figures README records: titles in the first 800 px, per page kind and screen.
            await File.AppendAllTextAsync(Path.Combine(BrowserFixture.Artifacts, "titles-per-screen.txt"), $"{name}\t{size}\t{titles}\n");
            titles.Should().BeGreaterThanOrEqualTo(least, $"{path} at {size} size shows at least {least} paper titles in its first 800 px");
        }
    }

    [BrowserFact]
    public async Task Full_summaries_are_one_choice_away_and_the_choice_holds_across_listings()
    {
        var page = await browser.NewPageAsync(Desktop);
        await browser.OpenAsync(page, "/days/2024-02-06");
        var dense = await TitlesOnScreenAsync(page, 800);
        (await page.Locator("main article.paper.dense details.summary").CountAsync()).Should().Be(15, "every dense card folds its summary");

        await page.GetByRole(AriaRole.Link, new() { Name = "요약 모두 펼치기", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/days/2024-02-06");
        var full = await TitlesOnScreenAsync(page, 800);
        await BrowserFixture.ScreenshotAsync(page, "desktop-day-full");

        (await page.Locator("main article.paper.full .summary-text li").First.IsVisibleAsync()).Should().BeTrue();
        (await page.Locator("main details.summary").CountAsync()).Should().Be(0);
        full.Should().BeLessThan(dense);
        await browser.OpenAsync(page, "/top?period=all");
        (await page.Locator("main article.paper.full").CountAsync()).Should().BePositive("the choice holds on the rankings too");
        await page.GetByRole(AriaRole.Link, new() { Name = "간단히", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/top?period=all");
        (await page.Locator("main article.paper.full").CountAsync()).Should().Be(0);
    }

    [BrowserFact]
    public async Task A_dense_cards_whole_summary_opens_with_a_tap_without_javascript()
    {
        var options = new BrowserNewContextOptions(Phone) { JavaScriptEnabled = false };
        var page = await browser.NewPageAsync(options);
        await browser.OpenAsync(page, "/days/2024-01-17");
        var first = page.Locator("main article.paper").First;
        var lead = first.Locator("details.summary > summary");
        (await lead.InnerTextAsync()).Should().Contain("본 논문은", "the lead is the summary's own text");
        (await first.Locator(".summary-text li").First.IsVisibleAsync()).Should().BeFalse();

        await lead.TapAsync();

        (await first.Locator(".summary-text li").First.IsVisibleAsync()).Should().BeTrue("the whole summary shows once opened");
        (await first.Locator(".summary-text li").CountAsync()).Should().BeGreaterThan(1);
    }

    [BrowserFact]
    public async Task On_a_phone_no_title_is_cut_to_one_line_and_none_runs_past_three()
    {
        var page = await browser.NewPageAsync(Phone);
        foreach (var path in new[] { "/", "/days/2023-12-08", "/top?period=all", "/search?q=%EB%AA%A8%EB%8D%B8", "/authors/xintao-wang", "/papers/2402.03286" })
        {
            await browser.OpenAsync(page, path);
            var titles = await page.EvaluateAsync<JsonElement>("""
                () => [...document.querySelectorAll('main .paper-title')].map(t => {
                    const line = parseFloat(getComputedStyle(t).lineHeight);
                    const probe = t.cloneNode(true);
                    probe.style.cssText = 'display:block;-webkit-line-clamp:none;line-clamp:none;overflow:visible;white-space:normal;position:absolute;visibility:hidden;width:' + t.clientWidth + 'px';
                    t.parentElement.appendChild(probe);
                    const whole = Math.round(probe.getBoundingClientRect().height / line);
                    probe.remove();
                    return { text: t.textContent.trim(), shown: Math.round(t.getBoundingClientRect().height / line), whole };
                })
                """);
            titles.GetArrayLength().Should().BePositive($"{path} lists papers");
            foreach (var title in titles.EnumerateArray())
            {
                var (shown, whole) = (title.GetProperty("shown").GetInt32(), title.GetProperty("whole").GetInt32());
                shown.Should().Be(Math.Min(whole, 3), $"'{title.GetProperty("text").GetString()}' on {path} shows {Math.Min(whole, 3)} of its {whole} lines");
            }
        }
    }

    [BrowserFact]
    public async Task The_day_header_reads_with_its_spaces()
    {
        var page = await browser.NewPageAsync(Desktop);
        await browser.OpenAsync(page, "/days/2024-02-06");

        (await page.Locator("main .day-summary").InnerTextAsync()).Should().Contain("실린 순서 · 피드: Atom · JSON");
        (await page.Locator("main .density-switch").InnerTextAsync()).Should().Be("보기: 간단히 요약 모두 펼치기");
    }

    [BrowserFact]
    public async Task Thumbnails_that_fail_become_small_labels_and_videos_have_posters_and_load_nothing_first()
    {
        // The browser's network reaches only this site: every thumbnail and video of the digests fails, as offline.
        foreach (var density in new[] { "compact", "full" })
        {
            var page = await browser.NewPageAsync(Desktop);
            await page.Context.AddCookiesAsync([new Cookie { Name = "dp-density", Value = density, Url = browser.BaseUrl }]);
            await browser.OpenAsync(page, "/days/2023-12-08");
            var media = page.Locator("main .paper-media:has(img)");
            var count = await media.CountAsync();
            count.Should().BePositive();
            // Lazy images load as they come near the screen: bring each there, then wait for its failure to be marked.
            for (var i = 0; i < count; i++)
            {
                await media.Nth(i).ScrollIntoViewIfNeededAsync();
            }

            await page.WaitForFunctionAsync("n => document.querySelectorAll('main .paper-media.failed').length >= n", count);
            for (var i = 0; i < count; i++)
            {
                var box = await media.Nth(i).BoundingBoxAsync();
                box!.Height.Should().BeLessThanOrEqualTo(120, $"a failed thumbnail leaves no hole ({density} cards)");
                (await media.Nth(i).EvaluateAsync<string>("e => getComputedStyle(e, '::after').content")).Should().MatchRegex("^\"\\d{4}\\.\\d{4,5}\"$", "it shows the paper's arXiv id");
            }

            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await BrowserFixture.ScreenshotAsync(page, $"desktop-{density}-failed-media");
        }

        var videos = await (await browser.NewPageAsync(Desktop)).APIRequest.GetAsync(browser.BaseUrl + "/days/2024-02-06");
        var html = await videos.TextAsync();
        var tags = System.Text.RegularExpressions.Regex.Matches(html, "<video[^>]*>").Select(m => m.Value).ToList();
        tags.Should().NotBeEmpty();
        tags.Should().OnlyContain(t => t.Contains("poster=\"", StringComparison.Ordinal) && t.Contains("preload=\"none\"", StringComparison.Ordinal));
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
    public async Task On_a_phone_the_header_is_one_short_row_with_search_one_tap_away_and_a_navigation_that_shows_it_scrolls()
    {
        var page = await browser.NewPageAsync(Phone);
        await browser.OpenAsync(page, "/papers/2402.03286");

        var header = await page.Locator(".site-header").BoundingBoxAsync();
        header!.Height.Should().BeLessThanOrEqualTo(64);
        var nav = await page.EvaluateAsync<JsonElement>("() => { const n = document.querySelector('.site-nav'); return { scrolls: n.scrollWidth > n.clientWidth, mask: getComputedStyle(n).maskImage || getComputedStyle(n).webkitMaskImage }; }");
        if (nav.GetProperty("scrolls").GetBoolean())
        {
            nav.GetProperty("mask").GetString().Should().Contain("gradient", "a navigation wider than the screen fades at its edge, showing there is more");
        }

        var trends = page.Locator(".site-nav a", new() { HasTextString = "추세" });
        await trends.ScrollIntoViewIfNeededAsync();
        (await trends.IsVisibleAsync()).Should().BeTrue("the last item can be scrolled to");

        await page.Locator(".site-header .search-jump").TapAsync();
        await page.WaitForURLAsync("**/search");
        (await page.Locator("#search-q").IsVisibleAsync()).Should().BeTrue();
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

    /// <summary>How many paper titles are wholly inside the first <paramref name="height"/> pixels of the page.</summary>
    private static Task<int> TitlesOnScreenAsync(IPage page, int height) =>
        page.EvaluateAsync<int>("h => [...document.querySelectorAll('main .paper-title')].filter(t => t.getBoundingClientRect().bottom <= h).length", height);

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
