using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Authors;

public sealed record CoAuthor(string Name, string Slug, int SharedPapers);

public sealed record AuthorView(string Name, string Slug, IReadOnlyList<PaperCard> Papers, int TotalVotes, IReadOnlyList<CoAuthor> CoAuthors);

/// <summary>An author page in three round trips: the author, their papers (from the author index), and those papers' authors.</summary>
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

        var papers = await db.PaperAuthors.Where(pa => pa.AuthorId == author.Id)
            .Select(pa => pa.Paper!)
            .Where(p => p.LatestDate != null)
            .OrderByDescending(p => p.LatestDate).ThenBy(p => p.ArxivId)
            .Select(PaperCards.FromPaper)
            .ToCardsAsync(db, cancellationToken);

        // The co-authors are in the author lists just read: counted here rather than asked of the database again.
        var coAuthors = papers.SelectMany(p => p.Authors.DistinctBy(a => a.Slug))
            .Where(a => a.Slug != author.Slug)
            .GroupBy(a => a.Slug)
            .Select(g => new CoAuthor(g.First().Name, g.Key, g.Count()))
            .OrderByDescending(c => c.SharedPapers).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(12)
            .ToList();
        return new AuthorView(author.Name, author.Slug, papers, papers.Sum(p => p.Votes ?? 0), coAuthors);
    }
}
