using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Authors;

public sealed record CoAuthor(string Name, string Slug, int SharedPapers);

/// <summary>A month of the author's sparkline: papers first listed in it.</summary>
public sealed record AuthorMonth(DateOnly Month, int PaperCount);

public sealed record AuthorTopPaper(string ArxivId, string TitleHtml, int Votes);

/// <summary>The author at a glance, over all their papers: papers per month, first and latest listing, most voted papers.</summary>
public sealed record AuthorSummary(DateOnly First, DateOnly Latest, IReadOnlyList<AuthorMonth> Months, IReadOnlyList<AuthorTopPaper> MostVoted)
{
    public const int MostVotedCount = 3;

    /// <summary>
    /// From every listing of the author's papers (paper, day, best votes): a paper counts in the month it was first
    /// listed, so a paper listed twice is one paper; the most voted go by best votes, then newest, then arXiv id.
    /// </summary>
    public static AuthorSummary? From(IEnumerable<(string ArxivId, string TitleHtml, int? Votes, DateOnly Date)> listings)
    {
        var papers = listings.GroupBy(l => l.ArxivId)
            .Select(g => (ArxivId: g.Key, g.First().TitleHtml, Votes: g.Max(l => l.Votes) ?? 0, First: g.Min(l => l.Date), Latest: g.Max(l => l.Date)))
            .ToList();
        if (papers.Count == 0)
        {
            return null;
        }

        var first = papers.Min(p => p.First);
        var latest = papers.Max(p => p.Latest);
        var perMonth = papers.GroupBy(p => new DateOnly(p.First.Year, p.First.Month, 1)).ToDictionary(g => g.Key, g => g.Count());
        var months = new List<AuthorMonth>();
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= latest; month = month.AddMonths(1))
        {
            months.Add(new AuthorMonth(month, perMonth.GetValueOrDefault(month)));
        }

        var mostVoted = papers.OrderByDescending(p => p.Votes).ThenByDescending(p => p.Latest).ThenBy(p => p.ArxivId, StringComparer.Ordinal)
            .Take(MostVotedCount).Select(p => new AuthorTopPaper(p.ArxivId, p.TitleHtml, p.Votes)).ToList();
        return new AuthorSummary(first, latest, months, mostVoted);
    }
}

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
    int PaperCount = 0, int Page = 1, int PageCount = 1, AuthorSummary? Summary = null)
{
    public const int PageSize = 50;
}

/// <summary>
/// An author page in four round trips whatever the archive holds: the author (with counts kept at ingest), one page of
/// their papers from the author index, those papers' authors, and the listings of all their papers for the summary
/// (by the author index, then paper, listing and day keys: its cost follows the author's papers).
/// </summary>
public static class AuthorQuery
{
    private sealed record AuthorRow(int Id, string Name, string Slug, int PaperCount, int VoteCount);

    private sealed record Listing(string ArxivId, string TitleHtml, int? TopVotes, DateOnly Date);

    // Compiled (see CompiledQuery). The order by votes differs by provider (PapersDbContext.ByVotes): it stays a LINQ query.
    private static readonly CompiledQuery<Func<PapersDbContext, string, CancellationToken, Task<AuthorRow?>>> AuthorOf = new(() => EF.CompileAsyncQuery(
        (PapersDbContext db, string slug, CancellationToken _) => db.Authors.Where(a => a.Slug == slug)
            .Select(a => new AuthorRow(a.Id, a.Name, a.Slug, a.PaperCount, a.VoteCount)).SingleOrDefault()));

    private static readonly CompiledQuery<Func<PapersDbContext, int, int, int, IAsyncEnumerable<CardRow>>> NewestOf = new(() => EF.CompileAsyncQuery(
        (PapersDbContext db, int authorId, int skip, int take) => db.PaperAuthors.Where(pa => pa.AuthorId == authorId).Select(pa => pa.Paper!)
            .Where(p => p.LatestDate != null).OrderByDescending(p => p.LatestDate).ThenBy(p => p.ArxivId)
            .Skip(skip).Take(take).Select(PaperCards.FromPaper)));

    private static readonly CompiledQuery<Func<PapersDbContext, int, IAsyncEnumerable<Listing>>> ListingsOf = new(() => EF.CompileAsyncQuery(
        (PapersDbContext db, int authorId) =>
            from pa in db.PaperAuthors
            where pa.AuthorId == authorId
            join a in db.Appearances on pa.PaperId equals a.PaperId
            select new Listing(pa.Paper!.ArxivId, pa.Paper.TitleHtml, pa.Paper.TopVotes, a.Day!.Date)));

    /// <summary>The author's papers (newest or most voted first), their votes summed (each paper's best day), and frequent co-authors.</summary>
    public static async Task<AuthorView?> LoadAsync(PapersDbContext db, string slug, CancellationToken cancellationToken, AuthorSort sort = AuthorSort.Newest, int page = 1, bool withSummary = true)
    {
        var author = await AuthorOf.For(db)(db, slug, cancellationToken);
        if (author is null)
        {
            return null;
        }

        var pageCount = Math.Max(1, (author.PaperCount + AuthorView.PageSize - 1) / AuthorView.PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var (skip, take) = ((page - 1) * AuthorView.PageSize, AuthorView.PageSize);
        var rows = sort == AuthorSort.Votes
            ? await db.ByVotes(db.PaperAuthors.Where(pa => pa.AuthorId == author.Id).Select(pa => pa.Paper!).Where(p => p.LatestDate != null))
                .Skip(skip).Take(take).Select(PaperCards.FromPaper).ToListAsync(cancellationToken)
            : await NewestOf.For(db)(db, author.Id, skip, take).ToListAsync(cancellationToken);
        var papers = await PaperCards.WithAuthorsAsync(db, rows, cancellationToken);

        // The co-authors are in the author lists just read: counted here rather than asked of the database again.
        var coAuthors = papers.SelectMany(p => p.Authors.DistinctBy(a => a.Slug))
            .Where(a => a.Slug != author.Slug)
            .GroupBy(a => a.Slug)
            .Select(g => new CoAuthor(g.First().Name, g.Key, g.Count()))
            .OrderByDescending(c => c.SharedPapers).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(12)
            .ToList();
        if (!withSummary)
        {
            return new AuthorView(author.Name, author.Slug, papers, author.VoteCount, coAuthors, sort, author.PaperCount, page, pageCount);
        }

        var listings = await ListingsOf.For(db)(db, author.Id).ToListAsync(cancellationToken);
        var summary = AuthorSummary.From(listings.Select(l => (l.ArxivId, l.TitleHtml, l.TopVotes, l.Date)));
        return new AuthorView(author.Name, author.Slug, papers, author.VoteCount, coAuthors, sort, author.PaperCount, page, pageCount, summary);
    }
}
