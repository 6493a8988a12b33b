using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DailyPapers.Web.Tests;

[Collection(SharedApp.Name)]
public sealed class CachingTests(AppFactory app)
{
    [Fact]
    public async Task Responses_are_compressed_when_the_client_accepts_it()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/top?period=all");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var response = await client.SendAsync(request);

        response.Content.Headers.ContentEncoding.Should().Contain("br");
    }
}

/// <summary>
/// A page's ETag is made from its own content: a conditional GET with it is answered 304, one with any other ETag the
/// whole page, and an ingest that changes the page gives it a new one. With the output cache, which answers
/// conditional GETs for what it keeps, and without it, where the ETag middleware answers them alone.
/// </summary>
public sealed class ETagTests
{
    private const string Day = "/days/2024-01-17";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_page_answers_304_only_to_its_current_etag_and_gets_a_new_one_when_an_ingest_changes_it(bool outputCache)
    {
        using var app = new AppFactory { OutputCache = outputCache };
        using var client = app.CreateClient();
        var page = await SendAsync(client, Day);
        page.Status.Should().Be(HttpStatusCode.OK);
        page.ETag.Should().NotBeNull();
        page.Body.Should().Contain("Scalable Pre-training of Large Autoregressive Image Models");
        var other = await SendAsync(client, "/days/2024-04-02");
        other.ETag.Should().NotBeNull().And.NotBe(page.ETag, "each page's ETag is made from its own content");

        var same = await SendAsync(client, Day, page.ETag);
        same.Status.Should().Be(HttpStatusCode.NotModified);
        same.Body.Should().BeEmpty();
        foreach (var stale in new[] { other.ETag!, new EntityTagHeaderValue("\"stale\"", isWeak: true) })
        {
            var answer = await SendAsync(client, Day, stale);
            answer.Status.Should().Be(HttpStatusCode.OK, $"{stale} is not the page's ETag");
            answer.Body.Should().Be(page.Body);
            answer.ETag.Should().Be(page.ETag);
        }

        var digest = Path.Combine(app.DataDirectory, "2024-01-17.md");
        var text = await File.ReadAllTextAsync(digest);
        await File.WriteAllTextAsync(digest, text.Replace("### [Scalable Pre-training", "### [Quokka Scalable Pre-training", StringComparison.Ordinal));
        // The app's own ingest: a run of the data-folder watcher either queues behind it or has already read the change.
        await app.Services.GetRequiredService<Infrastructure.DataFolderIngest>().RunAsync(CancellationToken.None);
        await app.Services.GetServices<IHostedService>().OfType<Infrastructure.ChangeMonitor>().Single().CatchUpAsync(CancellationToken.None);

        var changed = await SendAsync(client, Day, page.ETag);
        changed.Status.Should().Be(HttpStatusCode.OK, "the day changed, so its old ETag no longer matches");
        changed.Body.Should().Contain("Quokka Scalable Pre-training");
        changed.ETag.Should().NotBeNull().And.NotBe(page.ETag);
        (await SendAsync(client, Day, changed.ETag)).Status.Should().Be(HttpStatusCode.NotModified);
    }

    private sealed record Answer(HttpStatusCode Status, EntityTagHeaderValue? ETag, string Body);

    private static async Task<Answer> SendAsync(HttpClient client, string url, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        using var response = await client.SendAsync(request);
        return new Answer(response.StatusCode, response.Headers.ETag, await response.Content.ReadAsStringAsync());
    }
}
