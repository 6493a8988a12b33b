using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using DailyPapers.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace DailyPapers.Web.Tests;

/// <summary>
/// The real app on a fresh SQLite file, ingesting the seed digests plus the fixtures of this project (a hostile digest
/// and an old-style id, dated 2023-01-02 so the seeds keep the latest day and the top votes).
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dailypapers-web-tests", Guid.NewGuid().ToString("N"));

    public AppFactory()
    {
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot, "data"), "*.md"))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.md"))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        DataDirectory = data;
    }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(_root, "web.db");

    public bool IngestBeforeServing { get; init; } = true;

    /// <summary>Off, every page is rendered afresh and only the ETag middleware answers conditional requests.</summary>
    public bool OutputCache { get; init; } = true;

    /// <summary>More settings, by their configuration key (e.g. DailyPapers:LibrariesPerHour).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The output of the one test that owns this app, if one does: the app logs there.</summary>
    public ITestOutputHelper? Output { get; init; }

    public static string RepositoryRoot => DailyPapers.Testing.Repository.Root;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseTestLogging(Output);
        builder.UseSetting("DailyPapers:DataDirectory", DataDirectory);
        builder.UseSetting("DailyPapers:Database", DatabasePath);
        // Tests read the data from their first request; the app itself listens before its first ingest ends.
        builder.UseSetting("DailyPapers:IngestBeforeServing", IngestBeforeServing ? "true" : "false");
        builder.UseSetting("DailyPapers:OutputCache", OutputCache ? "true" : "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task<IDocument> GetDocumentAsync(string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using var client = CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, $"GET {url} answered:\n{html[..Math.Min(html.Length, 600)]}");
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
        var address = response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost" + url;
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(address));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

}

[CollectionDefinition(Name)]
public sealed class SharedApp : ICollectionFixture<AppFactory>
{
    public const string Name = "app";
}
