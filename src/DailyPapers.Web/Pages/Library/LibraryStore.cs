using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Library;

/// <summary>What a reader sets on a saved paper; a null part keeps what was there (a new paper: no tags, no note, unread).</summary>
public sealed record Marks(IReadOnlyList<string>? Tags = null, string? Note = null, bool? Read = null);

/// <summary>A saved paper as its library lists it; <paramref name="Gone"/> when no digest lists it any more.</summary>
public sealed record SavedPaper(string ArxivId, string? Title, IReadOnlyList<string> Tags, string? Note, bool Read, DateTime SavedUtc, bool Gone);

/// <summary>A paper like a library's, with its cosine to the centroid of the library's papers.</summary>
public sealed record RecommendedPaper(double Score, PaperCard Paper);

public enum SaveOutcome
{
    Added,
    Updated,
    NotInArchive,
    Full,
}

/// <summary>The result of an import: ids saved now, ids already saved, ids no digest lists, and whether the library filled up.</summary>
public sealed record ImportResult(IReadOnlyList<string> Added, IReadOnlyList<string> AlreadySaved, IReadOnlyList<string> NotInArchive, bool Full);

/// <summary>
/// A library's reads and writes, each a short statement or one short transaction so a SQLite writer never holds the file
/// for long (an ingest waits on the busy timeout, as a library write waits on it). Nothing here is kept in memory between
/// requests: every node of a PostgreSQL site sees a save at once.
/// </summary>
internal static class LibraryStore
{
    public const int MaxPapers = 10_000;

