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
