using System.Net;
using AngleSharp;
using System.Text.Json;
using DailyPapers.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Web.Tests.Pages.Library;

/// <summary>
/// Following authors and searches (issue 30, part 3): through the API and the pages' forms, what is new since the last
/// visit (the follows' papers listed after it, saved papers left out), and the follow limit.
/// </summary>
public sealed class LibraryFollowTests(LibraryApp fixture) : IClassFixture<LibraryApp>
{
    private const string Aurora = "2404.00399";

    private readonly AppFactory _app = fixture.App;

    private static async Task<string> FirstAuthorSlugAsync(HttpClient client, string arxivId)
    {
        using var paper = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/papers/{arxivId}", UriKind.Relative)));
        return paper.RootElement.GetProperty("authors")[0].GetProperty("slug").GetString()!;
    }

    private static async Task<JsonElement> NewAsync(LibraryClient library, string key)
    {
        using var response = await library.Http.GetAsync(new Uri($"/api/libraries/{key}/new", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        LibraryClient.ShouldBePrivate(response);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<HttpStatusCode> SendAsync(LibraryClient library, HttpMethod method, string url)
    {
        using var response = await library.Http.SendAsync(new HttpRequestMessage(method, new Uri(url, UriKind.Relative)));
        LibraryClient.ShouldBePrivate(response);
        if (!response.IsSuccessStatusCode)
        {
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        }

        return response.StatusCode;
    }

    [Fact]
    public async Task Followed_authors_and_searches_bring_their_new_papers_with_what_brought_each_and_unfollowing_stops_them()
    {
        var library = new LibraryClient(_app.CreateClient());
        var key = await library.CreateAsync();
        var slug = await FirstAuthorSlugAsync(library.Http, Aurora);

        (await SendAsync(library, HttpMethod.Put, $"/api/libraries/{key}/follows/authors/{slug}")).Should().Be(HttpStatusCode.Created);
        (await SendAsync(library, HttpMethod.Put, $"/api/libraries/{key}/follows/authors/{slug}")).Should().Be(HttpStatusCode.OK, "following twice is one follow");
        (await SendAsync(library, HttpMethod.Put, $"/api/libraries/{key}/follows/authors/no-such-author")).Should().Be(HttpStatusCode.NotFound);
        (await SendAsync(library, HttpMethod.Put, $"/api/libraries/{key}/follows/searches?q=Aurora")).Should().Be(HttpStatusCode.Created);
        (await SendAsync(library, HttpMethod.Put, $"/api/libraries/{key}/follows/searches?q=%20")).Should().Be(HttpStatusCode.BadRequest);
        (await SendAsync(library, HttpMethod.Put, $"/api/libraries/{LibraryClient.NeverIssued()}/follows/searches?q=Aurora")).Should().Be(HttpStatusCode.NotFound);

        var follows = (await library.ListAsync(key)).GetProperty("follows").EnumerateArray().Select(f => (f.GetProperty("kind").GetString(), f.GetProperty("value").GetString())).ToList();
        follows.Should().Equal([("author", slug), ("search", "Aurora")]);

        // Never visited: the last week of digests (the seeds' latest day, 2024-04-02) is new.
        var fresh = await NewAsync(library, key);
        fresh.GetProperty("since").GetString().Should().Be("2024-03-26");
        var aurora = fresh.GetProperty("papers").EnumerateArray().Single(p => p.GetProperty("paper").GetProperty("arxivId").GetString() == Aurora);
        aurora.GetProperty("authors").EnumerateArray().Select(a => a.GetString()).Should().Equal(slug);
        aurora.GetProperty("searches").EnumerateArray().Select(a => a.GetString()).Should().Equal("Aurora");
        fresh.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("paper").GetProperty("date").GetString()).Should().OnlyContain(d => string.CompareOrdinal(d, "2024-03-26") > 0);

        (await library.SaveAsync(key, Aurora)).Dispose();
        (await NewAsync(library, key)).GetProperty("papers").EnumerateArray().Should().NotContain(p => p.GetProperty("paper").GetProperty("arxivId").GetString() == Aurora, "a saved paper is not news");
        (await SendAsync(library, HttpMethod.Delete, $"/api/libraries/{key}/papers/{Aurora}")).Should().Be(HttpStatusCode.NoContent);

        (await SendAsync(library, HttpMethod.Delete, $"/api/libraries/{key}/follows/authors/{slug}")).Should().Be(HttpStatusCode.NoContent);
        (await SendAsync(library, HttpMethod.Delete, $"/api/libraries/{key}/follows/searches?q=Aurora")).Should().Be(HttpStatusCode.NoContent);
        (await NewAsync(library, key)).GetProperty("papers").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_library_following_the_limit_refuses_one_more_409_naming_it()
    {
        var library = new LibraryClient(_app.CreateClient());
        var key = await library.CreateAsync();
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PapersDbContext>();
            var hash = Web.Pages.Library.LibraryKey.Hash(key);
            var id = db.Libraries.Single(l => l.KeyHash == hash).Id;
            db.LibraryFollows.AddRange(Enumerable.Range(0, Web.Pages.Library.LibraryFollows.MaxFollows).Select(i => new LibraryFollow { LibraryId = id, Kind = "search", Value = $"topic {i}", FollowedUtc = DateTime.UtcNow }));
            await db.SaveChangesAsync();
        }

        using var response = await library.Http.PutAsync(new Uri($"/api/libraries/{key}/follows/searches?q=Aurora", UriKind.Relative), null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("limit").GetString().Should().Be("follows-per-library");
    }

    [Fact]
    public async Task Without_javascript_an_author_page_and_a_search_page_follow_and_the_library_page_unfollows()
    {
        using var browser = _app.CreateClient(new() { AllowAutoRedirect = false });
        using (var created = await Post(browser, "/library", []))
        {
            created.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        }

        var slug = await FirstAuthorSlugAsync(browser, Aurora);
        var author = await _app.GetDocumentAsync($"/authors/{slug}");
        var form = author.QuerySelector("form.follow-form")!;
        form.GetAttribute("action").Should().Be("/library/followed");
        var fields = form.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        using var followed = await Post(browser, "/library/followed", fields);
        followed.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var landing = followed.Headers.Location!.ToString();
        landing.Should().Contain("followed=1").And.Contain(Uri.EscapeDataString($"/authors/{slug}"));

        var search = await _app.GetDocumentAsync("/search?q=Aurora");
        var searchFields = search.QuerySelector("form.follow-form")!.QuerySelectorAll("input").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        (await Post(browser, "/library/followed", searchFields)).Dispose();

        var page = await PageAsync(browser, landing);
        page.QuerySelectorAll(".library-follows li").Select(li => li.GetAttribute("data-kind") + ":" + li.GetAttribute("data-value")).Should().Equal($"author:{slug}", "search:Aurora");
        page.QuerySelector(".library-new")!.TextContent.Should().Contain("Aurora-M");

        var key = landing["/library/".Length..landing.IndexOf('?', StringComparison.Ordinal)];
        (await Post(browser, $"/library/{key}/follows", [new("kind", "author"), new("value", slug), new("do", "unfollow")])).Dispose();
        (await PageAsync(browser, $"/library/{key}")).QuerySelectorAll(".library-follows li").Select(li => li.GetAttribute("data-kind")).Should().Equal("search");
    }

    [Fact]
    public async Task What_is_new_is_measured_from_the_visit_before_the_latest_digest_and_stays_until_a_newer_one()
    {
        using var app = new AppFactory();
        var library = new LibraryClient(app.CreateClient(new() { AllowAutoRedirect = false }));
        var key = await library.CreateAsync();
        var slug = await FirstAuthorSlugAsync(library.Http, Aurora);
        (await SendAsync(library, HttpMethod.Put, $"/api/libraries/{key}/follows/authors/{slug}")).Should().Be(HttpStatusCode.Created);

        // The first visit sees the last week; opening the page again before a new digest sees the same.
        (await app.GetPrivatePageAsync($"/library/{key}")).Should().Contain("Aurora-M");
        (await app.GetPrivatePageAsync($"/library/{key}")).Should().Contain("Aurora-M");

        var author = Markdown(slug);
        File.WriteAllText(Path.Combine(app.DataDirectory, "2024-04-05.md"), $"## Daily Papers (2024-04-05)\n\n### [A Later Paper by a Followed Author](https://arxiv.org/abs/2404.09999)\n\nVote: 3\n\nAuthors: {author}\n\n- 새 논문 요약.\n\n");
        await app.Services.GetRequiredService<Infrastructure.DataFolderIngest>().RunAsync(CancellationToken.None);

        var page = await app.GetPrivatePageAsync($"/library/{key}");
        page.Should().Contain("A Later Paper by a Followed Author").And.NotContain("Aurora-M", "it was new at the visit before this digest");
        (await NewAsync(library, key)).GetProperty("since").GetString().Should().Be("2024-04-02");
    }

    /// <summary>The name as the digest wrote it, for a new digest to list the same author.</summary>
    private static string Markdown(string slug) => slug == "yekun-chai" ? "Yekun Chai" : throw new InvalidOperationException($"the seeds' first Aurora-M author changed: {slug}");

    private static async Task<HttpResponseMessage> Post(HttpClient client, string url, List<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await client.SendAsync(request);
    }

    private static async Task<AngleSharp.Dom.IDocument> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        LibraryClient.ShouldBePrivate(response);
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(response.Content.ReadAsStream()));
    }
}
