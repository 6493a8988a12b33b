using System.Net;

namespace DailyPapers.Web.Tests;

/// <summary>The app listens at once and ingests in the background; health and readiness say where it stands.</summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly AppFactory _app = new() { IngestBeforeServing = false };

    [Fact]
    public async Task Healthz_answers_at_once_and_readyz_once_the_first_ingest_is_done()
    {
        using var client = _app.CreateClient();

        (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpResponseMessage ready;
        while (true)
        {
            ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (ready.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                break;
            }

            ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            ready.Headers.RetryAfter.Should().NotBeNull();
            await Task.Delay(200);
        }

        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        var home = await _app.GetDocumentAsync("/");
        home.QuerySelector("main h1")!.TextContent.Should().Contain("2024년 4월 2일");
    }

    public void Dispose() => _app.Dispose();
}

/// <summary>Pages served while the first ingest runs say so, and none of them is kept once /readyz turns ready.</summary>
public sealed class FirstIngestPagesTests : IDisposable
{
    private readonly AppFactory _app = new() { IngestBeforeServing = false };

    [Fact]
    public async Task A_page_served_during_the_first_ingest_says_so_and_is_not_kept_after_it()
    {
        // Enough digests that the first ingest takes a while: the seeds again under 600 later dates, the last 2026-08-23.
        var seeds = Directory.GetFiles(System.IO.Path.Combine(AppFactory.RepositoryRoot, "data"), "*.md").Select(File.ReadAllText).ToArray();
        var first = new DateOnly(2025, 1, 1);
        for (var i = 0; i < 600; i++)
        {
            var date = first.AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var text = System.Text.RegularExpressions.Regex.Replace(seeds[i % seeds.Length], @"## Daily Papers \(\d{4}-\d{2}-\d{2}\)", $"## Daily Papers ({date})");
            File.WriteAllText(System.IO.Path.Combine(_app.DataDirectory, $"later-{date}.md"), text);
        }

        using var client = _app.CreateClient();
        var sawLoading = false;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            // A listing answers 200 whatever is stored yet, and says the first ingest is running.
            using var page = await client.GetAsync(new Uri("/top?period=all", UriKind.Relative));
            sawLoading |= (await page.Content.ReadAsStringAsync()).Contains("operator-banner loading", StringComparison.Ordinal);
            using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (ready.StatusCode == System.Net.HttpStatusCode.OK)
            {
                break;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the first ingest must end");
        }

        sawLoading.Should().BeTrue("a page was served while the first ingest ran, and it said so");
        // At once, before the change monitor's next read of the log could drop what was cached.
        var top = await _app.GetDocumentAsync("/top?period=all");
        top.QuerySelector(".operator-banner").Should().BeNull("no page from before the end of the first ingest is kept");
        top.QuerySelectorAll("main article.paper").Should().NotBeEmpty();
        var home = await _app.GetDocumentAsync("/");
        home.QuerySelector("main h1 time")!.GetAttribute("datetime").Should().Be("2026-08-23", "the home page shows the whole ingest");
    }

    public void Dispose() => _app.Dispose();
}
