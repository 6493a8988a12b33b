using System.Net;
using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;

namespace DailyPapers.Web.Tests;

/// <summary>The app listens at once and ingests in the background; health and readiness say where it stands.</summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly AppFactory _app = new() { IngestBeforeServing = false };

    [Fact]
    public async Task Healthz_answers_at_once_and_readyz_answers_503_until_the_first_ingest_is_done_then_200()
    {
        using var client = await FirstIngest.StartHeldAsync(_app, async client =>
        {
            (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
            for (var i = 0; i < 3; i++)
            {
                using var waiting = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
                waiting.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "the first ingest cannot end while the test holds the ingest lock");
                waiting.Headers.RetryAfter.Should().NotBeNull();
                (await waiting.Content.ReadAsStringAsync()).Should().Be("ingesting the data directory\n");
            }
        });

        await FirstIngest.ReadyAsync(client);

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
        using var client = await FirstIngest.StartHeldAsync(_app, async client =>
        {
            // A listing answers 200 whatever is stored yet, and says the first ingest is running.
            for (var i = 0; i < 2; i++)
            {
                using var page = await client.GetAsync(new Uri("/top?period=all", UriKind.Relative));
                page.StatusCode.Should().Be(HttpStatusCode.OK);
                (await page.Content.ReadAsStringAsync()).Should().Contain("operator-banner loading", "a page served while the first ingest runs says so");
            }
        });

        await FirstIngest.ReadyAsync(client);

        // At once, before the change monitor's next read of the log could drop what was cached.
        var top = await _app.GetDocumentAsync("/top?period=all");
        top.QuerySelector(".operator-banner").Should().BeNull("no page from before the end of the first ingest is kept");
        top.QuerySelectorAll("main article.paper").Should().NotBeEmpty();
        var home = await _app.GetDocumentAsync("/");
        home.QuerySelector("main h1 time")!.GetAttribute("datetime").Should().Be("2024-04-02", "the home page shows the whole ingest");
    }

    public void Dispose() => _app.Dispose();
}

/// <summary>
/// Holds the first ingest back, so that "before it ends" is a window the test chooses rather than one the clock gives.
/// </summary>
internal static class FirstIngest
{
    /// <summary>
    /// Starts the app while the test holds the ingest lock beside its database (made first, so start-up's migration has
    /// nothing to wait for), runs <paramref name="whileHeld"/> with the first ingest unable to end, then lets it go.
    /// </summary>
    public static async Task<HttpClient> StartHeldAsync(AppFactory app, Func<HttpClient, Task> whileHeld)
    {
        var connectionString = PapersDatabase.ConnectionString(app.DatabasePath);
        PapersDatabase.Migrate(connectionString);
        using (IngestLock.Acquire(connectionString, CancellationToken.None))
        {
            var client = app.CreateClient();
            try
            {
                await whileHeld(client);
            }
            catch
            {
                client.Dispose();
                throw;
            }

            return client;
        }
    }

    /// <summary>Asks /readyz until it answers 200; each answer before that is a 503 saying when to ask again.</summary>
    public static async Task ReadyAsync(HttpClient client)
    {
        // Generous: the deadline only ends a run whose first ingest never ends.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            ready.Headers.RetryAfter.Should().NotBeNull();
            DateTime.UtcNow.Should().BeBefore(deadline, "the first ingest ends once the lock is free");
            await Task.Delay(100);
        }
    }
}
