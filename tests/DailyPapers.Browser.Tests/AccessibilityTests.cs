using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace DailyPapers.Browser.Tests;

/// <summary>axe-core, injected into each kind of page, finds no serious or critical violations.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    private static readonly string AxePath = Path.Combine(BrowserFixture.RepositoryRoot, "tests", "DailyPapers.Browser.Tests", "node_modules", "axe-core", "axe.min.js");

    [BrowserFact]
    public async Task Pages_have_no_serious_or_critical_accessibility_violations()
    {
        if (!File.Exists(AxePath))
        {
            throw new XunitException($"axe-core is missing at {AxePath}: run 'npm ci' in tests/DailyPapers.Browser.Tests (the build does it when npm is installed).");
        }

        var axe = await File.ReadAllTextAsync(AxePath);
        var failures = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            // Injecting axe needs the page's script policy (script-src 'self') set aside for the test only.
            var page = await browser.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, ColorScheme = scheme });
            foreach (var path in new[] { "/", "/days/2024-01-17", "/papers/2401.08541", "/top", "/authors", "/authors?q=wang", "/search?q=%EB%AA%A8%EB%8D%B8", "/days", "/trends?q=diffusion,agent", "/authors/xintao-wang" })
            {
                await browser.OpenAsync(page, path);
                await page.EvaluateAsync(axe);
                var violations = await page.EvaluateAsync<JsonElement>("""
                    async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
                    """);
                failures.AddRange(violations.EnumerateArray().Select(v => $"{path} ({scheme}): {v.GetString()}"));
            }
        }

        failures.Should().BeEmpty();
    }
}
