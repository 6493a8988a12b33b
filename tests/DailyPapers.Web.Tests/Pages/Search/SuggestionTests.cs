using DailyPapers.Core.Search;
using DailyPapers.Web.Pages.Search;

namespace DailyPapers.Web.Tests.Pages.Search;

/// <summary>When the search offers a corrected spelling, and when it keeps quiet.</summary>
[Collection(EdgeArchive.Name)]
public sealed class SuggestionTests(EdgeArchive archive)
{
    private async Task<SearchView> SearchAsync(string query, SearchFilter filter)
    {
        var (scope, db) = archive.Db();
        using (scope)
        {
            return await SearchQuery.SearchAsync(db, new SearchRequest(query, 1, SearchSort.Relevance, filter), CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_word_found_as_the_start_of_a_longer_word_gets_results_and_no_suggestion()
    {
        var view = await SearchAsync("zyzzyv", new SearchFilter());

        view.Total.Should().Be(20);
        view.Suggestion.Should().BeNull("the search found what was typed");
    }

    [Fact]
    public async Task A_typo_is_offered_its_correction_only_when_the_correction_finds_something_under_the_same_filter()
    {
        var plain = await SearchAsync("zyzzyvx", new SearchFilter());
        var filtered = await SearchAsync("zyzzyvx", new SearchFilter(MinVotes: 1000));

        (plain.Total, plain.Suggestion).Should().Be((0, "zyzzyva"));
        (filtered.Total, filtered.Suggestion).Should().Be((0, (string?)null));
    }
}
