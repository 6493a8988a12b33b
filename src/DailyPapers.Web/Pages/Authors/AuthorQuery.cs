using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Authors;

public sealed record CoAuthor(string Name, string Slug, int SharedPapers);

public sealed record AuthorView(string Name, string Slug, IReadOnlyList<PaperCard> Papers, int TotalVotes, IReadOnlyList<CoAuthor> CoAuthors);

public static class AuthorQuery
{
    /// <summary>The author's papers newest first, their votes summed (each paper's best day), and frequent co-authors.</summary>
    public static async Task<AuthorView?> LoadAsync(PapersDbContext db, string slug, CancellationToken cancellationToken)
    {
        var author = await db.Authors.Where(a => a.Slug == slug).Select(a => new { a.Id, a.Name, a.Slug }).SingleOrDefaultAsync(cancellationToken);
        if (author is null)
        {
            return null;
        }

        var papers = await db.Papers
            .Where(p => p.Authors.Any(pa => pa.AuthorId == author.Id) && p.Appearances.Any())
            .Select(PaperCards.FromPaper)
            .ToListAsync(cancellationToken);
        papers = [.. papers.OrderByDescending(p => p.Date).ThenBy(p => p.ArxivId, StringComparer.Ordinal)];

        var paperIds = db.PaperAuthors.Where(pa => pa.AuthorId == author.Id).Select(pa => pa.PaperId);
        var coAuthors = await db.PaperAuthors
            .Where(pa => pa.AuthorId != author.Id && paperIds.Contains(pa.PaperId))
            .GroupBy(pa => pa.AuthorId)
            .Select(g => new { AuthorId = g.Key, Shared = g.Count() })
            .Join(db.Authors, g => g.AuthorId, a => a.Id, (g, a) => new { a.Name, a.Slug, g.Shared })
            .OrderByDescending(c => c.Shared).ThenBy(c => c.Name)
            .Take(12)
            .Select(c => new CoAuthor(c.Name, c.Slug, c.Shared))
            .ToListAsync(cancellationToken);
        return new AuthorView(author.Name, author.Slug, papers, papers.Sum(p => p.Votes ?? 0), coAuthors);
    }
}
