using DailyPapers.Web.Pages.Feeds;
using static DailyPapers.Web.Tests.SmallArchive;

namespace DailyPapers.Web.Tests.Pages.Feeds;

/// <summary>The latest feed's papers as its query reads the small archive.</summary>
public sealed class FeedOrderTests(SmallArchive archive) : IClassFixture<SmallArchive>
{
    [Fact]
    public async Task The_latest_feed_holds_the_five_newest_days_newest_first_in_digest_order_each_paper_once_at_its_newest_listing()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        var papers = await FeedQuery.LatestAsync(db, CancellationToken.None);

        // 2025-01-01, 2024-03-10, 2024-03-06 (Delta, Alpha again, Epsilon, Beta again), 2024-03-04 (Gamma: Alpha and Beta
        // are already listed at 03-06), 2024-02-28; 2023-12-31 is the sixth day.
        papers.Select(p => p.ArxivId).Should().Equal(
            "2501.00008", "2403.00009", "2403.00004", "2403.00001", "2403.00005", "2403.00002", "2403.00003", "2402.00006");
        papers.Single(p => p.ArxivId == "2403.00001").Date.Should().Be(Date("2024-03-06"));
    }
}
