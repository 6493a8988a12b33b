using System.Text.Json;

namespace DailyPapers.Browser.Tests;

/// <summary>Everything works from the keyboard, and focus is always visible.</summary>
[Collection(SharedBrowser.Name)]
public sealed class KeyboardTests(BrowserFixture browser)
{
    // Elements the Tab key should reach, in document order, as the page itself lists them.
    private const string Focusables = """
        () => [...document.querySelectorAll('a[href], button:not([hidden]), input, select, summary, video[controls], [tabindex]:not([tabindex="-1"])')]
            .filter(e => !e.closest('[hidden]') && !(e.tagName === 'A' && e.closest('details:not([open])') && !e.matches('summary')))
            .filter(e => { const s = getComputedStyle(e); return s.visibility !== 'hidden' && s.display !== 'none'; })
            .map((e, i) => { e.dataset.tabStop = i; return e.outerHTML.slice(0, 120); })
        """;

    private const string Focused = """
        () => {
            const e = document.activeElement;
            const s = getComputedStyle(e);
            return { stop: e.dataset.tabStop ?? '', html: e.outerHTML.slice(0, 120), outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
        }
        """;

    [BrowserFact]
    public async Task Tab_reaches_every_link_in_order_with_a_visible_focus_ring()
    {
        var page = await browser.NewPageAsync();
        await browser.OpenAsync(page, "/days/2024-01-19");
        var expected = await page.EvaluateAsync<string[]>(Focusables);
        expected.Length.Should().BeGreaterThan(40);

        // A date field takes several Tab presses (day, month, year); it counts once.
        var reached = new List<string>();
        for (var presses = 0; presses < expected.Length * 2 && reached.Count < expected.Length; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<JsonElement>(Focused);
            var stop = focused.GetProperty("stop").GetString()!;
            var html = focused.GetProperty("html").GetString()!;
            if (reached.Count > 0 && reached[^1] == stop)
            {
                continue;
            }

            focused.GetProperty("outline").GetString().Should().NotBe("none", $"focus on {html} must be visible");
            focused.GetProperty("width").GetDouble().Should().BeGreaterThanOrEqualTo(2, $"the focus ring on {html} is at least 2px");
            reached.Add(stop);

            if (reached.Count == 6)
            {
                await BrowserFixture.ScreenshotAsync(page, "keyboard-focus");
            }
        }

        reached.Should().Equal(Enumerable.Range(0, expected.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Tab visits, in order: " + string.Join("\n", expected));
        expected[0].Should().Contain("skip-link", "the first Tab offers to skip to the content");
    }

    [BrowserFact]
    public async Task J_and_k_move_between_papers_and_brackets_move_between_days()
    {
        var page = await browser.NewPageAsync();
        await browser.OpenAsync(page, "/days/2024-01-17");
        await page.WaitForLoadStateAsync();

        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        (await page.EvaluateAsync<int>("() => [...document.querySelectorAll('[data-paper]')].findIndex(p => p.classList.contains('is-current'))")).Should().Be(1);
        (await page.EvaluateAsync<string>("() => document.activeElement.closest('[data-paper]')?.id ?? ''")).Should().Be("p-2401.07519");
        await page.Keyboard.PressAsync("k");
        (await page.EvaluateAsync<string>("() => document.activeElement.closest('[data-paper]')?.id ?? ''")).Should().Be("p-2401.08541");
        await BrowserFixture.ScreenshotAsync(page, "keyboard-j-k");

        await page.Keyboard.PressAsync("]");
        await page.WaitForURLAsync("**/days/2024-01-19");
        await page.Keyboard.PressAsync("[");
        await page.WaitForURLAsync("**/days/2024-01-17");
    }
}
