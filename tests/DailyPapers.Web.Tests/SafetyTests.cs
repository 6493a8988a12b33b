using System.Net;

namespace DailyPapers.Web.Tests;

/// <summary>Digest content is never trusted as HTML, and no request makes the app fail.</summary>
[Collection(SharedApp.Name)]
public sealed class SafetyTests(AppFactory app)
{
    [Theory]
    [InlineData("/days/2023-01-02")]
    [InlineData("/papers/2301.00001")]
    [InlineData("/top?period=day&date=2023-01-02")]
    [InlineData("/search?q=Hostile%20Summary")]
    public async Task A_hostile_digest_renders_inert(string url)
    {
        var page = await app.GetDocumentAsync(url);
        var main = page.QuerySelector("main")!;

        main.QuerySelectorAll("script").Should().BeEmpty();
        // Scripts come from the site's own files; the one data block (schema.org JSON-LD, never executed) is parsed as JSON.
        page.QuerySelectorAll("script:not([type='application/ld+json'])").Select(s => s.GetAttribute("src")).Should().OnlyContain(src => src != null && src.StartsWith("/js/", StringComparison.Ordinal));
        foreach (var data in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            data.HasAttribute("src").Should().BeFalse();
            using var json = System.Text.Json.JsonDocument.Parse(data.TextContent);
            json.RootElement.GetProperty("@type").GetString().Should().Be("ScholarlyArticle");
        }

        main.QuerySelectorAll("*").SelectMany(e => e.Attributes).Select(a => a.Name).Should().NotContain(n => n.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        main.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src"))
            .Should().OnlyContain(u => u!.StartsWith("https://", StringComparison.Ordinal) || u.StartsWith('/') || u.StartsWith('#'));
        main.TextContent.Should().Contain("<script>alert('inline')</script>", "the digest's HTML is shown as text");
        main.QuerySelectorAll("img").Where(i => !i.GetAttribute("src")!.StartsWith("https://", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public async Task Pages_forbid_inline_script_through_content_security_policy()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/days/2023-01-02", UriKind.Relative));

        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'").And.NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Theory]
    [InlineData("/days/%E2%80%8B2024-01-17")]
    [InlineData("/days/2024-01-17%27%20OR%201=1")]
    [InlineData("/top?period=week&date=9999-99-99")]
    [InlineData("/top?period=%E2%80%AE")]
    [InlineData("/papers/%F0%9F%98%80")]
    public async Task Odd_urls_answer_400(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("<main");
    }

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/error/404")]
    public async Task Unknown_urls_answer_a_helpful_404(string url)
    {
        var page = await app.GetDocumentAsync(url, HttpStatusCode.NotFound);

        page.QuerySelectorAll("main a[href='/']").Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_huge_query_string_is_not_an_error()
    {
        using var client = app.CreateClient();
        var noise = string.Join('&', Enumerable.Range(0, 200).Select(i => $"x{i}={new string('y', 20)}"));

        using var response = await client.GetAsync(new Uri($"/top?period=all&{noise}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
