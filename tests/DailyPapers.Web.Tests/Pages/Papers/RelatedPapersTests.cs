using DailyPapers.Core.Parsing;
using DailyPapers.Web.Pages.Papers;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Tests.Pages.Papers;

/// <summary>A paper's "more by these authors" and similar papers on the edge archive.</summary>
[Collection(EdgeArchive.Name)]
public sealed class RelatedPapersTests(EdgeArchive archive)
{
    private async Task<PaperView> LoadAsync(string id)
    {
        var (scope, db) = archive.Db();
        using (scope)
        {
            ArxivId.TryParse(id, out var arxivId).Should().BeTrue();
            return (await PaperQuery.LoadAsync(db, arxivId, CancellationToken.None))!;
        }
    }

    [Fact]
    public async Task More_by_these_authors_keeps_the_paper_sharing_both_authors_and_of_the_rest_the_latest_ingested()
    {
        // 2405.00061 is by Hub One and Hub Two: 00062 shares both, 00063 … 00069 share Hub One. Six are shown: 00062, then
        // of the seven that share one author the five read last (the digest is read in order).
        var view = await LoadAsync("2405.00061");

        view.MoreByTheseAuthors.Select(p => p.ArxivId).Should().Equal("2405.00062", "2405.00065", "2405.00066", "2405.00067", "2405.00068", "2405.00069");
    }

    [Fact]
    public async Task Similar_papers_come_closest_first()
    {
        var (scope, db) = archive.Db();
        List<string> closestFirst;
        using (scope)
        {
            var paperId = await db.Papers.Where(p => p.ArxivId == "2405.00001").Select(p => p.Id).SingleAsync();
            closestFirst = await db.SimilarPapers.Where(s => s.PaperId == paperId)
                .Join(db.Papers, s => s.SimilarPaperId, p => p.Id, (s, p) => new { s.Score, s.Rank, p.ArxivId })
                .OrderByDescending(x => x.Score).ThenBy(x => x.Rank).Select(x => x.ArxivId).ToListAsync();
        }

        closestFirst.Should().HaveCountGreaterThan(1, "the other Zyzzyva studies resemble the first");
        (await LoadAsync("2405.00001")).Similar.Select(p => p.ArxivId).Should().Equal(closestFirst);
    }
}
