using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;

namespace DailyPapers.Web.Tests.Pages.Feeds;

/// <summary>
/// Every page worth following has an Atom feed and a JSON Feed twin, offered in its head and visibly; each feed is valid
/// Atom as a feed reader parses it (a real XML parser, the required elements), with absolute links, authors in order,
/// the summary as HTML and the thumbnail; conditional GETs answer 304.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class FeedTests(AppFactory app)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";

    public static TheoryData<string, string> Pages => new()
    {
        { "/", "/feeds/latest.atom" },
        { "/days/2024-04-02", "/feeds/days/2024-04-02.atom" },
        { "/authors/xintao-wang", "/feeds/authors/xintao-wang.atom" },
        { "/search?q=diffusion", "/feeds/search.atom?q=diffusion" },
        { "/top?period=month&date=2024-04-01", "/feeds/top.atom?period=month&date=2024-04-01" },
        { "/weeks/2024-W14", "/feeds/weeks/2024-W14.atom" },
        { "/months/2024-04", "/feeds/months/2024-04.atom" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_offers_its_feed_and_the_feed_is_valid_atom(string page, string feedPath)
    {
        var document = await app.GetDocumentAsync(page);
        var offered = document.Head!.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href")!;
        offered.Should().Be("http://localhost" + feedPath, "the head offers the page's own feed, absolute");
        document.Head.QuerySelector("link[rel=alternate][type='application/feed+json']").Should().NotBeNull();
        document.QuerySelector("main .feed-link a[type='application/atom+xml']")!.GetAttribute("href").Should().Be(feedPath, "and the page shows it");

        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(feedPath, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/atom+xml");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        feed.Name.Should().Be(Atom + "feed");
        feed.Element(Atom + "id")!.Value.Should().NotBeNullOrWhiteSpace();
        feed.Element(Atom + "title")!.Value.Should().StartWith("DailyPapers");
        DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeAfter(new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero));
        feed.Elements(Atom + "link").Should().ContainSingle(l => (string?)l.Attribute("rel") == "self")
            .Which.Attribute("href")!.Value.Should().Be("http://localhost" + feedPath);
        var entries = feed.Elements(Atom + "entry").ToList();
        entries.Should().NotBeEmpty();
        foreach (var entry in entries)
        {
            entry.Element(Atom + "id")!.Value.Should().StartWith("http://localhost/papers/");
            entry.Element(Atom + "title")!.Value.Should().NotBeNullOrWhiteSpace();
            entry.Element(Atom + "updated").Should().NotBeNull();
            entry.Elements(Atom + "link").Should().Contain(l => (string?)l.Attribute("rel") == "alternate" && l.Attribute("href")!.Value.StartsWith("http://localhost/papers/", StringComparison.Ordinal));
            entry.Elements(Atom + "link").Should().Contain(l => (string?)l.Attribute("rel") == "related" && l.Attribute("href")!.Value.StartsWith("https://arxiv.org/abs/", StringComparison.Ordinal));
            entry.Elements(Atom + "author").Should().NotBeEmpty();
            var content = entry.Element(Atom + "content")!;
            content.Attribute("type")!.Value.Should().Be("html");
            content.Value.Should().Contain("<li>", "the summary comes as HTML");
        }
    }

    [Fact]
    public async Task An_entry_carries_what_the_paper_page_shows()
    {
        var page = await app.GetDocumentAsync("/papers/2404.00399");
        var authors = page.QuerySelectorAll("main .paper-detail .authors a, main .authors a").Select(a => a.TextContent.Trim()).Distinct().ToList();
        using var client = app.CreateClient();
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feeds/days/2024-04-02.atom", UriKind.Relative))).Root!;

        var entry = feed.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value == "http://localhost/papers/2404.00399");
        entry.Element(Atom + "title")!.Value.Should().StartWith("Aurora-M");
        entry.Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value).Should().Equal(authors.Take(entry.Elements(Atom + "author").Count()), "authors in the paper's order");
        entry.Element(Media + "thumbnail")!.Attribute("url")!.Value.Should().Contain("2404.00399");
        entry.Element(Atom + "content")!.Value.Should().Contain("추천").And.Contain("https://arxiv.org/pdf/2404.00399");
        feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task The_json_feed_is_the_atom_feeds_twin()
    {
        using var client = app.CreateClient();
        var atom = XDocument.Parse(await client.GetStringAsync(new Uri("/feeds/latest.atom", UriKind.Relative))).Root!;
        using var response = await client.GetAsync(new Uri("/feeds/latest.json", UriKind.Relative));
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/feed+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var root = json.RootElement;
        root.GetProperty("version").GetString().Should().Be("https://jsonfeed.org/version/1.1");
        root.GetProperty("feed_url").GetString().Should().Be("http://localhost/feeds/latest.json");
        root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())
            .Should().Equal(atom.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value));
        root.GetProperty("items")[0].GetProperty("content_html").GetString().Should().Contain("<li>");
    }

    [Fact]
    public async Task Entries_link_the_code_and_project_page_their_summaries_name()
    {
        using var client = app.CreateClient();
        var atom = XDocument.Parse(await client.GetStringAsync(new Uri("/feeds/days/2023-12-08.atom", UriKind.Relative))).Root!;
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/feeds/days/2023-12-08.json", UriKind.Relative)));

        var entry = atom.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value.EndsWith("/papers/2312.03814", StringComparison.Ordinal));
        entry.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "related").Select(l => ((string?)l.Attribute("title"), (string?)l.Attribute("href")))
            .Should().Contain([("코드", "https://github.com/facebookresearch/pearl"), ("프로젝트", "https://pearlagent.github.io/")], "Atom writes an address as a URI, its empty path as '/'");
        entry.Element(Atom + "content")!.Value.Should().Contain("<a href=\"https://github.com/facebookresearch/pearl\" rel=\"nofollow noopener\">코드</a>");
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString()!.EndsWith("/papers/2312.03814", StringComparison.Ordinal));
        item.GetProperty("_daily_papers").GetProperty("code_urls").EnumerateArray().Select(l => (l.GetProperty("url").GetString(), l.GetProperty("kind").GetString()))
            .Should().Equal(("https://github.com/facebookresearch/pearl", "code"), ("https://pearlagent.github.io", "project"));
        json.RootElement.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("_daily_papers").TryGetProperty("code_urls", out _))
            .Should().BeLessThan(json.RootElement.GetProperty("items").GetArrayLength(), "an entry without links has no code_urls");
    }

    [Fact]
    public async Task Conditional_gets_answer_not_modified()
    {
        using var client = app.CreateClient();
        using var first = await client.GetAsync(new Uri("/feeds/days/2024-04-02.atom", UriKind.Relative));
        first.Headers.ETag.Should().NotBeNull();
        first.Content.Headers.LastModified.Should().Be(new DateTimeOffset(2024, 4, 2, 0, 0, 0, TimeSpan.Zero));

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/feeds/days/2024-04-02.atom");
        byTag.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        (await client.SendAsync(byTag)).StatusCode.Should().Be(HttpStatusCode.NotModified);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/feeds/days/2024-04-02.atom?fresh=1");
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        (await client.SendAsync(byDate)).StatusCode.Should().Be(HttpStatusCode.NotModified);

        using var older = new HttpRequestMessage(HttpMethod.Get, "/feeds/days/2024-04-02.atom?fresh=2");
        older.Headers.IfModifiedSince = first.Content.Headers.LastModified!.Value.AddDays(-1);
        (await client.SendAsync(older)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/feeds/days/2031-01-01.atom", HttpStatusCode.NotFound)]
    [InlineData("/feeds/days/not-a-date.atom", HttpStatusCode.BadRequest)]
    [InlineData("/feeds/authors/nobody-at-all.json", HttpStatusCode.NotFound)]
    [InlineData("/feeds/top.atom?period=decade", HttpStatusCode.BadRequest)]
    [InlineData("/feeds/latest.rss", HttpStatusCode.NotFound)]
    public async Task Bad_feed_requests_are_named_problems(string url, HttpStatusCode expected)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(expected);
    }
}
