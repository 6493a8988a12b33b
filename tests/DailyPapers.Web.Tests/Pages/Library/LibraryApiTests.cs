using System.Net;
using System.Text;
using System.Text.Json;
using DailyPapers.Core.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Web.Tests.Pages.Library;

/// <summary>The seed archive with room for the many libraries these tests create.</summary>
public sealed class LibraryApp : IDisposable
{
    public AppFactory App { get; } = new() { Settings = new Dictionary<string, string> { ["DailyPapers:LibrariesPerHour"] = "1000" } };

    public void Dispose() => App.Dispose();
}

/// <summary>
/// A reader's library through its API on SQLite (issue 30): a secret key that opens one library and nothing else, the
/// same 404 for every key that opens nothing, private answers, saves with tags, notes and read marks, export and import
/// round trips, and the limits, each answered with problem details naming it.
/// </summary>
public sealed class LibraryApiTests(LibraryApp fixture) : IClassFixture<LibraryApp>
{
    private readonly AppFactory _app = fixture.App;

    private LibraryClient Client() => new(_app.CreateClient(new() { AllowAutoRedirect = false }));

    [Fact]
    public async Task A_new_library_has_a_long_random_key_and_only_a_hash_of_it_is_stored()
    {
        var library = Client();
        var first = await library.CreateAsync();
        var second = await library.CreateAsync();

        first.Should().MatchRegex("^[A-Za-z0-9_-]{32}$", "192 random bits in base64url");
        second.Should().NotBe(first);
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PapersDbContext>();
        var hashes = db.Libraries.Select(l => l.KeyHash).ToList();
        hashes.Should().ContainEquivalentOf(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(first)));
        hashes.Should().NotContain(h => Encoding.UTF8.GetString(h).Contains(first, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_never_issued_a_revoked_key_and_a_malformed_key_get_the_same_private_404()
    {
        var library = Client();
        var key = await library.CreateAsync();
        using (var saved = await library.SaveAsync(key, "2401.08541"))
        {
            saved.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using var rotate = await library.Http.PostAsync(new Uri($"/api/libraries/{key}/key", UriKind.Relative), null);
        rotate.StatusCode.Should().Be(HttpStatusCode.OK);
        LibraryClient.ShouldBePrivate(rotate);
        var fresh = JsonDocument.Parse(await rotate.Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString()!;

        (await library.IdsAsync(fresh)).Should().Equal(["2401.08541"], "the new key opens the same library");
        var never = await library.NotFoundAsync(LibraryClient.NeverIssued());
        (await library.NotFoundAsync(key)).Should().Be(never, "a revoked key is answered as one never issued");
        (await library.NotFoundAsync("x")).Should().Be(never);
        (await library.NotFoundAsync(fresh[..^1] + (fresh[^1] == 'A' ? 'B' : 'A'))).Should().Be(never, "a key one character off opens nothing");
        (await library.NotFoundAsync(new string('k', 200))).Should().Be(never);

        // Writes with a wrong key change nothing and answer the same.
        using var put = await library.Http.PutAsync(new Uri($"/api/libraries/{key}/papers/2404.00399", UriKind.Relative), null);
        put.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await library.IdsAsync(fresh)).Should().Equal("2401.08541");
        using var page = await library.Http.GetAsync(new Uri($"/library/{key}", UriKind.Relative));
        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        LibraryClient.ShouldBePrivate(page);
        (await page.Content.ReadAsStringAsync()).Should().NotContain(key);
    }

    [Fact]
    public Task Papers_are_saved_tagged_marked_read_listed_newest_first_and_removed() => LibraryContract.SaveTagReadListRemoveAsync(Client());

    [Fact]
    public Task A_library_exported_as_bibtex_ris_or_csv_imports_back_whole_and_a_tag_alone() => LibraryContract.ExportImportRoundTripAsync(Client());

    [Fact]
    public async Task An_import_takes_ids_and_links_once_each_and_names_the_ids_no_digest_lists()
    {
        var library = Client();
        var key = await library.CreateAsync();

        var result = await library.ImportAsync(key, "2401.08541\nhttps://arxiv.org/abs/2404.00399v2, arXiv:2401.08541\nhttps://huggingface.co/papers/2312.03793\n9912.99999 not-an-id");

        result.GetProperty("added").GetInt32().Should().Be(3);
        result.GetProperty("notInArchive").EnumerateArray().Select(e => e.GetString()).Should().Equal("9912.99999");
        (await library.IdsAsync(key)).Should().BeEquivalentTo(["2401.08541", "2404.00399", "2312.03793"]);
    }

    [Fact]
    public async Task Saving_a_paper_no_digest_lists_or_a_malformed_id_or_bad_marks_is_refused_with_problem_details()
    {
        var library = Client();
        var key = await library.CreateAsync();

        using var missing = await library.SaveAsync(key, "9912.99999");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var malformed = await library.SaveAsync(key, "not-an-id");
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        malformed.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        using var tooManyTags = await library.SaveAsync(key, "2401.08541", new { tags = Enumerable.Range(0, 21).Select(i => "t" + i).ToArray() });
        tooManyTags.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tooManyTags.Content.ReadAsStringAsync()).Should().Contain("tags-per-paper");
        using var spaced = await library.SaveAsync(key, "2401.08541", new { tags = LibraryClient.Tags("two words") });
        spaced.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await library.IdsAsync(key)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_body_past_the_limit_is_refused_413_naming_the_limit()
    {
        var library = Client();
        var key = await library.CreateAsync();
        using var content = new StringContent(new string('1', Web.Pages.Library.LibraryInput.MaxBodyBytes + 1), Encoding.UTF8, "text/plain");

        using var response = await library.Http.PostAsync(new Uri($"/api/libraries/{key}/import", UriKind.Relative), content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("limit").GetString().Should().Be("request-body");
    }

    [Fact]
    public async Task A_full_library_refuses_one_more_paper_409_naming_the_limit()
    {
        var library = Client();
        var key = await library.CreateAsync();
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PapersDbContext>();
            var hash = Web.Pages.Library.LibraryKey.Hash(key);
            var id = db.Libraries.Single(l => l.KeyHash == hash).Id;
            db.LibraryPapers.AddRange(Enumerable.Range(0, Web.Pages.Library.LibraryStore.MaxPapers).Select(i => new LibraryPaper { LibraryId = id, ArxivId = $"gone/{i:D7}", SavedUtc = DateTime.UtcNow }));
            await db.SaveChangesAsync();
        }

        using var response = await library.SaveAsync(key, "2401.08541");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("limit").GetString().Should().Be("papers-per-library");
        (await library.ImportAsync(key, "2401.08541", HttpStatusCode.Conflict)).GetProperty("limit").GetString().Should().Be("papers-per-library");
    }

    [Fact]
    public async Task Creating_libraries_past_the_hourly_limit_of_an_address_answers_429_naming_the_limit()
    {
        using var app = new AppFactory { Settings = new Dictionary<string, string> { ["DailyPapers:LibrariesPerHour"] = "2" } };
        var library = new LibraryClient(app.CreateClient());
        await library.CreateAsync();
        await library.CreateAsync();

        using var refused = await library.Http.PostAsync(new Uri("/api/libraries", UriKind.Relative), null);

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("limit").GetString().Should().Be("libraries-per-address");
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit_and_no_one_else_can_forge_one()
    {
        // Every request reaches the app from 10.0.0.7, as through a load balancer.
        static void FromProxy(IApplicationBuilder app) => app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("10.0.0.7");
            return next(context);
        });

        static async Task<HttpStatusCode> CreateAs(HttpClient http, string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/libraries", UriKind.Relative));
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        static WebApplicationFactory<Program> Proxied(AppFactory app) =>
            app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FirstFilter(FromProxy))));

        using var trusting = new AppFactory { Settings = new Dictionary<string, string> { ["DailyPapers:LibrariesPerHour"] = "1", ["DailyPapers:TrustedProxies"] = "10.0.0.7" } };
        using var trustingApp = Proxied(trusting);
        using var viaTrusted = trustingApp.CreateClient();
        (await CreateAs(viaTrusted, "203.0.113.1")).Should().Be(HttpStatusCode.Created);
        (await CreateAs(viaTrusted, "203.0.113.1")).Should().Be(HttpStatusCode.TooManyRequests);
        (await CreateAs(viaTrusted, "203.0.113.2")).Should().Be(HttpStatusCode.Created, "another reader behind the same proxy has a limit of their own");

        using var untrusting = new AppFactory { Settings = new Dictionary<string, string> { ["DailyPapers:LibrariesPerHour"] = "1" } };
        using var untrustingApp = Proxied(untrusting);
        using var viaUntrusted = untrustingApp.CreateClient();
        (await CreateAs(viaUntrusted, "203.0.113.1")).Should().Be(HttpStatusCode.Created);
        (await CreateAs(viaUntrusted, "203.0.113.2")).Should().Be(HttpStatusCode.TooManyRequests, "without TrustedProxies a forwarded address is not believed");
    }