    /// <summary>The library a key opens, or null; a wrong, revoked or malformed key costs the same lookup.</summary>
    public static async Task<int?> FindAsync(PapersDbContext db, string? key, CancellationToken cancellationToken)
    {
        var hash = LibraryKey.Hash(key);
        return await db.Libraries.Where(l => l.KeyHash == hash).Select(l => (int?)l.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>A new library; its key is returned here and nowhere else.</summary>
    public static async Task<string> CreateAsync(PapersDbContext db, CancellationToken cancellationToken)
    {
        var key = LibraryKey.New();
        db.Libraries.Add(new Core.Data.Library { KeyHash = LibraryKey.Hash(key), CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return key;
    }

    /// <summary>A new key for the library; the old one opens nothing from now on.</summary>
    public static async Task<string> RotateAsync(PapersDbContext db, int libraryId, CancellationToken cancellationToken)
    {
        var key = LibraryKey.New();
        var hash = LibraryKey.Hash(key);
        await db.Libraries.Where(l => l.Id == libraryId).ExecuteUpdateAsync(s => s.SetProperty(l => l.KeyHash, hash), cancellationToken);
        return key;
    }

    /// <summary>Saves a paper the archive lists, or changes the marks of one already saved (gone from the archive or not).</summary>
    public static async Task<SaveOutcome> SaveAsync(PapersDbContext db, int libraryId, string arxivId, Marks marks, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var saved = await db.LibraryPapers.AsTracking().SingleOrDefaultAsync(p => p.LibraryId == libraryId && p.ArxivId == arxivId, cancellationToken);
            if (saved is not null)
            {
                Apply(saved, marks);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return SaveOutcome.Updated;
            }

            if (!await db.Papers.AnyAsync(p => p.ArxivId == arxivId, cancellationToken))
            {
                return SaveOutcome.NotInArchive;
            }

            if (await db.LibraryPapers.CountAsync(p => p.LibraryId == libraryId, cancellationToken) >= MaxPapers)
            {
                return SaveOutcome.Full;
            }

            var paper = new LibraryPaper { LibraryId = libraryId, ArxivId = arxivId, SavedUtc = DateTime.UtcNow };
            Apply(paper, marks);
            db.LibraryPapers.Add(paper);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return SaveOutcome.Added;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Saved by another request meanwhile (the primary key refused the second row): change that one instead.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static void Apply(LibraryPaper paper, Marks marks)
    {
        if (marks.Tags is { } tags)
        {
            paper.Tags = string.Join(' ', tags);
        }

        if (marks.Note is { } note)
        {
            paper.Note = note.Length == 0 ? null : note;
        }

        if (marks.Read is { } read)
        {
            paper.Read = read;
        }
    }

    public static async Task<bool> RemoveAsync(PapersDbContext db, int libraryId, string arxivId, CancellationToken cancellationToken) =>
        await db.LibraryPapers.Where(p => p.LibraryId == libraryId && p.ArxivId == arxivId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The library's papers, newest saved first; with <paramref name="tag"/>, those carrying it.</summary>
    public static async Task<List<SavedPaper>> ListAsync(PapersDbContext db, int libraryId, string? tag, CancellationToken cancellationToken)
    {
        var rows = await (
            from saved in db.LibraryPapers
            where saved.LibraryId == libraryId
            join paper in db.Papers on saved.ArxivId equals paper.ArxivId into papers
            from paper in papers.DefaultIfEmpty()
            orderby saved.SavedUtc descending, saved.ArxivId
            select new { saved.ArxivId, Title = paper == null ? null : paper.Title, saved.Tags, saved.Note, saved.Read, saved.SavedUtc })
            .ToListAsync(cancellationToken);
        return
        [
            .. rows.Select(r => new SavedPaper(r.ArxivId, r.Title, Tags(r.Tags), r.Note, r.Read, DateTime.SpecifyKind(r.SavedUtc, DateTimeKind.Utc), r.Title is null))
                .Where(p => tag is null || p.Tags.Contains(tag)),
        ];
    }

    /// <summary>Cards of the saved papers the archive still lists, for exports, by arXiv id.</summary>
    public static async Task<Dictionary<string, PaperCard>> CardsAsync(PapersDbContext db, IReadOnlyList<SavedPaper> papers, CancellationToken cancellationToken)
    {
        var ids = papers.Where(p => !p.Gone).Select(p => p.ArxivId).ToList();
        var cards = ids.Count == 0 ? [] : await db.Papers.Where(p => ids.Contains(p.ArxivId)).Select(PaperCards.FromPaper).ToCardsAsync(db, cancellationToken);
        return cards.ToDictionary(c => c.ArxivId, StringComparer.Ordinal);
    }

    /// <summary>
    /// Saves the ids the archive lists and the library does not hold yet, as far as the library has room, in one
    /// transaction; <paramref name="tag"/> is given to each paper saved now.
    /// </summary>
    public static async Task<ImportResult> ImportAsync(PapersDbContext db, int libraryId, IReadOnlyList<string> ids, string? tag, CancellationToken cancellationToken)
    {
        var held = (await db.LibraryPapers.Where(p => p.LibraryId == libraryId).Select(p => p.ArxivId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var already = ids.Where(held.Contains).ToList();
        var wanted = ids.Where(id => !held.Contains(id)).ToList();
        var listed = wanted.Count == 0 ? [] : (await db.Papers.Where(p => wanted.Contains(p.ArxivId)).Select(p => p.ArxivId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Where(id => !listed.Contains(id)).ToList();
        var room = Math.Max(0, MaxPapers - held.Count);
        var added = wanted.Where(listed.Contains).Take(room).ToList();
        var now = DateTime.UtcNow;
        foreach (var id in added)
        {
            db.LibraryPapers.Add(new LibraryPaper { LibraryId = libraryId, ArxivId = id, SavedUtc = now, Tags = tag ?? "" });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return new ImportResult(added, already, missing, added.Count < wanted.Count(listed.Contains));
    }

    public const int RecommendationCount = 10;

    /// <summary>How many recommendations the feed weighs before keeping those of recent days.</summary>
    public const int FeedRecommendationCount = 50;

    /// <summary>
    /// Papers like the library's (or one tag's) and not in it, best first (<see cref="Core.Search.Recommendations"/>: the
    /// centroid of the saved papers' stored vectors against candidates from the term index).
    /// </summary>
    public static async Task<List<RecommendedPaper>> RecommendAsync(PapersDbContext db, int libraryId, string? tag, CancellationToken cancellationToken, int count = RecommendationCount)
    {
        var saved = await (
            from entry in db.LibraryPapers
            where entry.LibraryId == libraryId
            join paper in db.Papers on entry.ArxivId equals paper.ArxivId
            orderby entry.SavedUtc descending, paper.Id descending
            select new { paper.Id, entry.Tags }).ToListAsync(cancellationToken);
        var ids = saved.Where(s => tag is null || Tags(s.Tags).Contains(tag)).Select(s => s.Id).ToList();
        var found = await Core.Search.Recommendations.ForAsync(db, ids, count, cancellationToken);
        if (found.Count == 0)
        {
            return [];
        }

        var paperIds = found.Select(f => f.PaperId).ToList();
        var rows = (await db.Papers.Where(p => paperIds.Contains(p.Id)).Select(PaperCards.FromPaper).ToListAsync(cancellationToken)).ToDictionary(r => r.PaperId);
        var ordered = found.Where(f => rows.ContainsKey(f.PaperId)).ToList();
        var cards = await PaperCards.WithAuthorsAsync(db, [.. ordered.Select(f => rows[f.PaperId])], cancellationToken);
        return [.. ordered.Zip(cards, (f, card) => new RecommendedPaper(Math.Round(f.Score, 4), card))];
    }

    public static IReadOnlyList<string> Tags(string tags) => tags.Length == 0 ? [] : tags.Split(' ');
}
