using System.Net;
using DailyPapers.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DailyPapers.Web.Tests.Pages.Library;

/// <summary>
/// Libraries on PostgreSQL, served by two web nodes on one database: the same contract as on SQLite, and a paper saved
/// through one node shows on the other at once (nothing of a library is kept in a node's memory or output cache).
/// </summary>
public sealed class LibraryPostgresTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [PostgresFact]
    public async Task The_library_contract_holds_on_postgres_and_a_save_through_one_node_shows_on_the_other_at_once()
    {
        var data = Path.Combine(Path.GetTempPath(), "dailypapers-libraries", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "data"), "*.md"))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        try
        {
            var database = PostgresServer.Shared.CreateDatabase();
            using var first = new PostgresNode(data, database, ingest: true, output);
            using var second = new PostgresNode(data, database, ingest: false, output);
            var a = new LibraryClient(first.CreateClient());
            var b = new LibraryClient(second.CreateClient());

            await LibraryContract.SaveTagReadListRemoveAsync(a);
            await LibraryContract.ExportImportRoundTripAsync(a);

            var key = await a.CreateAsync();
            (await b.IdsAsync(key)).Should().BeEmpty("the second node has listed the library once before the save");
            using (var saved = await a.SaveAsync(key, "2401.08541", new { tags = LibraryClient.Tags("pg") }))
            {
                saved.StatusCode.Should().Be(HttpStatusCode.Created);
            }

            (await b.IdsAsync(key, "pg")).Should().Equal("2401.08541");
            using (var removed = await b.Http.DeleteAsync(new Uri($"/api/libraries/{key}/papers/2401.08541", UriKind.Relative)))
            {
                removed.StatusCode.Should().Be(HttpStatusCode.NoContent);
            }

            (await a.IdsAsync(key)).Should().BeEmpty();

            // Recommendations read the stored vectors on PostgreSQL too: papers, none of them saved.
            (await a.SaveAsync(key, "2401.08541")).Dispose();
            (await a.SaveAsync(key, "2404.00399")).Dispose();
            using var recommended = await b.Http.GetAsync(new Uri($"/api/libraries/{key}/recommendations", UriKind.Relative));
            recommended.StatusCode.Should().Be(HttpStatusCode.OK);
            using var body = System.Text.Json.JsonDocument.Parse(await recommended.Content.ReadAsStringAsync());
            var ids = body.RootElement.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("paper").GetProperty("arxivId").GetString()).ToList();
            ids.Should().NotBeEmpty().And.NotContain(["2401.08541", "2404.00399"]);

            // A search followed through one node brings its new papers on the other (PostgreSQL's full-text search).
            using (var follow = await a.Http.PutAsync(new Uri($"/api/libraries/{key}/follows/searches?q=Aurora", UriKind.Relative), null))
            {
                follow.StatusCode.Should().Be(HttpStatusCode.Created);
            }

            (await a.Http.DeleteAsync(new Uri($"/api/libraries/{key}/papers/2404.00399", UriKind.Relative))).Dispose();
            using var news = System.Text.Json.JsonDocument.Parse(await b.Http.GetStringAsync(new Uri($"/api/libraries/{key}/new", UriKind.Relative)));
            news.RootElement.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("paper").GetProperty("arxivId").GetString()).Should().Contain("2404.00399");
            (await b.NotFoundAsync(LibraryClient.NeverIssued())).Should().Be(await a.NotFoundAsync("x"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
