using System.Text.Json;
using Microsoft.Playwright;

namespace DailyPapers.Browser.Tests;

/// <summary>
/// The trend chart and the rising terms without JavaScript, in light and dark, at desktop and phone size: the chart is
/// drawn, its lines stand out from the page, the form submits to a shareable address, and nothing scrolls sideways.
/// Rising terms are read on an archive where terms rise (<see cref="RisingServer"/>).
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class TrendsTests(BrowserFixture browser, RisingServer rising) : IClassFixture<RisingServer>
{
    private async Task<IPage> RisingPageAsync(BrowserNewContextOptions? options = null) => await browser.NewPageAsync(options, rising.BaseUrl);

    private async Task OpenRisingAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(rising.BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        response!.Status.Should().Be(200);
    }

    private const string Chart = "/trends?q=diffusion,%EB%AA%A8%EB%8D%B8,agent";

    private static BrowserNewContextOptions Options(string size, ColorScheme scheme) => size == "phone"
        ? new() { JavaScriptEnabled = false, ColorScheme = scheme, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 }
        : new() { JavaScriptEnabled = false, ColorScheme = scheme, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } };

    public static TheoryData<string, string> Views => new() { { "desktop", "light" }, { "desktop", "dark" }, { "phone", "light" }, { "phone", "dark" } };

    [BrowserTheory]
    [MemberData(nameof(Views))]
    public async Task The_chart_and_rising_terms_read_without_javascript(string size, string theme)
    {
        var page = await browser.NewPageAsync(Options(size, theme == "dark" ? ColorScheme.Dark : ColorScheme.Light));
        (await browser.OpenAsync(page, Chart)).Status.Should().Be(200);

        var chart = page.Locator("main svg.trend-chart");
        (await chart.IsVisibleAsync()).Should().BeTrue();
        var box = (await chart.BoundingBoxAsync())!;
        box.Width.Should().BeGreaterThan(size == "phone" ? 300 : 600);
        (await page.Locator("main svg.trend-chart .chart-lines path").CountAsync()).Should().Be(3);
        (await page.Locator("main table.trend-table tbody tr").CountAsync()).Should().BePositive();

        // Every line, axis label and the background differ enough to read, in either theme.
        var colours = await page.EvaluateAsync<JsonElement>("""
            () => {
                const rgb = c => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
                const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
                const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
                const bg = rgb(getComputedStyle(document.body).backgroundColor);
                const lines = [...document.querySelectorAll('svg.trend-chart .chart-lines path')].map(p => contrast(rgb(getComputedStyle(p).stroke), bg));
                const label = contrast(rgb(getComputedStyle(document.querySelector('svg.trend-chart .tick-label')).fill), bg);
                return { lines, label, background: lum(bg) };
            }
            """);
        if (theme == "dark")
        {
            colours.GetProperty("background").GetDouble().Should().BeLessThan(0.05);
        }

        colours.GetProperty("lines").EnumerateArray().Should().OnlyContain(c => c.GetDouble() >= 3, "graphics need 3:1 against the page");
        colours.GetProperty("label").GetDouble().Should().BeGreaterThanOrEqualTo(4.5);

        var sideways = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        sideways.Should().BeFalse("the page must not scroll sideways");
        await BrowserFixture.ScreenshotAsync(page, $"{size}-trends-{theme}");

        // Rising terms of the latest week, and of a chosen week, with their figures; nothing scrolls sideways.
        var risingPage = await RisingPageAsync(Options(size, theme == "dark" ? ColorScheme.Dark : ColorScheme.Light));
        foreach (var (path, shot) in new[] { ("/trends", "trends-rising"), ("/trends?period=week&date=2024-10-01", "trends-rising-week") })
        {
            await OpenRisingAsync(risingPage, path);
            (await risingPage.Locator("main .rising .rising-term").AllTextContentsAsync()).Should().Contain("Mamba");
            (await risingPage.Locator("main .rising .rising-figures").First.IsVisibleAsync()).Should().BeTrue();
            (await risingPage.Locator("main svg.trend-chart").IsVisibleAsync()).Should().BeTrue("the rising terms are charted");
            (await risingPage.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")).Should().BeFalse();
            await BrowserFixture.ScreenshotAsync(risingPage, $"{size}-{shot}-{theme}");
        }

        await OpenRisingAsync(risingPage, "/");
        (await risingPage.Locator("main aside.rising-box .rising-term").CountAsync()).Should().BePositive();
        await BrowserFixture.ScreenshotAsync(risingPage, $"{size}-home-rising-{theme}");
    }

    [BrowserFact]
    public async Task The_form_submits_to_a_shareable_address_without_javascript()
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await browser.OpenAsync(page, "/trends");

        await page.Locator("#trends-q").FillAsync("video, agent");
        await page.Locator("main form.trends-form button").ClickAsync();
        // The document is enough (as OpenAsync waits): on a loaded machine a navigation's load event was seen to be missed.
        await page.WaitForURLAsync("**/trends?q=video*", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

        page.Url.Should().Contain("q=video%2C+agent");
        (await page.Locator("main svg.trend-chart .legend-item").AllTextContentsAsync()).Should().Equal("video", "agent");

        // A rising term leads to its chart; the period form to a past week's rising terms.
        var risingPage = await RisingPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await OpenRisingAsync(risingPage, "/trends");
        var chartLink = risingPage.Locator("main .rising .rising-chart").First;
        await chartLink.ClickAsync();
        await risingPage.WaitForURLAsync("**/trends?q=*", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await risingPage.Locator("main svg.trend-chart").IsVisibleAsync()).Should().BeTrue();

        await OpenRisingAsync(risingPage, "/trends");
        await risingPage.Locator("#rising-date").FillAsync("2024-08-14");
        await risingPage.Locator("main form.rising-period-form button").ClickAsync();
        await risingPage.WaitForURLAsync("**/trends?period=week&date=2024-08-14", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await risingPage.Locator("main #rising-h").TextContentAsync()).Should().Be("2024-08-12부터 한 주에 떠오른 말");
    }
}
