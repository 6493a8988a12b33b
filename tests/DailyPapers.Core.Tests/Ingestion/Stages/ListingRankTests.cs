using DailyPapers.Core.Ingestion;

namespace DailyPapers.Core.Tests.Ingestion.Stages;

/// <summary>Which listing speaks for a paper: one with a summary, then one with authors, then the latest.</summary>
public sealed class ListingRankTests
{
    private static ListingRank Rank(int day, bool summary, bool authors) => new(day, new DateOnly(2024, 1, day), summary, authors);

    [Fact]
    public void A_summary_beats_authors_and_authors_beat_a_later_date()
    {
        Rank(1, summary: true, authors: false).Beats(Rank(9, summary: false, authors: true)).Should().BeTrue();
        Rank(1, summary: false, authors: true).Beats(Rank(9, summary: false, authors: false)).Should().BeTrue();
        Rank(9, summary: true, authors: true).Beats(Rank(1, summary: true, authors: true)).Should().BeTrue();
    }

    [Fact]
    public void A_listing_never_beats_itself_or_a_better_one()
    {
        Rank(5, true, true).Beats(Rank(5, true, true)).Should().BeFalse();
        Rank(9, false, true).Beats(Rank(1, true, false)).Should().BeFalse();
        Rank(9, false, false).Beats(Rank(1, false, true)).Should().BeFalse();
        Rank(1, true, true).Beats(Rank(9, true, true)).Should().BeFalse();
    }
}
