using DailyPapers.Core.Parsing;
using DailyPapers.Core.Data;
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
    /// Case- and accent-insensitive substring search over author names ("Kolle" finds "Kölle"). Exact names rank first,
    /// then names starting with the query, then names with a word starting with it, then the rest; more papers first
    /// within each. An empty query lists the most prolific authors.
    /// </summary>
    public static async Task<AuthorSearchView> SearchAsync(PapersDbContext db, string? query, CancellationToken cancellationToken)
    {
        var text = AuthorNames.Clean(TextLimit.Truncate(query ?? "", AuthorSearchView.MaxQueryLength));

        var folded = AuthorNames.Fold(text);
        if (folded.Length == 0)
        {
            var top = await db.Authors
                .Select(a => new { a.Name, a.Slug, Count = a.Papers.Count })
                .OrderByDescending(a => a.Count).ThenBy(a => a.Name)
                .Take(AuthorSearchView.Limit)
                .Select(a => new AuthorHit(a.Name, a.Slug, a.Count))
                .ToListAsync(cancellationToken);
            return new AuthorSearchView("", top, await db.Authors.CountAsync(cancellationToken));
        }

        var matches = await db.Authors
            .Where(a => a.FoldedName.Contains(folded))
            .Select(a => new { a.Name, a.Slug, a.FoldedName, Count = a.Papers.Count })
            .ToListAsync(cancellationToken);
        var ranked = matches
            .OrderBy(a => a.FoldedName == folded ? 0 : a.FoldedName.StartsWith(folded, StringComparison.Ordinal) ? 1 : a.FoldedName.Contains(" " + folded, StringComparison.Ordinal) ? 2 : 3)
            .ThenByDescending(a => a.Count)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .Take(AuthorSearchView.Limit)
            .Select(a => new AuthorHit(a.Name, a.Slug, a.Count))
            .ToList();
        return new AuthorSearchView(text, ranked, matches.Count);
    }
}
