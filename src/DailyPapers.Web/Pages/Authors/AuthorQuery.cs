using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Authors;

public sealed record CoAuthor(string Name, string Slug, int SharedPapers);

public enum AuthorSort
{
    Newest,
    Votes,
}

/// <param name="Papers">One page of the author's papers.</param>
/// <param name="PaperCount">All the author's papers.</param>
/// <param name="TotalVotes">Votes of all the author's papers, each paper's best day.</param>
/// <param name="CoAuthors">Who wrote most often with the author, among the papers on this page.</param>
public sealed record AuthorView(
    string Name, string Slug, IReadOnlyList<PaperCard> Papers, int TotalVotes, IReadOnlyList<CoAuthor> CoAuthors, AuthorSort Sort = AuthorSort.Newest,
    int PaperCount = 0, int Page = 1, int PageCount = 1)
{
    public const int PageSize = 50;
}

/// <summary>
/// An author page in three round trips whatever the author has written: the author (with counts kept at ingest), one
/// page of their papers from the author index, and those papers' authors.
/// </summary>
public static class AuthorQuery
{
    /// <summary>The author's papers (newest or most voted first), their votes summed (each paper's best day), and frequent co-authors.</summary>
    public static async Task<AuthorView?> LoadAsync(PapersDbContext db, string slug, CancellationToken cancellationToken, AuthorSort sort = AuthorSort.Newest, int page = 1)
    {
        var author = await db.Authors.Where(a => a.Slug == slug).Select(a => new { a.Id, a.Name, a.Slug, a.PaperCount, a.VoteCount }).SingleOrDefaultAsync(cancellationToken);
        if (author is null)
        {
            return null;
        }

        var ofAuthor = db.PaperAuthors.Where(pa => pa.AuthorId == author.Id).Select(pa => pa.Paper!).Where(p => p.LatestDate != null);
        var ordered = sort == AuthorSort.Votes
            ? ofAuthor.OrderByDescending(p => p.TopVotes).ThenByDescending(p => p.LatestDate).ThenBy(p => p.ArxivId)
            : ofAuthor.OrderByDescending(p => p.LatestDate).ThenBy(p => p.ArxivId);
        var pageCount = Math.Max(1, (author.PaperCount + AuthorView.PageSize - 1) / AuthorView.PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var papers = await ordered.Skip((page - 1) * AuthorView.PageSize).Take(AuthorView.PageSize).Select(PaperCards.FromPaper).ToCardsAsync(db, cancellationToken);

        // The co-authors are in the author lists just read: counted here rather than asked of the database again.
        var coAuthors = papers.SelectMany(p => p.Authors.DistinctBy(a => a.Slug))
            .Where(a => a.Slug != author.Slug)
            .GroupBy(a => a.Slug)
            .Select(g => new CoAuthor(g.First().Name, g.Key, g.Count()))
            .OrderByDescending(c => c.SharedPapers).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(12)
            .ToList();
        return new AuthorView(author.Name, author.Slug, papers, author.VoteCount, coAuthors, sort, author.PaperCount, page, pageCount);
    }
}
