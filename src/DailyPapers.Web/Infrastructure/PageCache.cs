using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;
using DailyPapers.Web.Pages.Authors;
using DailyPapers.Web.Pages.Days;
using DailyPapers.Web.Pages.Papers;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Web.Infrastructure;

/// <summary>
/// Cached pages are tagged by what they show, with the names the importer logs its changes under (<see cref="ChangeTags"/>):
/// a day page by its day and its papers, a paper page by its paper, its authors and the papers it suggests, an author page
/// by the author and their papers. Everything else (the home page, rankings, search, the archive, author lists) lists
/// whatever is newest and carries <see cref="Listings"/>, dropped on every change.
/// </summary>
internal static class PageCache
{
    /// <summary>Carried by every cached page, so that one eviction can drop them all.</summary>
    public const string Every = "page";

    /// <summary>Pages whose content any ingest may change.</summary>
    public const string Listings = "listings";

    public static void Tag(HttpContext context, DayView day)
    {
        ArgumentNullException.ThrowIfNull(day);
        Tag(context, [ChangeTags.Day(day.Date), .. day.Papers.Select(p => ChangeTags.Paper(p.ArxivId))]);
    }

    public static void Tag(HttpContext context, PaperView paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        Tag(context,
        [
            ChangeTags.Paper(paper.Paper.ArxivId),
            .. paper.Paper.Authors.Select(a => ChangeTags.Author(a.Slug)),
            .. paper.MoreByTheseAuthors.Select(p => ChangeTags.Paper(p.ArxivId)),
            .. paper.Similar.Select(p => ChangeTags.Paper(p.ArxivId)),
        ]);
    }

    public static void Tag(HttpContext context, AuthorView author)
    {
        ArgumentNullException.ThrowIfNull(author);
        Tag(context, [ChangeTags.Author(author.Slug), .. author.Papers.Select(p => ChangeTags.Paper(p.ArxivId))]);
    }

    private static void Tag(HttpContext context, IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.Tags.UnionWith(tags);
        }
    }
}

/// <summary>
/// Part of the base policy: a page that named nothing it shows is a listing. A reader's library is never kept (its
/// answers are private). Static assets are not kept (they carry
/// their own ETags and lifetimes), nor is an empty answer (a file missing from a wrong web root must not stay empty),
/// nor a page begun before the first ingest finished.
/// </summary>
internal sealed class ListingsByDefault : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Nor a page begun while the first ingest runs: it shows a part of the data and says so, and would stay cached
        // after /readyz turned ready.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
            || context.HttpContext.RequestServices.GetService<DataFolderIngest>() is { FirstRunDone: false }
            || DailyPapers.Web.Pages.Library.LibraryPaths.IsPrivate(context.HttpContext.Request.Path))
        {
            context.EnableOutputCaching = false;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Tags.Any(t => t != PageCache.Every))
        {
            context.Tags.Add(PageCache.Listings);
        }

        if (context.HttpContext.Response.ContentLength == 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
