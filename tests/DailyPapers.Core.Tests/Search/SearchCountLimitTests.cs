using System.Globalization;
using System.Text;
using DailyPapers.Core.Search;
using DailyPapers.Core.Tests.Ingestion;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Search;

/// <summary>
/// A search counts up to <see cref="PaperSearch.CountLimit"/> matches and pages no further: over an archive of 1,001
/// papers, "capybara" (in every summary) is one past the limit, "wombat" (in all but the last, twice in every seventh)
/// exactly at it, and the first 300 papers hold "capybara" in their titles too.
/// </summary>
public sealed class SearchCountLimitTests : IDisposable
{
    private const int Papers = PaperSearch.CountLimit + 1;
    private readonly IngestFolder _folder = new();
    private readonly SqliteConnection _connection;

    public SearchCountLimitTests()
    {
        Write(_folder);
        _folder.Ingest().PapersStored.Should().Be(Papers);
        _connection = new SqliteConnection(_folder.ConnectionString);
        _connection.Open();
    }

    /// <summary>The archive of 1,001 papers described above, as digests of a hundred papers a day.</summary>
    internal static void Write(IngestFolder folder)
    {
        for (var day = 0; day * 100 < Papers; day++)
        {
            var date = new DateOnly(2024, 1, 1).AddDays(day);
            var digest = new StringBuilder().Append(CultureInfo.InvariantCulture, $"## Daily Papers ({date:yyyy-MM-dd})\n\n");
            for (var i = day * 100 + 1; i <= Math.Min(Papers, day * 100 + 100); i++)
            {
                var title = i <= 300 ? $"Capybara Study {i}" : $"Study {i}";
                // Every seventh says wombat twice: a score would put those first.
                var summary = i == Papers ? "capybara alone" : i % 7 == 0 ? "capybara and wombat, wombat" : "capybara and wombat";
                digest.Append(CultureInfo.InvariantCulture, $"### [{title}](https://arxiv.org/abs/2401.{i:00000})\n\nVote: {i % 50}\n\n- {summary}.\n\n");
            }

            folder.Write($"{date:yyyy-MM-dd}.md", digest.ToString());
        }
    }

    private SearchHits Find(string query, SearchSort sort, int offset, int limit = 20, SearchFilter? filter = null) =>
        PaperSearch.Find(_connection, PaperSearch.Terms(query), filter ?? new SearchFilter(), sort, offset, limit);

    [Theory]
    [InlineData(SearchSort.Relevance)]
    [InlineData(SearchSort.Newest)]
    [InlineData(SearchSort.Votes)]
    public void One_match_past_the_limit_is_counted_as_the_limit_and_said_to_be_more(SearchSort sort)
    {
        var first = Find("capybara", sort, 0);

        (first.Total, first.Capped, first.PaperIds.Count).Should().Be((PaperSearch.CountLimit, true, 20));
        Find("capybara", sort, PaperSearch.CountLimit - 10).PaperIds.Should().HaveCount(10, "the last page ends at the limit");
        Find("capybara", sort, PaperSearch.CountLimit).PaperIds.Should().BeEmpty();
        Find("capybara", sort, 0, limit: 5000).PaperIds.Should().HaveCount(PaperSearch.CountLimit).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Matches_exactly_at_the_limit_are_counted_exactly()
    {
        var hits = Find("wombat", SearchSort.Relevance, 0, limit: 5000);

        (hits.Total, hits.Capped).Should().Be((PaperSearch.CountLimit, false));
        hits.PaperIds.Should().HaveCount(PaperSearch.CountLimit).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Pages_of_a_capped_search_follow_on_from_each_other_title_matches_first()
    {
        var paged = Enumerable.Range(0, PaperSearch.CountLimit / 20).SelectMany(p => Find("capybara", SearchSort.Relevance, p * 20).PaperIds).ToList();

        paged.Should().HaveCount(PaperSearch.CountLimit).And.OnlyHaveUniqueItems();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Papers WHERE Title LIKE 'Capybara%'";
        var titled = new HashSet<int>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                titled.Add(reader.GetInt32(0));
            }
        }

        titled.Should().HaveCount(300);
        paged.Take(300).Should().BeSubsetOf(titled, "papers with the word in the title come first");
        paged.Skip(300).Should().NotIntersectWith(titled);
    }

    [Fact]
    public void A_tier_too_large_to_score_goes_newest_first()
    {
        // "wombat" is in 1,000 summaries and no title: one tier, past what a search scores.
        var hits = Find("wombat", SearchSort.Relevance, 40);

        (hits.Total, hits.Capped).Should().Be((PaperSearch.CountLimit, false));
        PaperSearch.CountLimit.Should().BeGreaterThan(PaperSearch.TierScoreLimit);
        hits.PaperIds.Should().Equal(Find("wombat", SearchSort.Newest, 40).PaperIds).And.BeInDescendingOrder();
    }

    [Fact]
    public void A_filter_that_narrows_a_capped_search_below_the_limit_counts_exactly()
    {
        var hits = Find("capybara", SearchSort.Newest, 0, filter: new SearchFilter(MinVotes: 40));

        // Votes are i mod 50: 40–49 is ten of every fifty papers, 200 of the 1,001.
        (hits.Total, hits.Capped).Should().Be((200, false));
    }

    public void Dispose()
    {
        _connection.Dispose();
        _folder.Dispose();
    }
}
