using DailyPapers.Web.Pages.Top;
using static DailyPapers.Web.Tests.SmallArchive;

namespace DailyPapers.Web.Tests.Pages.Top;

/// <summary>
/// How rankings order papers when votes tie, when a paper is listed twice, and when a paper has no votes; on the small
/// archive, where each rule gives a different order than the others would.
/// </summary>
public sealed class RankingOrderTests(SmallArchive archive) : IClassFixture<SmallArchive>
{
    private async Task<TopView> LoadAsync(Period period, string? date, int page = 1)
    {
        var (scope, db) = archive.Db();
        using (scope)
        {
            return (await TopQuery.LoadAsync(db, period, date is null ? null : Date(date), page, CancellationToken.None))!;
        }
    }

    [Fact]
    public async Task A_week_ranks_each_paper_once_by_its_best_listing_ties_going_to_the_later_day_then_the_earlier_place()
    {
        var top = await LoadAsync(Period.Week, "2024-03-06");

        top.Range.Should().Be(new PeriodRange(Period.Week, Date("2024-03-04"), Date("2024-03-10")));
        top.Papers.Select(p => (p.Title, p.Votes, p.Date)).Should().Equal(
            ("Delta", 9, Date("2024-03-06")),
            // Beta's best listing is its first (9 votes), not its later one (3).
            ("Beta", 9, Date("2024-03-04")),
            ("Iota", 7, Date("2024-03-10")),
            // Alpha had 7 votes both days: the later listing speaks for it.
            ("Alpha again", 7, Date("2024-03-06")),
            ("Epsilon", 7, Date("2024-03-06")),
            ("Gamma", null, Date("2024-03-04")));
        top.Papers.Select(p => p.Position).Should().Equal(1, 2, 1, 2, 3, 3);
        top.Total.Should().Be(6);
        (top.Page, top.PageCount).Should().Be((1, 1));
    }

    [Fact]
    public async Task A_period_ranking_links_the_nearest_days_outside_it()
    {
        var top = await LoadAsync(Period.Week, "2024-03-06");

        top.PreviousDate.Should().Be(Date("2024-02-28"));
        top.NextDate.Should().Be(Date("2025-01-01"));
        top.Anchor.Should().Be(Date("2024-03-06"));
    }

    [Fact]
    public async Task A_day_ranking_sorts_that_day_by_votes_and_keeps_its_listing()
    {
        var top = await LoadAsync(Period.Day, "2024-03-06");

        top.Papers.Select(p => (p.Title, p.Votes)).Should().Equal(("Delta", 9), ("Alpha again", 7), ("Epsilon", 7), ("Beta again", 3));
        top.PreviousDate.Should().Be(Date("2024-03-04"));
        top.NextDate.Should().Be(Date("2024-03-10"));
    }

    [Fact]
    public async Task The_all_time_ranking_orders_by_best_votes_then_latest_day_then_id_and_has_no_neighbours()
    {
        var top = await LoadAsync(Period.All, null);

        top.Papers.Select(p => p.ArxivId).Should().Equal(
            "2402.00006", "2403.00002", "2403.00004", "2403.00009", "2403.00001", "2403.00005", "2501.00008", "2312.00007", "2403.00003");
        top.Papers.Should().OnlyContain(p => p.Position == null, "outside a day a paper has no place in a digest");
        top.Total.Should().Be(9);
        top.Anchor.Should().Be(Date("2025-01-01"), "without a date the latest day anchors the ranking");
        top.PreviousDate.Should().BeNull();
        top.NextDate.Should().BeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public async Task A_page_out_of_range_shows_the_nearest_page(int page)
    {
        (await LoadAsync(Period.Week, "2024-03-06", page)).Page.Should().Be(1);
        (await LoadAsync(Period.All, null, page)).Page.Should().Be(1);
    }

    [Fact]
    public async Task A_period_without_listings_ranks_nothing_but_still_leads_to_its_neighbours()
    {
        var top = await LoadAsync(Period.Month, "2024-01-15");

        top.Papers.Should().BeEmpty();
        top.Total.Should().Be(0);
        top.PageCount.Should().Be(1);
        top.PreviousDate.Should().Be(Date("2023-12-31"));
        top.NextDate.Should().Be(Date("2024-02-28"));
    }
}
