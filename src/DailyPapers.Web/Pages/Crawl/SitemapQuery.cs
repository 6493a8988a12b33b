using DailyPapers.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Crawl;

/// <summary>The pages a sitemap lists: a page's route values and, when known, the date its content last changed.</summary>
public sealed record SitemapEntry(string Page, object RouteValues, DateOnly? LastModified);

/// <summary>How many sitemaps of each kind the index lists (the last primary key decides it), and whether there are months.</summary>
public sealed record SitemapCounts(int Days, int Papers, int Authors)
{
    public bool HasMonths => Days > 0;
}

/// <summary>
/// Sitemaps of at most <see cref="PageSize"/> URLs. Sitemap k of a kind covers the primary keys [k·PageSize,
/// (k+1)·PageSize): a range walk along the primary key, the same cost for the first sitemap as for the thousandth, and the
/// index needs only each table's largest key. Keys freed by deletions leave sitemaps a little short, never over the limit.
/// </summary>
public static class SitemapQuery
{
    /// <summary>The sitemaps.org limit of URLs per sitemap.</summary>
    public const int PageSize = 50_000;

    public static async Task<SitemapCounts> CountAsync(PapersDbContext db, CancellationToken cancellationToken)
    {
        var days = await db.Days.MaxAsync(d => (int?)d.Id, cancellationToken);
        var papers = await db.Papers.MaxAsync(p => (int?)p.Id, cancellationToken);
        var authors = await db.Authors.MaxAsync(a => (int?)a.Id, cancellationToken);
        return new SitemapCounts(Pages(days), Pages(papers), Pages(authors));
    }

    /// <summary>Day pages, each last changed on its own date.</summary>
    public static async Task<List<SitemapEntry>> DaysAsync(PapersDbContext db, int page, CancellationToken cancellationToken)
    {
        var (low, high) = Range(page);
        var dates = await db.Days.Where(d => d.Id >= low && d.Id < high).OrderBy(d => d.Id).Select(d => d.Date).ToListAsync(cancellationToken);
        return [.. dates.Select(d => new SitemapEntry("/Days/Day", new { date = Shared.Links.Iso(d) }, d))];
    }

    /// <summary>Paper pages, each last changed on the latest day that listed the paper.</summary>
    public static async Task<List<SitemapEntry>> PapersAsync(PapersDbContext db, int page, CancellationToken cancellationToken)
    {
        var (low, high) = Range(page);
        var papers = await db.Papers.Where(p => p.Id >= low && p.Id < high && p.LatestDate != null).OrderBy(p => p.Id)
            .Select(p => new { p.ArxivId, p.LatestDate })
            .ToListAsync(cancellationToken);
        return [.. papers.Select(p => new SitemapEntry("/Papers/Paper", new { id = p.ArxivId }, p.LatestDate))];
    }

    /// <summary>Author pages, without a date: the model keeps none per author, and working one out would read their papers.</summary>
    public static async Task<List<SitemapEntry>> AuthorsAsync(PapersDbContext db, int page, CancellationToken cancellationToken)
    {
        var (low, high) = Range(page);
        var slugs = await db.Authors.Where(a => a.Id >= low && a.Id < high).OrderBy(a => a.Id).Select(a => a.Slug).ToListAsync(cancellationToken);
        return [.. slugs.Select(s => new SitemapEntry("/Authors/Author", new { slug = s }, null))];
    }

    /// <summary>Month pages, each last changed on its latest day: a few hundred months however long the archive runs.</summary>
    public static async Task<List<SitemapEntry>> MonthsAsync(PapersDbContext db, CancellationToken cancellationToken)
    {
        var months = await ArchiveMonths.ListAsync(db, cancellationToken);
        return [.. months.Select(m => new SitemapEntry("/Days/Period", new { month = $"{m.Year:D4}-{m.Month:D2}" }, m.LatestDate))];
    }

    private static (int Low, int High) Range(int page) => (page * PageSize, (page + 1) * PageSize);

    private static int Pages(int? maxId) => maxId is int max ? (max / PageSize) + 1 : 0;
}
