using System.Net;
using AngleSharp;
using DailyPapers.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using DailyPapers.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Web.Tests;

/// <summary>
/// A newcomer's path: the sample first, then another folder. The sample gives way without a flag; what a user ingested
/// is never replaced silently: /readyz and every page say why, until the server is started with --replace.
/// </summary>
public sealed class DataFolderSwitchTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly DigestFolders _folders = new("switch");

    private string Database => Path.Combine(_folders.Root, "app.db");

    [Fact]
    public async Task Another_folder_replaces_the_sample_but_never_a_users_data_without_replace()
    {
        var sample = _folders.Folder("sample", Directory.GetFiles(Path.Combine(AppFactory.RepositoryRoot, "data"), "*.md").Select(File.ReadAllText).ToArray());
        var mine = _folders.Folder("mine", DigestFolders.Day("2025-03-04", "2503.00001", "A Paper Of My Own"));
        var theirs = _folders.Folder("theirs", DigestFolders.Day("2025-05-06", "2505.00002", "A Paper Of Someone Else"));

        await using (var first = new Server(sample, Database, output))
        {
            (await first.HomeAsync()).QuerySelector("main h1 time")!.GetAttribute("datetime").Should().Be("2024-04-02");
        }

        await using (var second = new Server(mine, Database, output))
        {
            (await second.ReadyAsync()).Should().Be((HttpStatusCode.OK, "ready\n"), "the sample held nothing of the user's");
            var home = await second.HomeAsync();
            home.QuerySelector("main h1 time")!.GetAttribute("datetime").Should().Be("2025-03-04");
            home.QuerySelector(".operator-banner").Should().BeNull();
        }

        await using (var third = new Server(theirs, Database, output))
        {
            var (status, reason) = await third.ReadyAsync();
            status.Should().Be(HttpStatusCode.ServiceUnavailable);
            reason.Should().Contain($"The database holds digests ingested from {mine}; ingesting {theirs} would remove them");
            var home = await third.HomeAsync();
            home.QuerySelector("main h1 time")!.GetAttribute("datetime").Should().Be("2025-03-04", "nothing of the user's was removed");
            var banner = home.QuerySelector(".operator-banner")!;
            banner.TextContent.Should().Contain("--replace").And.Contain(theirs);
            (await third.DocumentAsync("/days")).QuerySelector(".operator-banner").Should().NotBeNull("every page says so");
        }

        await using (var fourth = new Server(theirs, Database, output, replace: true))
        {
            (await fourth.ReadyAsync()).Status.Should().Be(HttpStatusCode.OK);
            var home = await fourth.HomeAsync();
            home.QuerySelector("main h1 time")!.GetAttribute("datetime").Should().Be("2025-05-06");
            home.QuerySelector(".operator-banner").Should().BeNull();
        }
    }

    public void Dispose() => _folders.Dispose();

    private sealed class Server(string dataDirectory, string database, Xunit.Abstractions.ITestOutputHelper output, bool replace = false) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseTestLogging(output);
            builder.UseSetting("DailyPapers:DataDirectory", dataDirectory);
            builder.UseSetting("DailyPapers:Database", database);
            builder.UseSetting("DailyPapers:IngestBeforeServing", "true");
            // What `--replace` on the server's command line gives it.
            builder.ConfigureServices(s => s.AddSingleton(new StartupIngest(replace)));
        }

        public async Task<(HttpStatusCode Status, string Body)> ReadyAsync()
        {
            using var client = CreateClient();
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public Task<AngleSharp.Dom.IDocument> HomeAsync() => DocumentAsync("/");

        public async Task<AngleSharp.Dom.IDocument> DocumentAsync(string url)
        {
            using var client = CreateClient();
            var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
            return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
        }
    }
}
