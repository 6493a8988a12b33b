using System.Net;
using System.Text.Json;
using AngleSharp;

namespace DailyPapers.Web.Tests.Pages.Library;

/// <summary>
/// A library without JavaScript: made by the footer's button, filled by the save control of any card, tagged, marked
/// read, imported into and given a new key by the library page's forms. The public pages stay the same bytes for every
/// reader, and a post from another site is refused.
/// </summary>
public sealed class LibraryFormTests(LibraryApp fixture) : IClassFixture<LibraryApp>
{
    private readonly AppFactory _app = fixture.App;

    private HttpClient Browser() => _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string site = "same-origin")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Sec-Fetch-Site", site);
        return await client.SendAsync(request);
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    /// <summary>Makes a library with the footer's form; its key, from where the browser is sent.</summary>
    private static async Task<string> CreateAsync(HttpClient browser)
    {
        using var created = await PostFormAsync(browser, "/library", []);
        created.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        LibraryClient.ShouldBePrivate(created);
        var location = created.Headers.Location!.ToString();
        location.Should().MatchRegex("^/library/[A-Za-z0-9_-]{32}\\?new=1$");
        var cookies = created.Headers.GetValues("Set-Cookie").ToList();
        cookies.Should().Contain(c => c.StartsWith("dp-library=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));
        return location["/library/".Length..location.IndexOf('?', StringComparison.Ordinal)];
    }

    private static async Task<AngleSharp.Dom.IDocument> PageAsync(HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        LibraryClient.ShouldBePrivate(response);
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(response.Content.ReadAsStream()).Address("http://localhost" + url));
    }

    [Fact]
    public async Task Every_page_offers_to_make_a_library_and_every_card_a_save_form_that_holds_no_key()
    {
        var day = await _app.GetDocumentAsync("/days/2024-01-17");

        day.QuerySelector("footer form.library-create")!.GetAttribute("method").Should().Be("post");
        day.QuerySelector("footer form.library-create")!.GetAttribute("action").Should().Be("/library");
        var cards = day.QuerySelectorAll("article.paper");
        cards.Should().NotBeEmpty();
        foreach (var card in cards)
        {
            var form = card.QuerySelector("form.save-paper")!;
            form.GetAttribute("action").Should().Be("/library/saved");
            form.QuerySelector("input[name=id]")!.GetAttribute("value").Should().Be(form.GetAttribute("data-save"));
            form.QuerySelector("input[name=return]")!.GetAttribute("value").Should().Be("/days/2024-01-17");
        }

        (await _app.GetDocumentAsync("/papers/2401.08541")).QuerySelector(".paper-detail form.save-paper input[name=id]")!.GetAttribute("value").Should().Be("2401.08541");
    }

    [Fact]
    public async Task A_reader_without_javascript_makes_a_library_saves_from_a_card_tags_marks_read_and_removes()
    {
        using var browser = Browser();
        var key = await CreateAsync(browser);
        var welcome = await PageAsync(browser, $"/library/{key}?new=1");
        welcome.QuerySelector(".library-key")!.TextContent.Should().Contain("북마크").And.Contain($"http://localhost/library/{key}");

        using (var saved = await PostFormAsync(browser, "/library/saved", [Field("id", "2401.08541"), Field("do", "save"), Field("return", "/days/2024-01-17")]))
        {
            saved.StatusCode.Should().Be(HttpStatusCode.SeeOther);
            saved.Headers.Location!.ToString().Should().StartWith($"/library/{key}?changed=2401.08541");
            var landed = await PageAsync(browser, saved.Headers.Location.ToString());
            landed.QuerySelector(".library-changed")!.TextContent.Should().Contain("Scalable Pre-training of Large Autoregressive Image Models");
            landed.QuerySelector(".library-changed a")!.GetAttribute("href").Should().Be("/days/2024-01-17");
        }

        using (var tagged = await PostFormAsync(browser, $"/library/{key}/papers", [Field("id", "2401.08541"), Field("do", "tag"), Field("tags", "Vision, scaling"), Field("note", "다시 읽기")]))
        {
            tagged.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        }

        using (var read = await PostFormAsync(browser, $"/library/{key}/papers", [Field("id", "2401.08541"), Field("do", "read")]))
        {
            read.StatusCode.Should().Be(HttpStatusCode.SeeOther);
            read.Headers.Location!.ToString().Should().Be($"/library/{key}");
        }

        var page = await PageAsync(browser, $"/library/{key}");
        var item = page.QuerySelector("li.library-paper[data-arxiv-id='2401.08541']")!;
        item.ClassList.Should().Contain("read");
        item.QuerySelectorAll(".tag").Select(t => t.TextContent).Should().Equal("vision", "scaling");
        item.QuerySelector(".library-note")!.TextContent.Should().Be("다시 읽기");
        page.QuerySelectorAll(".library-tags a[data-tag]").Select(a => a.GetAttribute("data-tag")).Should().BeEquivalentTo(["vision", "scaling"]);

        using (var removed = await PostFormAsync(browser, $"/library/{key}/papers", [Field("id", "2401.08541"), Field("do", "remove")]))
        {
            removed.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        }

        (await new LibraryClient(browser).IdsAsync(key)).Should().BeEmpty();
    }

    [Fact]
    public async Task Public_pages_are_the_same_bytes_for_a_reader_with_a_library_and_the_marks_come_from_a_private_request()
    {
        using var reader = Browser();
        var key = await CreateAsync(reader);
        (await PostFormAsync(reader, "/library/saved", [Field("id", "2401.08541"), Field("return", "/")])).Dispose();
        using var stranger = _app.CreateClient();

        foreach (var url in (string[])["/days/2024-01-17", "/papers/2401.08541", "/search?q=image"])
        {
            var mine = await reader.GetStringAsync(new Uri(url, UriKind.Relative));
            var theirs = await stranger.GetStringAsync(new Uri(url, UriKind.Relative));
            mine.Should().Be(theirs, url);
            mine.Should().NotContain(key);
        }

        using var marks = await reader.GetAsync(new Uri("/library/marks", UriKind.Relative));
        marks.StatusCode.Should().Be(HttpStatusCode.OK);
        LibraryClient.ShouldBePrivate(marks);
        JsonDocument.Parse(await marks.Content.ReadAsStringAsync()).RootElement.GetProperty("saved").EnumerateArray().Select(e => e.GetString()).Should().Equal("2401.08541");
        using var none = await stranger.GetAsync(new Uri("/library/marks", UriKind.Relative));
        none.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_post_from_another_site_changes_nothing()
    {
        using var reader = Browser();
        var key = await CreateAsync(reader);

        using var forged = await PostFormAsync(reader, "/library/saved", [Field("id", "2401.08541")], site: "cross-site");
        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/library", UriKind.Relative)) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", "https://elsewhere.example");
        using var foreign = await reader.SendAsync(request);
        foreign.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await new LibraryClient(reader).IdsAsync(key)).Should().BeEmpty();
    }

    [Fact]
    public async Task Without_a_library_a_cards_form_leads_to_the_page_that_makes_one()
    {
        using var stranger = Browser();

        using var response = await PostFormAsync(stranger, "/library/saved", [Field("id", "2401.08541"), Field("return", "/")]);

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        response.Headers.Location!.ToString().Should().Be("/library");
        (await PageAsync(stranger, "/library")).QuerySelector("main form.library-create")!.GetAttribute("action").Should().Be("/library");
    }

    [Fact]
    public async Task The_library_pages_forms_import_a_list_and_give_a_new_key_that_revokes_the_old()
    {
        using var browser = Browser();
        var key = await CreateAsync(browser);

        using (var imported = await PostFormAsync(browser, $"/library/{key}/import", [Field("text", "2401.08541\nhttps://arxiv.org/abs/2404.00399\n9912.99999"), Field("tag", "batch")]))
        {
            imported.StatusCode.Should().Be(HttpStatusCode.SeeOther);
            imported.Headers.Location!.ToString().Should().Be($"/library/{key}?imported=2&missing=1");
        }

        (await new LibraryClient(browser).IdsAsync(key, "batch")).Should().BeEquivalentTo(["2401.08541", "2404.00399"]);
        using var rotated = await PostFormAsync(browser, $"/library/{key}/key", []);
        rotated.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var fresh = rotated.Headers.Location!.ToString();
        fresh.Should().NotContain(key);
        (await PageAsync(browser, fresh)).QuerySelectorAll("li.library-paper").Should().HaveCount(2);
        using var old = await browser.GetAsync(new Uri($"/library/{key}", UriKind.Relative));
        old.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
