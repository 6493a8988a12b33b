using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Search;
using DailyPapers.Web.Pages.Search;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Library;

/// <summary>An author or a search a library follows.</summary>
public sealed record Follow(string Kind, string Value, DateTime FollowedUtc);

/// <summary>A paper new since the reader's last visit, with what brought it: an author's slug or a search's query.</summary>
public sealed record NewPaper(PaperCard Paper, IReadOnlyList<string> Authors, IReadOnlyList<string> Searches);

/// <summary>What is new for a library: the papers of its follows listed after <paramref name="Since"/>, newest first.</summary>
public sealed record NewSince(DateOnly Since, IReadOnlyList<NewPaper> Papers);

public enum FollowOutcome
{
    Added,
    Already,
    Full,
}

/// <summary>
/// Follows (authors by slug, searches by query) and what is new since a reader's last visit: the papers of each
/// followed author listed after that day, and each followed search's newest matches after it, each list bounded.
/// </summary>
internal static class LibraryFollows
{
    public const int MaxFollows = 500;
    public const int MaxQueryLength = 200;

    /// <summary>Papers read per follow, and shown in all: what is new is a short list, never the archive.</summary>
    public const int PerFollow = 20;
    public const int MaxNew = 50;

    /// <summary>Without a visit to measure from, what is new is the last week of digests.</summary>
    public const int FirstVisitDays = 7;

    /// <summary>A search query a library may follow: trimmed, one line of clean text, with something to search for.</summary>
    public static bool TryQuery(string? q, out string query, out string error)
    {
        query = (q ?? "").Trim();
        error = "";
        if (query.Length == 0 || query.Length > MaxQueryLength || !CleanText.IsClean(query, oneLine: true) || PaperSearch.Terms(query).Count == 0)
        {
            error = $"'{TextLimit.Shorten(q)}' is not a search to follow: 1 to {MaxQueryLength} characters with a word to search for.";
            return false;
        }

        return true;
    }

    public static async Task<FollowOutcome> FollowAsync(PapersDbContext db, int libraryId, string kind, string value, CancellationToken cancellationToken)
    {
        if (await db.LibraryFollows.AnyAsync(f => f.LibraryId == libraryId && f.Kind == kind && f.Value == value, cancellationToken))
        {
            return FollowOutcome.Already;
        }

        if (await db.LibraryFollows.CountAsync(f => f.LibraryId == libraryId, cancellationToken) >= MaxFollows)
        {
            return FollowOutcome.Full;
        }

        db.LibraryFollows.Add(new LibraryFollow { LibraryId = libraryId, Kind = kind, Value = value, FollowedUtc = DateTime.UtcNow });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return FollowOutcome.Added;
        }
        catch (DbUpdateException)
        {
            // Followed by another request meanwhile: the primary key kept one row.
            return FollowOutcome.Already;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public static async Task UnfollowAsync(PapersDbContext db, int libraryId, string kind, string value, CancellationToken cancellationToken) =>
        await db.LibraryFollows.Where(f => f.LibraryId == libraryId && f.Kind == kind && f.Value == value).ExecuteDeleteAsync(cancellationToken);

    public static async Task<List<Follow>> ListAsync(PapersDbContext db, int libraryId, CancellationToken cancellationToken) =>
        [.. (await db.LibraryFollows.Where(f => f.LibraryId == libraryId).OrderBy(f => f.Kind).ThenBy(f => f.Value)
            .Select(f => new { f.Kind, f.Value, f.FollowedUtc }).ToListAsync(cancellationToken))
            .Select(f => new Follow(f.Kind, f.Value, DateTime.SpecifyKind(f.FollowedUtc, DateTimeKind.Utc)))];

    /// <summary>
    /// Records a visit and returns the day what is new is measured from: the latest digest day of the visit before the
    /// last one that saw a newer day, so what is new stays until a newer digest comes, however often the page is opened.
    /// </summary>
    public static async Task<DateOnly> VisitAsync(PapersDbContext db, int libraryId, CancellationToken cancellationToken)
    {
        var latest = await db.Days.OrderByDescending(d => d.Date).Select(d => (DateOnly?)d.Date).FirstOrDefaultAsync(cancellationToken);
        var library = await db.Libraries.Where(l => l.Id == libraryId).Select(l => new { l.SeenThrough, l.VisitedThrough }).SingleAsync(cancellationToken);
        var seen = library.SeenThrough;
        if (latest is { } day && (library.VisitedThrough is null || day > library.VisitedThrough))
        {
            seen = library.VisitedThrough;
            await db.Libraries.Where(l => l.Id == libraryId)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.SeenThrough, seen).SetProperty(l => l.VisitedThrough, day), cancellationToken);
        }

