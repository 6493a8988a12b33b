using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DailyPapers.Web.Tests;

/// <summary>
/// An ingest drops only the cached pages showing what it changed, and a page's ETag is its own: a new day after the
/// latest one changes that latest day (its "next" link), the author it lists and the listings, and nothing else.
/// </summary>
public sealed class IngestEvictionTests : IDisposable
{
    private readonly AppFactory _app = new();

    private const string NewDay = """
        ## Daily Papers (2024-05-01)

        ### [A Paper Added Later](https://arxiv.org/abs/2405.00001)

        Vote: 3

        Authors: Xintao Wang, Someone New

        - 나중에 추가된 논문입니다.
        """;

    [Fact]
    public async Task A_new_day_evicts_its_neighbour_its_authors_and_the_listings_and_nothing_else()
    {
        using var client = _app.CreateClient();
        var untouchedDay = await GetAsync(client, "/days/2024-01-17");
        var untouchedPaper = await GetAsync(client, "/papers/2401.08541");
        var neighbour = await GetAsync(client, "/days/2024-04-02");
        var author = await GetAsync(client, "/authors/xintao-wang");
        var ranking = await GetAsync(client, "/top?period=all");
        var sitemaps = new Dictionary<string, Answer>();
        foreach (var sitemap in new[] { "/sitemaps/days-0.xml", "/sitemaps/months.xml", "/sitemaps/papers-0.xml", "/sitemaps/authors-0.xml" })
        {
            sitemaps[sitemap] = await GetAsync(client, sitemap);
            (await GetAsync(client, sitemap)).Cached.Should().BeTrue($"{sitemap} is cached");
        }

        await IngestAsync(NewDay);

        (await GetAsync(client, "/days/2024-01-17", untouchedDay.ETag)).Status.Should().Be(HttpStatusCode.NotModified, "that day did not change");
        (await GetAsync(client, "/papers/2401.08541", untouchedPaper.ETag)).Status.Should().Be(HttpStatusCode.NotModified);
        (await GetAsync(client, "/days/2024-01-17")).Cached.Should().BeTrue("an ingest that did not touch a page leaves it in the cache");

        var next = await GetAsync(client, "/days/2024-04-02", neighbour.ETag);
        next.Status.Should().Be(HttpStatusCode.OK);
        next.Cached.Should().BeFalse();
        next.Body.Should().Contain("/days/2024-05-01", "the latest day now links to the new one");

        var authorNow = await GetAsync(client, "/authors/xintao-wang", author.ETag);
        authorNow.Status.Should().Be(HttpStatusCode.OK);
        authorNow.Body.Should().Contain("A Paper Added Later");

        var rankingNow = await GetAsync(client, "/top?period=all", ranking.ETag);
        rankingNow.Cached.Should().BeFalse("rankings list whatever is newest");

        // Sitemaps list what is stored: every ingest that changed something drops them.
        foreach (var (sitemap, added) in new[] { ("/sitemaps/days-0.xml", "/days/2024-05-01<"), ("/sitemaps/months.xml", "/months/2024-05<"), ("/sitemaps/papers-0.xml", "/papers/2405.00001<"), ("/sitemaps/authors-0.xml", "/authors/someone-new<") })
        {
            var now = await GetAsync(client, sitemap, sitemaps[sitemap].ETag);
            now.Status.Should().Be(HttpStatusCode.OK, sitemap);
            now.Body.Should().Contain(added);
        }
    }

    [Fact]
    public async Task An_ingest_that_changes_nothing_keeps_every_page_cached()
    {
        using var client = _app.CreateClient();
        var before = await GetAsync(client, "/top?period=all");

        await IngestAsync(null);

        var after = await GetAsync(client, "/top?period=all", before.ETag);
        after.Status.Should().Be(HttpStatusCode.NotModified);
    }

    private async Task IngestAsync(string? digest)
    {
        if (digest is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(_app.DataDirectory, "2024-05-01.md"), digest);
        }

        // The app's own ingest, so the data-folder watcher's runs queue behind it rather than racing it.
        await _app.Services.GetRequiredService<Infrastructure.DataFolderIngest>().RunAsync(CancellationToken.None);
        var monitor = _app.Services.GetServices<IHostedService>().OfType<Infrastructure.ChangeMonitor>().Single();
        await monitor.CatchUpAsync(CancellationToken.None);
    }

    private sealed record Answer(HttpStatusCode Status, EntityTagHeaderValue? ETag, bool Cached, string Body);

    private static async Task<Answer> GetAsync(HttpClient client, string url, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        using var response = await client.SendAsync(request);
        // The output cache marks what it served from memory with an Age header.
        return new Answer(response.StatusCode, response.Headers.ETag, response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_digest_dropped_into_the_data_folder_is_served_without_a_restart()
    {
        using var client = _app.CreateClient();
        (await GetAsync(client, "/days/2024-05-01")).Status.Should().Be(HttpStatusCode.NotFound);

        await File.WriteAllTextAsync(Path.Combine(_app.DataDirectory, "2024-05-01.md"), NewDay);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var status = HttpStatusCode.NotFound;
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            status = (await GetAsync(client, "/days/2024-05-01?poll=" + DateTime.UtcNow.Ticks)).Status;
        }

        status.Should().Be(HttpStatusCode.OK, "the watcher ingests new digests and the change log evicts the cached 404");
    }

    [Fact]
    public async Task A_folder_of_digests_moved_in_whole_is_served_without_a_restart()
    {
        using var client = _app.CreateClient();
        (await GetAsync(client, "/days/2024-05-01")).Status.Should().Be(HttpStatusCode.NotFound);
        var outside = Path.Combine(Path.GetTempPath(), "dailypapers-move", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(outside, "05"));
        await File.WriteAllTextAsync(Path.Combine(outside, "05", "01.md"), NewDay);

        // As a git pull or a copy makes a month's folder: the folder arrives with its files already inside.
        Directory.Move(outside, Path.Combine(_app.DataDirectory, "2024"));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var status = HttpStatusCode.NotFound;
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            status = (await GetAsync(client, "/days/2024-05-01?poll=" + DateTime.UtcNow.Ticks)).Status;
        }

        status.Should().Be(HttpStatusCode.OK);
    }
}
