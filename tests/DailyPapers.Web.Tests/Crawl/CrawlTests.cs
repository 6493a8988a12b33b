using System.Net;
using System.Xml.Linq;
using DailyPapers.Core.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace DailyPapers.Web.Tests.Crawl;

/// <summary>What crawlers read: robots.txt, the sitemap index and its sitemaps, the OpenSearch description.</summary>
[Collection(SharedApp.Name)]
public sealed class CrawlTests(AppFactory app)
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";
    private const string Site = "http://localhost";

    private async Task<(HttpStatusCode Status, string? MediaType, string Body)> GetAsync(string url, string? host = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.RelativeOrAbsolute));
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private async Task<XDocument> GetXmlAsync(string url, string mediaType = "application/xml")
    {
        var (status, type, body) = await GetAsync(url);
        status.Should().Be(HttpStatusCode.OK, $"GET {url}");
        type.Should().Be(mediaType, $"GET {url}");
        return XDocument.Parse(body);
    }

    [Fact]
    public async Task Robots_txt_keeps_crawlers_out_of_the_api_and_preferences_and_names_the_sitemap()
    {
        var (status, type, body) = await GetAsync("/robots.txt");

        status.Should().Be(HttpStatusCode.OK);
        type.Should().Be("text/plain");
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(':', 2) is [var field, var value] ? (Field: field.Trim().ToLowerInvariant(), Value: value.Trim()) : (Field: "", Value: l))
            .ToList();
        lines.Should().NotContain(l => l.Field == "", "every line of robots.txt is a field");
        lines.Should().Contain(("user-agent", "*"));
        var disallowed = lines.Where(l => l.Field == "disallow").Select(l => l.Value).ToList();
        disallowed.Should().BeEquivalentTo(["/api/", "/prefs"]);
        foreach (var path in new[] { "/", "/api", "/days/2024-01-17", "/papers/2401.08541", "/authors/xintao-wang", "/sitemap.xml" })
        {
            disallowed.Should().NotContain(d => path.StartsWith(d, StringComparison.Ordinal), $"{path} is for crawlers");
        }

        lines.Where(l => l.Field == "sitemap").Select(l => l.Value).Should().Equal(Site + "/sitemap.xml");
    }

    [Fact]
    public async Task A_robots_txt_the_operator_drops_into_wwwroot_wins()
    {
        var webRoot = Directory.CreateTempSubdirectory("dailypapers-webroot-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(webRoot.FullName, "robots.txt"), "User-agent: *\nDisallow: /\n");
            using var custom = app.WithWebHostBuilder(b =>
            {
                b.UseSetting("DailyPapers:IngestOnStartup", "false");
                b.ConfigureServices(s => s.Configure<StaticFileOptions>(o => o.FileProvider = new PhysicalFileProvider(webRoot.FullName)));
            });
            using var client = custom.CreateClient();

            var body = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

            body.Should().Be("User-agent: *\nDisallow: /\n");
        }
        finally
        {
            webRoot.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_sitemaps_list_every_day_month_paper_and_author_with_absolute_urls_and_dates()
    {
        var index = await GetXmlAsync("/sitemap.xml");
        index.Root!.Name.Should().Be(Sitemaps + "sitemapindex");
        var sitemaps = index.Root.Elements(Sitemaps + "sitemap").Select(s => s.Element(Sitemaps + "loc")!.Value).ToList();
        sitemaps.Should().NotBeEmpty().And.OnlyHaveUniqueItems();
        sitemaps.Should().OnlyContain(s => s.StartsWith(Site + "/", StringComparison.Ordinal));

        var urls = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var sitemap in sitemaps)
        {
            var set = await GetXmlAsync(sitemap);
            set.Root!.Name.Should().Be(Sitemaps + "urlset", sitemap);
            var entries = set.Root.Elements().ToList();
            entries.Should().OnlyContain(e => e.Name == Sitemaps + "url", "a urlset holds url elements only");
            entries.Count.Should().BeLessThanOrEqualTo(50_000);
            foreach (var entry in entries)
            {
                entry.Elements().Select(e => e.Name.Namespace).Should().OnlyContain(n => n == Sitemaps);
                var loc = entry.Element(Sitemaps + "loc")!.Value;
                loc.Should().StartWith(Site + "/");
                Uri.IsWellFormedUriString(loc, UriKind.Absolute).Should().BeTrue(loc);
                var lastmod = entry.Element(Sitemaps + "lastmod")?.Value;
                lastmod?.Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$", "a W3C date");
                urls.Add(loc, lastmod);
            }
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PapersDbContext>();
        var days = await db.Days.Select(d => d.Date).ToListAsync();
        var papers = await db.Papers.Select(p => new { p.ArxivId, p.LatestDate }).ToListAsync();
        var authors = await db.Authors.Select(a => a.Slug).ToListAsync();
        days.Should().NotBeEmpty();
        papers.Should().Contain(p => p.ArxivId.Contains('/'), "an old-style id is among the papers");

        foreach (var day in days)
        {
            urls.Should().Contain($"{Site}/days/{Iso(day)}", Iso(day));
        }

        foreach (var month in days.Select(d => (d.Year, d.Month)).Distinct())
        {
            urls.Should().Contain($"{Site}/months/{month.Year:D4}-{month.Month:D2}", Iso(days.Where(d => (d.Year, d.Month) == month).Max()));
        }

        foreach (var paper in papers)
        {
            urls.Should().Contain($"{Site}/papers/{paper.ArxivId}", paper.LatestDate is { } latest ? Iso(latest) : null);
        }

        foreach (var slug in authors)
        {
            urls.Should().ContainKey($"{Site}/authors/{slug}");
        }

        urls.Should().HaveCount(days.Count + days.Select(d => (d.Year, d.Month)).Distinct().Count() + papers.Count + authors.Count, "nothing else is listed");
    }

    [Fact]
    public async Task Every_url_of_the_sitemaps_answers()
    {
        var index = await GetXmlAsync("/sitemap.xml");
        var urls = new List<string>();
        foreach (var sitemap in index.Root!.Elements(Sitemaps + "sitemap").Select(s => s.Element(Sitemaps + "loc")!.Value))
        {
            urls.AddRange((await GetXmlAsync(sitemap)).Descendants(Sitemaps + "loc").Select(l => l.Value));
        }

        // A sample of each kind is enough here: the link crawl and the page tests cover the pages themselves.
        var sample = urls.GroupBy(u => new Uri(u).Segments[1]).SelectMany(g => g.Take(5)).ToList();
        sample.Select(u => new Uri(u).Segments[1]).Distinct().Should().BeEquivalentTo(["days/", "months/", "papers/", "authors/"]);
        foreach (var url in sample)
        {
            (await GetAsync(url)).Status.Should().Be(HttpStatusCode.OK, url);
        }
    }

    [Fact]
    public async Task A_sitemap_past_the_last_answers_not_found()
    {
        (await GetAsync("/sitemaps/papers-1.xml")).Status.Should().Be(HttpStatusCode.NotFound);
        (await GetAsync("/sitemaps/papers-x.xml")).Status.Should().Be(HttpStatusCode.NotFound);
        (await GetAsync("/sitemaps/papers--1.xml")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_opensearch_description_searches_the_site()
    {
        var document = await GetXmlAsync("/opensearch.xml", "application/opensearchdescription+xml");

        var root = document.Root!;
        root.Name.Should().Be(OpenSearch + "OpenSearchDescription");
        root.Element(OpenSearch + "ShortName")!.Value.Should().Be("DailyPapers");
        root.Element(OpenSearch + "Description")!.Value.Should().MatchRegex(@"\p{IsHangulSyllables}");
        root.Element(OpenSearch + "InputEncoding")!.Value.Should().Be("UTF-8");
        root.Element(OpenSearch + "Image")!.Value.Should().Be(Site + "/favicon.svg");
        var html = root.Elements(OpenSearch + "Url").Single(u => (string?)u.Attribute("type") == "text/html");
        html.Attribute("template")!.Value.Should().Be(Site + "/search?q={searchTerms}");

        var search = await GetAsync(html.Attribute("template")!.Value.Replace("{searchTerms}", "model", StringComparison.Ordinal));
        search.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_page_links_the_opensearch_description()
    {
        var page = await app.GetDocumentAsync("/days/2024-01-17");

        var link = page.QuerySelector("head link[rel=search]");
        link.Should().NotBeNull();
        link!.GetAttribute("type").Should().Be("application/opensearchdescription+xml");
        link.GetAttribute("title").Should().Be("DailyPapers");
        link.GetAttribute("href").Should().Be("/opensearch.xml");
    }

    [Theory]
    [InlineData("/robots.txt")]
    [InlineData("/sitemap.xml")]
    [InlineData("/sitemaps/days-0.xml")]
    [InlineData("/sitemaps/papers-0.xml")]
    [InlineData("/opensearch.xml")]
    [InlineData("/openapi/v1.json")]
    public async Task A_forged_host_never_reaches_absolute_urls_nor_the_cache(string url)
    {
        var forged = await GetAsync(url, host: "evil.example");
        var normal = await GetAsync(url);
        // An allowed host is used as it is: proof that the Host header reaches the app in this test.
        var allowed = await GetAsync(url, host: "127.0.0.1");

        forged.Status.Should().Be(HttpStatusCode.OK);
        forged.Body.Should().NotContain("evil.example");
        normal.Body.Should().NotContain("evil.example").And.Contain(Site);
        allowed.Body.Should().Contain("http://127.0.0.1").And.NotContain(Site);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
