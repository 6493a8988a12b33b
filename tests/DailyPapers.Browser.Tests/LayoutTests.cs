using System.Text.Json;
using Microsoft.Playwright;

namespace DailyPapers.Browser.Tests;

/// <summary>Phone-size screens and dark mode.</summary>
[Collection(SharedBrowser.Name)]
public sealed class LayoutTests(BrowserFixture browser)
{
    private static readonly string[] Pages = ["/", "/days", "/days/2024-02-06", "/papers/2402.03286", "/top?period=all", "/authors?q=wang", "/authors/xintao-wang", "/search?q=%EB%AA%A8%EB%8D%B8", "/trends?q=diffusion,agent"];

    [BrowserFact]
    public async Task A_phone_sized_screen_never_scrolls_sideways()
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 });
        foreach (var path in Pages)
        {
            (await browser.OpenAsync(page, path)).Status.Should().Be(200, $"{path} is one of the pages checked");
            var overflow = await page.EvaluateAsync<JsonElement>("""
                () => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth,
                         widest: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                                   .map(e => e.tagName + '.' + e.className).slice(0, 3).join(', ') })
                """);
            overflow.GetProperty("scroll").GetInt32().Should().BeLessThanOrEqualTo(overflow.GetProperty("width").GetInt32(), $"{path} must fit a phone; too wide: {overflow.GetProperty("widest").GetString()}");
        }

        await browser.OpenAsync(page, "/days/2024-02-06");
        await BrowserFixture.ScreenshotAsync(page, "phone-day");
    }

    [BrowserFact]
    public async Task Dark_mode_follows_the_system_and_keeps_text_readable()
    {
        var page = await browser.NewPageAsync(new BrowserNewContextOptions { ColorScheme = ColorScheme.Dark });
        var sampled = new HashSet<string>();
        foreach (var path in Pages)
        {
            (await browser.OpenAsync(page, path)).Status.Should().Be(200, $"{path} is one of the pages checked");
            var result = await page.EvaluateAsync<JsonElement>(ContrastScript, TextKinds);
            result.GetProperty("background").GetDouble().Should().BeLessThan(0.05, $"{path} has a dark background in dark mode");
            var samples = result.GetProperty("samples").EnumerateArray().ToList();
            samples.Should().NotBeEmpty($"{path} has text whose contrast is checked");
            foreach (var sample in samples)
            {
                sample.GetProperty("ratio").GetDouble().Should().BeGreaterThanOrEqualTo(4.5, $"{sample.GetProperty("what").GetString()} on {path} meets WCAG AA");
                sampled.Add(sample.GetProperty("what").GetString()!);
            }
        }

        TextKinds.Where(k => !sampled.Contains(k)).Should().BeEmpty("each kind of text named here must be found and checked on at least one page");
        await browser.OpenAsync(page, "/days/2024-02-06");
        await BrowserFixture.ScreenshotAsync(page, "dark-day");
    }

    /// <summary>The kinds of text whose contrast is checked in dark mode, up to three of each per page.</summary>
    private static readonly string[] TextKinds = ["main p", "main a", "main h1", "main h2", ".votes", ".paper-meta", ".authors a", ".summary-text li", ".site-nav a", ".site-footer p", "mark", "main th", "main td"];

    // WCAG relative luminance and contrast of text against the nearest opaque background behind it.
    private const string ContrastScript = """
        picks => {
            const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
            const lum = ([r, g, b]) => {
                const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
            };
            const bg = e => {
                for (; e; e = e.parentElement) {
                    const c = rgb(getComputedStyle(e).backgroundColor);
                    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
                }
                return rgb(getComputedStyle(document.documentElement).backgroundColor).slice(0, 3);
            };
            const ratio = e => {
                const a = lum(rgb(getComputedStyle(e).color)), b = lum(bg(e));
                return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            };
            const samples = picks.flatMap(s => [...document.querySelectorAll(s)].slice(0, 3).filter(e => e.textContent.trim()).map(e => ({ what: s, ratio: ratio(e) })));
            return { background: lum(bg(document.body)), samples };
        }
        """;
}
