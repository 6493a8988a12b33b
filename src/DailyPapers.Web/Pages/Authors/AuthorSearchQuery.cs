using DailyPapers.Core.Parsing;
using System.Globalization;
using DailyPapers.Core.Data;
using DailyPapers.Core.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Authors;

public sealed record AuthorHit(string Name, string Slug, int PaperCount);

public sealed record AuthorSearchView(string Query, IReadOnlyList<AuthorHit> Authors, int Total)
{
    public const int Limit = 60;

    public const int MaxQueryLength = 200;
}

public static class AuthorSearchQuery
{
    /// <summary>
    /// Case- and accent-insensitive search over author names ("Kolle" finds "Kölle", "tao wa" finds "Xintao Wang"). Exact
    /// names rank first, then names starting with the query, then names with a word starting with it, then the rest; more
    /// papers first within each. An empty query lists the most prolific authors. Candidates come from the author index
    /// (<see cref="AuthorIndex"/>), never from a scan of every name.
    /// </summary>
    public static async Task<AuthorSearchView> SearchAsync(PapersDbContext db, string? query, CancellationToken cancellationToken)
    {
        var text = AuthorNames.Clean(TextLimit.Truncate(query ?? "", AuthorSearchView.MaxQueryLength));

        var folded = AuthorNames.Fold(text);
        if (folded.Length == 0)
        {
            var top = await db.Authors
                .OrderByDescending(a => a.PaperCount).ThenBy(a => a.Name)
                .Take(AuthorSearchView.Limit)
                .Select(a => new AuthorHit(a.Name, a.Slug, a.PaperCount))
                .ToListAsync(cancellationToken);
            var stored = await db.Meta.Where(m => m.Key == "AuthorCount").Select(m => m.Value).SingleOrDefaultAsync(cancellationToken);
            return new AuthorSearchView("", top, int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : top.Count);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        (List<int> Ids, int Total) found;
        try
        {
            found = AuthorIndex.Find((SqliteConnection)db.Database.GetDbConnection(), folded);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var ids = found.Ids;
        if (ids.Count == 0)
        {
            return new AuthorSearchView(text, [], 0);
        }

        var matches = await db.Authors
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Name, a.Slug, a.FoldedName, a.PaperCount })
            .ToListAsync(cancellationToken);
        var ranked = matches
            .OrderBy(a => a.FoldedName == folded ? 0 : a.FoldedName.StartsWith(folded, StringComparison.Ordinal) ? 1 : a.FoldedName.Contains(" " + folded, StringComparison.Ordinal) ? 2 : 3)
            .ThenByDescending(a => a.PaperCount)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .Take(AuthorSearchView.Limit)
            .Select(a => new AuthorHit(a.Name, a.Slug, a.PaperCount))
            .ToList();
        return new AuthorSearchView(text, ranked, found.Total);
    }
}
