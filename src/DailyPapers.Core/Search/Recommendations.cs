using DailyPapers.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Core.Search;

/// <summary>A paper recommended for a set of saved papers, with its cosine to their centroid.</summary>
public sealed record Recommendation(int PaperId, double Score);

/// <summary>
/// Papers like a set of saved papers (a reader's library, or one tag of it), from the stored similarity index: the
/// centroid of the saved papers' tf-idf vectors (their kept terms, <see cref="SimilarityEngine.TermsKept"/> each, from
/// SimilarityPostings), scored against candidates found through the term index, as <see cref="SimilarPapers"/> finds
/// a paper's neighbours. Bounded whatever the archive or the library holds: the centroid reads the
/// <see cref="CentroidPapers"/> most recently saved papers' postings, follows its <see cref="CentroidTerms"/> heaviest
/// terms through their <see cref="Followed"/> heaviest postings each, and scores the <see cref="Rescored"/> best
/// candidates exactly from their own postings: 2 + <see cref="CentroidTerms"/> indexed reads, never a scan.
/// </summary>
public static class Recommendations
{
    public const int CentroidPapers = 200;
    public const int CentroidTerms = 48;
    public const int Followed = 128;
    public const int Rescored = 200;

    private sealed record Posting(int PaperId, string Term, double Weight);

    /// <summary>
    /// The <paramref name="count"/> papers closest to the centroid of <paramref name="saved"/> (paper ids, most recently
    /// saved first), none of them saved, best first (ties to the newer paper id).
    /// </summary>
    public static async Task<IReadOnlyList<Recommendation>> ForAsync(PapersDbContext db, IReadOnlyList<int> saved, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(saved);
        if (saved.Count == 0 || count <= 0)
        {
            return [];
        }

        var recent = saved.Take(CentroidPapers).ToList();
        var postings = await PostingsOfAsync(db, recent, cancellationToken);
        var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var posting in postings)
        {
            centroid[posting.Term] = centroid.GetValueOrDefault(posting.Term) + posting.Weight;
        }

        var length = Math.Sqrt(centroid.Values.Sum(w => w * w));
        if (length == 0)
        {
            return [];
        }

        var mine = saved.ToHashSet();
        var partial = new Dictionary<int, double>();
        foreach (var (term, weight) in centroid.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(CentroidTerms))
        {
            // The term index (Term, Weight DESC, PaperId) read from its top: a fixed number of rows per term.
            var heaviest = await db.Set<SimilarityPosting>().Where(p => p.Term == term).OrderByDescending(p => p.Weight).ThenBy(p => p.PaperId).Take(Followed)
                .Select(p => new Posting(p.PaperId, p.Term, p.Weight)).ToListAsync(cancellationToken);
            foreach (var posting in heaviest)
            {
                if (!mine.Contains(posting.PaperId))
                {
                    partial[posting.PaperId] = partial.GetValueOrDefault(posting.PaperId) + weight * posting.Weight;
                }
            }
        }

        var candidates = partial.OrderByDescending(c => c.Value).ThenByDescending(c => c.Key).Take(Rescored).Select(c => c.Key).ToList();
        var exact = new Dictionary<int, double>();
        foreach (var posting in await PostingsOfAsync(db, candidates, cancellationToken))
        {
            if (centroid.TryGetValue(posting.Term, out var weight))
            {
                exact[posting.PaperId] = exact.GetValueOrDefault(posting.PaperId) + weight * posting.Weight;
            }
        }

        return [.. exact.OrderByDescending(e => e.Value).ThenByDescending(e => e.Key).Take(count).Select(e => new Recommendation(e.Key, e.Value / length))];
    }

    private static async Task<List<Posting>> PostingsOfAsync(PapersDbContext db, List<int> papers, CancellationToken cancellationToken) =>
        papers.Count == 0 ? [] : await db.Set<SimilarityPosting>().Where(p => papers.Contains(p.PaperId)).Select(p => new Posting(p.PaperId, p.Term, p.Weight)).ToListAsync(cancellationToken);
}
