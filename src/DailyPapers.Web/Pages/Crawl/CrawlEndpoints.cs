using System.Globalization;
using System.Text;
using System.Xml;
using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DailyPapers.Web.Pages.Crawl;

/// <summary>
/// What crawlers and browsers ask of a site besides its pages: <c>/robots.txt</c>, the sitemap index <c>/sitemap.xml</c>
/// and its sitemaps (<c>/sitemaps/days-0.xml</c>, …), and the OpenSearch description <c>/opensearch.xml</c>. Every
/// absolute URL comes from <see cref="PublicOrigin"/>, never from the request's Host header. A robots.txt dropped into
/// wwwroot is served before these endpoints run, so an operator's file wins.
/// </summary>
internal static class CrawlEndpoints
{
    public const string SitemapIndexName = "sitemapIndex";
    public const string OpenSearchName = "openSearch";
    private const string DaysName = "sitemapDays";
    private const string PapersName = "sitemapPapers";
    private const string AuthorsName = "sitemapAuthors";
    private const string MonthsName = "sitemapMonths";

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string OpenSearchNamespace = "http://a9.com/-/spec/opensearch/1.1/";

    public static void MapCrawl(this IEndpointRouteBuilder app)
    {
        app.MapRead("/robots.txt", GetRobots).ExcludeFromDescription();
        app.MapRead("/opensearch.xml", GetOpenSearch).WithName(OpenSearchName).ExcludeFromDescription();

        // Sitemaps list what is stored, so any ingest may change them: they are listings for the page cache.
        var sitemaps = app.MapGroup("").AddEndpointFilter(OpenConnectionFilter.ForEndpoint).CacheOutput(p => p.Tag(PageCache.Listings)).ExcludeFromDescription();
        sitemaps.MapRead("/sitemap.xml", GetSitemapIndex).WithName(SitemapIndexName);
        sitemaps.MapRead("/sitemaps/days-{page:int:range(0,40000)}.xml", GetDays).WithName(DaysName);
        sitemaps.MapRead("/sitemaps/papers-{page:int:range(0,40000)}.xml", GetPapers).WithName(PapersName);
        sitemaps.MapRead("/sitemaps/authors-{page:int:range(0,40000)}.xml", GetAuthors).WithName(AuthorsName);
        sitemaps.MapRead("/sitemaps/months.xml", GetMonths).WithName(MonthsName);
    }

    public static ContentHttpResult GetRobots(PublicOrigin origin, LinkGenerator links, HttpContext http)
    {
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Disallow: /api/\n")
            .Append("Disallow: /prefs\n")
            .Append("Allow: /\n")
            .Append('\n')
            .Append("Sitemap: ").Append(origin.Absolute(http, links.GetPathByName(SitemapIndexName, values: null)!)).Append('\n');
        return TypedResults.Text(text.ToString(), "text/plain; charset=utf-8");
    }

    public static FileContentHttpResult GetOpenSearch(PublicOrigin origin, LinkGenerator links, HttpContext http)
    {
        var search = origin.Absolute(http, links.GetPathByPage("/Search/Index")!) + "?q={searchTerms}";
        var bytes = Xml(w =>
        {
            w.WriteStartElement("OpenSearchDescription", OpenSearchNamespace);
            w.WriteElementString("ShortName", OpenSearchNamespace, "DailyPapers");
            w.WriteElementString("Description", OpenSearchNamespace, "Hugging Face Daily Papers 한국어 요약에서 논문과 저자를 찾습니다");
            w.WriteElementString("InputEncoding", OpenSearchNamespace, "UTF-8");
            w.WriteElementString("Language", OpenSearchNamespace, "ko");
            w.WriteStartElement("Image", OpenSearchNamespace);
            w.WriteAttributeString("type", "image/svg+xml");
            w.WriteAttributeString("width", "64");
            w.WriteAttributeString("height", "64");
            w.WriteString(origin.Absolute(http, "/favicon.svg"));
            w.WriteEndElement();
            WriteUrl(w, "text/html", search, rel: null);
            WriteUrl(w, "application/json", origin.Absolute(http, links.GetPathByName(Search.SearchApi.Name, values: null)!) + "?q={searchTerms}", rel: null);
            WriteUrl(w, "application/opensearchdescription+xml", origin.Absolute(http, links.GetPathByName(OpenSearchName, values: null)!), rel: "self");
            w.WriteEndElement();
        }, indent: true);
        return TypedResults.File(bytes, "application/opensearchdescription+xml");
    }

