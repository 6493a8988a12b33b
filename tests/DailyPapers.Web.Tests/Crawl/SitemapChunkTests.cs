using System.Net;
using System.Xml.Linq;
using DailyPapers.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Web.Tests.Crawl;

/// <summary>
/// The small archive with a day, a paper and an author stored under keys 49 999 and 50 000, the last key of the first
/// sitemap of each kind and the first of the second: each is listed once, in its own sitemap, in key order.
/// </summary>
public sealed class SitemapChunkArchive : IDisposable
{
    public const int LastOfFirst = SitemapLimit - 1;
    public const int SitemapLimit = DailyPapers.Web.Pages.Crawl.SitemapQuery.PageSize;

    public SitemapChunkArchive()
    {
        // The first request waits for the ingest; the rows below are added after it.
        using (var client = Archive.App.CreateClient())
        {
            client.GetAsync(new Uri("/", UriKind.Relative)).GetAwaiter().GetResult().Dispose();
        }

        var (scope, db) = Archive.Db();
        using (scope)
        {
            var file = db.Days.Select(d => d.SourceFileId).First();
            foreach (var (id, date) in new[] { (LastOfFirst, new DateOnly(2030, 1, 1)), (SitemapLimit, new DateOnly(2030, 2, 1)) })
            {
                db.Days.Add(new Day { Id = id, Date = date, SourceFileId = file });
                db.Papers.Add(new Paper
                {
                    Id = id, ArxivId = $"3001.{id:00000}", Title = "Edge", TitleHtml = "Edge", SummaryMarkdown = "", SummaryHtml = "", LatestDate = date,
                });
                db.Authors.Add(new Author { Id = id, Key = $"edge {id}", Name = $"Edge {id}", FoldedName = $"edge {id}", Slug = $"edge-{id}" });
            }

            db.SaveChanges();
        }
    }

    public SmallArchive Archive { get; } = new();

    public void Dispose() => Archive.Dispose();
}

public sealed class SitemapChunkTests(SitemapChunkArchive chunks) : IClassFixture<SitemapChunkArchive>
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string Site = "http://localhost";

    private async Task<List<string>> LocsAsync(string url)
    {
        using var client = chunks.Archive.App.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return [.. XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Sitemaps + "loc").Select(l => l.Value)];
    }

    private async Task<List<T>> InKeyOrderAsync<T>(Func<PapersDbContext, IQueryable<T>> query)
    {
        var (scope, db) = chunks.Archive.Db();
        using (scope)
        {
            return await query(db).ToListAsync();
        }
    }

    [Fact]
    public async Task The_index_lists_two_sitemaps_of_each_kind_and_the_months()
    {
        (await LocsAsync("/sitemap.xml")).Should().Equal(
            $"{Site}/sitemaps/days-0.xml", $"{Site}/sitemaps/days-1.xml", $"{Site}/sitemaps/months.xml",
            $"{Site}/sitemaps/papers-0.xml", $"{Site}/sitemaps/papers-1.xml",
            $"{Site}/sitemaps/authors-0.xml", $"{Site}/sitemaps/authors-1.xml");
    }

    [Fact]
    public async Task Each_day_is_in_the_sitemap_of_its_key_once_and_in_key_order()
    {
        var first = await InKeyOrderAsync(db => db.Days.Where(d => d.Id < SitemapChunkArchive.SitemapLimit).OrderBy(d => d.Id).Select(d => d.Date));

        first[^1].Should().Be(new DateOnly(2030, 1, 1));
        (await LocsAsync("/sitemaps/days-0.xml")).Should().Equal(first.Select(d => $"{Site}/days/{d:yyyy-MM-dd}"));
        (await LocsAsync("/sitemaps/days-1.xml")).Should().Equal($"{Site}/days/2030-02-01");
    }

    [Fact]
    public async Task Each_paper_is_in_the_sitemap_of_its_key_once_and_in_key_order()
    {
        var first = await InKeyOrderAsync(db => db.Papers.Where(p => p.Id < SitemapChunkArchive.SitemapLimit).OrderBy(p => p.Id).Select(p => p.ArxivId));

        first[^1].Should().Be("3001.49999");
        (await LocsAsync("/sitemaps/papers-0.xml")).Should().Equal(first.Select(id => $"{Site}/papers/{id}"));
        (await LocsAsync("/sitemaps/papers-1.xml")).Should().Equal($"{Site}/papers/3001.50000");
    }

    [Fact]
    public async Task Each_author_is_in_the_sitemap_of_its_key_once_and_in_key_order()
    {
        var first = await InKeyOrderAsync(db => db.Authors.Where(a => a.Id < SitemapChunkArchive.SitemapLimit).OrderBy(a => a.Id).Select(a => a.Slug));

        first[^1].Should().Be("edge-49999");
        (await LocsAsync("/sitemaps/authors-0.xml")).Should().Equal(first.Select(slug => $"{Site}/authors/{slug}"));
        (await LocsAsync("/sitemaps/authors-1.xml")).Should().Equal($"{Site}/authors/edge-50000");
    }
}