        return seen ?? (latest ?? DateOnly.FromDateTime(DateTime.UtcNow)).AddDays(-FirstVisitDays);
    }

    /// <summary>The day what is new is measured from, without recording a visit (the API and the feed).</summary>
    public static async Task<DateOnly> SinceAsync(PapersDbContext db, int libraryId, CancellationToken cancellationToken)
    {
        var library = await db.Libraries.Where(l => l.Id == libraryId).Select(l => new { l.SeenThrough }).SingleAsync(cancellationToken);
        if (library.SeenThrough is { } seen)
        {
            return seen;
        }

        var latest = await db.Days.OrderByDescending(d => d.Date).Select(d => (DateOnly?)d.Date).FirstOrDefaultAsync(cancellationToken);
        return (latest ?? DateOnly.FromDateTime(DateTime.UtcNow)).AddDays(-FirstVisitDays);
    }

    /// <summary>The papers of the library's follows listed after <paramref name="since"/>, newest first, saved ones left out.</summary>
    public static async Task<NewSince> NewAsync(PapersDbContext db, int libraryId, DateOnly since, CancellationToken cancellationToken)
    {
        var follows = await ListAsync(db, libraryId, cancellationToken);
        var saved = (await db.LibraryPapers.Where(p => p.LibraryId == libraryId).Select(p => p.ArxivId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, (PaperCard Card, List<string> Authors, List<string> Searches)>(StringComparer.Ordinal);
        void Add(PaperCard card, string? author, string? search)
        {
            if (saved.Contains(card.ArxivId))
            {
                return;
            }

            if (!found.TryGetValue(card.ArxivId, out var entry))
            {
                entry = (card, [], []);
                found[card.ArxivId] = entry;
            }

            if (author is not null)
            {
                entry.Authors.Add(author);
            }

            if (search is not null)
            {
                entry.Searches.Add(search);
            }
        }

        var slugs = follows.Where(f => f.Kind == LibraryFollow.AuthorKind).Select(f => f.Value).ToList();
        foreach (var slug in slugs)
        {
            var cards = await db.PaperAuthors
                .Where(pa => pa.Author!.Slug == slug && pa.Paper!.LatestDate > since)
                .Select(pa => pa.Paper!)
                .OrderByDescending(p => p.LatestDate).ThenByDescending(p => p.Id)
                .Take(PerFollow)
                .Select(PaperCards.FromPaper)
                .ToCardsAsync(db, cancellationToken);
            foreach (var card in cards)
            {
                Add(card, slug, null);
            }
        }

        foreach (var follow in follows.Where(f => f.Kind == LibraryFollow.SearchKind))
        {
            var view = await SearchQuery.SearchAsync(db, new SearchRequest(follow.Value, 1, SearchSort.Newest, new SearchFilter(From: since.AddDays(1))), cancellationToken);
            foreach (var result in view.Results.Take(PerFollow))
            {
                Add(result.Paper, null, follow.Value);
            }
        }

        return new NewSince(since,
        [
            .. found.Values.OrderByDescending(e => e.Card.Date).ThenByDescending(e => e.Card.ArxivId, StringComparer.Ordinal).Take(MaxNew)
                .Select(e => new NewPaper(e.Card, e.Authors, e.Searches)),
        ]);
    }
}
