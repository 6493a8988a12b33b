using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DailyPapers.Web.Tests.Pages.Library;

/// <summary>The library API as a reader's program uses it, with the checks every library answer must pass.</summary>
internal sealed class LibraryClient(HttpClient client)
{
    public HttpClient Http => client;

    public async Task<string> CreateAsync()
    {
        using var response = await client.PostAsync(new Uri("/api/libraries", UriKind.Relative), null);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        ShouldBePrivate(response);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var key = body.RootElement.GetProperty("key").GetString()!;
        body.RootElement.GetProperty("url").GetString().Should().Be("/library/" + key);
        return key;
    }

    public static void ShouldBePrivate(HttpResponseMessage response)
    {
        var url = response.RequestMessage?.RequestUri?.ToString();
        response.Headers.CacheControl.Should().NotBeNull(url);
        response.Headers.CacheControl!.Private.Should().BeTrue(url);
        response.Headers.CacheControl.NoStore.Should().BeTrue(url);
        response.Headers.CacheControl.Public.Should().BeFalse(url);
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.GetValues("X-Robots-Tag").Should().Equal("noindex");
        response.Headers.ETag.Should().BeNull("a private answer is never stored, so it needs no validator");
    }

    public async Task<HttpResponseMessage> SaveAsync(string key, string arxivId, object? marks = null)
    {
        using var content = marks is null ? null : JsonContent.Create(marks);
        var response = await client.PutAsync(new Uri($"/api/libraries/{key}/papers/{arxivId}", UriKind.Relative), content);
        ShouldBePrivate(response);
        return response;
    }

    public async Task<JsonElement> ListAsync(string key, string? tag = null)
    {
        using var response = await client.GetAsync(new Uri($"/api/libraries/{key}" + (tag is null ? "" : "?tag=" + Uri.EscapeDataString(tag)), UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        ShouldBePrivate(response);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<List<string>> IdsAsync(string key, string? tag = null) =>
        [.. (await ListAsync(key, tag)).GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("arxivId").GetString()!)];

    public async Task<string> ExportAsync(string key, string format, string? tag = null)
    {
        using var response = await client.GetAsync(new Uri($"/library/{key}/export.{format}" + (tag is null ? "" : "?tag=" + tag), UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ShouldBePrivate(response);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<JsonElement> ImportAsync(string key, string text, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var content = new StringContent(text, Encoding.UTF8, "text/plain");
        using var response = await client.PostAsync(new Uri($"/api/libraries/{key}/import", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, body);
        ShouldBePrivate(response);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string[] Tags(params string[] tags) => tags;

    /// <summary>A key of the right form that no library was ever given.</summary>
    public static string NeverIssued() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// What the API answers a key that opens nothing, with its trace id taken out (the one part that differs from one
    /// request to the next): the same for a key never issued, a revoked one and a malformed one.
    /// </summary>
    public async Task<string> NotFoundAsync(string key)
    {
        using var response = await client.GetAsync(new Uri($"/api/libraries/{key}", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        ShouldBePrivate(response);
        var problem = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await response.Content.ReadAsStringAsync())!;
        problem.Remove("traceId");
        return JsonSerializer.Serialize(problem);
    }
}

/// <summary>The contract both providers must keep, run on SQLite (LibraryApiTests) and PostgreSQL (LibraryPostgresTests).</summary>
internal static class LibraryContract
{
    public static async Task SaveTagReadListRemoveAsync(LibraryClient library)
    {
        var key = await library.CreateAsync();
        (await library.IdsAsync(key)).Should().BeEmpty();

        using (var first = await library.SaveAsync(key, "2401.08541", new { tags = LibraryClient.Tags("Vision", "rl", "vision"), note = "스케일링" }))
        {
            first.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using (var second = await library.SaveAsync(key, "2404.00399v2"))
        {
            second.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        // Read, and nothing else said: the tags and the note stay.
        using (var again = await library.SaveAsync(key, "2401.08541", new { read = true }))
        {
            again.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var list = await library.ListAsync(key);
        list.GetProperty("count").GetInt32().Should().Be(2);
        var papers = list.GetProperty("papers").EnumerateArray().ToList();
        papers.Select(p => p.GetProperty("arxivId").GetString()).Should().Equal(["2404.00399", "2401.08541"], "the newest saved comes first");
        var saved = papers[1];
        saved.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("vision", "rl");
        saved.GetProperty("note").GetString().Should().Be("스케일링");
        saved.GetProperty("read").GetBoolean().Should().BeTrue();
        saved.GetProperty("gone").GetBoolean().Should().BeFalse();
        saved.GetProperty("title").GetString().Should().Be("Scalable Pre-training of Large Autoregressive Image Models");
        papers[0].GetProperty("read").GetBoolean().Should().BeFalse();
        list.GetProperty("tags").GetProperty("vision").GetInt32().Should().Be(1);

        (await library.IdsAsync(key, "RL")).Should().Equal("2401.08541");
        (await library.IdsAsync(key, "none")).Should().BeEmpty();

        using (var removed = await library.Http.DeleteAsync(new Uri($"/api/libraries/{key}/papers/2404.00399", UriKind.Relative)))
        {
            removed.StatusCode.Should().Be(HttpStatusCode.NoContent);
            LibraryClient.ShouldBePrivate(removed);
        }

        (await library.IdsAsync(key)).Should().Equal("2401.08541");
    }

    public static async Task ExportImportRoundTripAsync(LibraryClient library)
    {
        var key = await library.CreateAsync();
        string[] ids = ["2401.08541", "2404.00399", "2312.03793"];
        foreach (var id in ids)
        {
            using var response = await library.SaveAsync(key, id, new { tags = LibraryClient.Tags(id == "2312.03793" ? "old" : "new") });
            response.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        foreach (var format in (string[])["bib", "ris", "csv"])
        {
            var exported = await library.ExportAsync(key, format);
            var copy = await library.CreateAsync();
            var result = await library.ImportAsync(copy, exported);
            result.GetProperty("added").GetInt32().Should().Be(3, format);
            (await library.IdsAsync(copy)).Should().BeEquivalentTo(ids, format);
            // Imported twice: nothing new.
            (await library.ImportAsync(copy, exported)).GetProperty("alreadySaved").GetInt32().Should().Be(3, format);
        }

        var tagged = await library.ExportAsync(key, "bib", "new");
        var onlyNew = await library.CreateAsync();
        await library.ImportAsync(onlyNew, tagged);
        (await library.IdsAsync(onlyNew)).Should().BeEquivalentTo(["2401.08541", "2404.00399"]);
    }
}
