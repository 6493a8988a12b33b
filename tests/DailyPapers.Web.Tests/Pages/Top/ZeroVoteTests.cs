using DailyPapers.Web.Pages.Top;

namespace DailyPapers.Web.Tests.Pages.Top;

/// <summary>A paper listed with zero votes and, later in the week, without votes.</summary>
[Collection(EdgeArchive.Name)]
public sealed class ZeroVoteTests(EdgeArchive archive)
{
    [Fact]
    public async Task Zero_votes_count_as_a_vote_count_over_a_later_listing_without_votes()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        var week = (await TopQuery.LoadAsync(db, Period.Week, new DateOnly(2024, 6, 4), 1, CancellationToken.None))!;

        week.Papers.Select(p => (p.ArxivId, p.Votes, p.Date)).Should().Equal(
            ("2406.00002", (int?)5, new DateOnly(2024, 6, 3)),
            ("2406.00003", (int?)3, new DateOnly(2024, 6, 4)),
            ("2406.00004", (int?)2, new DateOnly(2024, 6, 4)),
            ("2406.00001", (int?)0, new DateOnly(2024, 6, 3)));
    }
}