    /// <summary>Runs a middleware before the app's own (a test's stand-in for the network in front of it).</summary>
    private sealed class FirstFilter(Action<IApplicationBuilder> first) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            first(app);
            next(app);
        };
    }

    [Fact]
    public async Task Library_answers_never_come_from_the_output_cache()
    {
        var library = Client();
        var key = await library.CreateAsync();
        (await library.IdsAsync(key)).Should().BeEmpty();
        (await _app.GetPrivatePageAsync($"/library/{key}")).Should().NotContain("2401.08541");

        using (var saved = await library.SaveAsync(key, "2401.08541"))
        {
            saved.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        (await library.IdsAsync(key)).Should().Equal("2401.08541");
        (await _app.GetPrivatePageAsync($"/library/{key}")).Should().Contain("2401.08541");
    }

    [Fact]
    public async Task A_paper_gone_from_the_archive_stays_in_the_library_marked_gone_and_exported()
    {
        using var app = new AppFactory();
        var library = new LibraryClient(app.CreateClient());
        var key = await library.CreateAsync();
        using (var saved = await library.SaveAsync(key, "2404.00399", new { tags = LibraryClient.Tags("kept"), note = "남는다" }))
        {
            saved.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        File.Delete(Path.Combine(app.DataDirectory, "2024-04-02.md"));
        await app.Services.GetRequiredService<Infrastructure.DataFolderIngest>().RunAsync(CancellationToken.None);

        using (var paper = await library.Http.GetAsync(new Uri("/api/papers/2404.00399", UriKind.Relative)))
        {
            paper.StatusCode.Should().Be(HttpStatusCode.NotFound, "the ingest removed the paper from the archive");
        }

        var kept = (await library.ListAsync(key)).GetProperty("papers").EnumerateArray().Single();
        kept.GetProperty("arxivId").GetString().Should().Be("2404.00399");
        kept.GetProperty("gone").GetBoolean().Should().BeTrue();
        kept.GetProperty("note").GetString().Should().Be("남는다");
        (await library.ExportAsync(key, "bib")).Should().Contain("eprint        = {2404.00399}");
        (await app.GetPrivatePageAsync($"/library/{key}")).Should().Contain("아카이브에서 사라짐");
    }
}

internal static class PrivatePages
{
    /// <summary>A library page's HTML, checked private.</summary>
    public static async Task<string> GetPrivatePageAsync(this AppFactory app, string url)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        LibraryClient.ShouldBePrivate(response);
        return await response.Content.ReadAsStringAsync();
    }
}