    public static async Task<FileContentHttpResult> GetSitemapIndex(PapersDbContext db, PublicOrigin origin, LinkGenerator links, HttpContext http, CancellationToken ct)
    {
        var counts = await SitemapQuery.CountAsync(db, ct);
        var sitemaps = new List<string>();
        void Add(string name, int pages)
        {
            for (var page = 0; page < pages; page++)
            {
                sitemaps.Add(links.GetPathByName(name, new { page })!);
            }
        }

        Add(DaysName, counts.Days);
        if (counts.HasMonths)
        {
            sitemaps.Add(links.GetPathByName(MonthsName, values: null)!);
        }

        Add(PapersName, counts.Papers);
        Add(AuthorsName, counts.Authors);
        var bytes = Xml(w =>
        {
            w.WriteStartElement("sitemapindex", SitemapNamespace);
            foreach (var path in sitemaps)
            {
                w.WriteStartElement("sitemap", SitemapNamespace);
                w.WriteElementString("loc", SitemapNamespace, origin.Absolute(http, path));
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
        return TypedResults.File(bytes, "application/xml");
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> GetDays(int page, PapersDbContext db, PublicOrigin origin, LinkGenerator links, HttpContext http, CancellationToken ct) =>
        await SitemapAsync(await SitemapQuery.DaysAsync(db, page, ct), page, c => c.Days, db, origin, links, http, ct);

    public static async Task<Results<FileContentHttpResult, NotFound>> GetPapers(int page, PapersDbContext db, PublicOrigin origin, LinkGenerator links, HttpContext http, CancellationToken ct) =>
        await SitemapAsync(await SitemapQuery.PapersAsync(db, page, ct), page, c => c.Papers, db, origin, links, http, ct);

    public static async Task<Results<FileContentHttpResult, NotFound>> GetAuthors(int page, PapersDbContext db, PublicOrigin origin, LinkGenerator links, HttpContext http, CancellationToken ct) =>
        await SitemapAsync(await SitemapQuery.AuthorsAsync(db, page, ct), page, c => c.Authors, db, origin, links, http, ct);

    public static async Task<FileContentHttpResult> GetMonths(PapersDbContext db, PublicOrigin origin, LinkGenerator links, HttpContext http, CancellationToken ct) =>
        UrlSet(await SitemapQuery.MonthsAsync(db, ct), origin, links, http);

    /// <summary>A sitemap the index lists answers even when deletions emptied its key range; one past the last is not found.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> SitemapAsync(
        List<SitemapEntry> entries, int page, Func<SitemapCounts, int> pages, PapersDbContext db, PublicOrigin origin, LinkGenerator links, HttpContext http, CancellationToken ct)
    {
        if (entries.Count == 0 && page > 0 && page >= pages(await SitemapQuery.CountAsync(db, ct)))
        {
            return TypedResults.NotFound();
        }

        return UrlSet(entries, origin, links, http);
    }

    private static FileContentHttpResult UrlSet(List<SitemapEntry> entries, PublicOrigin origin, LinkGenerator links, HttpContext http)
    {
        var site = origin.For(http);
        var bytes = Xml(w =>
        {
            w.WriteStartElement("urlset", SitemapNamespace);
            foreach (var entry in entries)
            {
                w.WriteStartElement("url", SitemapNamespace);
                w.WriteElementString("loc", SitemapNamespace, site + links.GetPathByPage(entry.Page, handler: null, values: entry.RouteValues));
                if (entry.LastModified is DateOnly date)
                {
                    w.WriteElementString("lastmod", SitemapNamespace, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
        return TypedResults.File(bytes, "application/xml");
    }

    private static void WriteUrl(XmlWriter w, string type, string template, string? rel)
    {
        w.WriteStartElement("Url", OpenSearchNamespace);
        w.WriteAttributeString("type", type);
        if (rel is not null)
        {
            w.WriteAttributeString("rel", rel);
        }

        w.WriteAttributeString("template", template);
        w.WriteEndElement();
    }

    private static byte[] Xml(Action<XmlWriter> write, bool indent = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = indent }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }
}
