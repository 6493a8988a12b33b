using DailyPapers.Core.Search;
using DailyPapers.Web.Pages.Search;

namespace DailyPapers.Web.Tests.Pages.Search;

/// <summary>The search query on the small archive: results in the order the index gives, paging, the authors beside them, suggestions.</summary>
public sealed class SearchResultsTests(SmallArchive archive) : IClassFixture<SmallArchive>
{
    private async Task<SearchView> SearchAsync(string query, int page = 1, SearchSort sort = SearchSort.Relevance)
    {
        var (scope, db) = archive.Db();
        using (scope)
        {
            return await SearchQuery.SearchAsync(db, new SearchRequest(query, page, sort, new SearchFilter()), CancellationToken.None);
        }
    }

    [Fact]
    public async Task Results_come_in_the_order_asked_for_with_their_terms_marked()
    {
        var view = await SearchAsync("요약", sort: SearchSort.Votes);

        // The page keeps the index's order, not the order the cards are read back in.
        view.Results[0].Paper.ArxivId.Should().Be("2402.00006");
        view.Results.Select(r => r.Paper.Votes ?? -1).Should().BeInDescendingOrder();
        view.Results.Should().HaveCount(9);
        (view.Total, view.Page, view.PageCount).Should().Be((9, 1, 1));
        view.Results.Should().OnlyContain(r => r.SnippetHtml.Contains("<mark>요약</mark>", StringComparison.Ordinal));
        view.Terms.Should().Equal("요약");
        view.Suggestion.Should().BeNull();
    }

    [Fact]
    public async Task A_title_match_is_marked_in_the_title_and_the_card_carries_the_papers_authors()
    {
        var result = (await SearchAsync("Epsilon")).Results.Single();

        result.TitleHtml.Should().Be("<mark>Epsilon</mark>");
        result.Paper.Authors.Select(a => a.Name).Should().Equal("Cy Park", "Ann Lee");
    }

    [Fact]
    public async Task The_first_page_lists_matching_authors_and_later_pages_do_not()
    {
        (await SearchAsync("Ann")).Authors.Select(a => a.Name).Should().Equal("Ann Lee", "Ann Leeson", "Joann Lee");
        (await SearchAsync("Ann", page: 2)).Authors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_page_past_the_results_is_empty_but_counts_them()
    {
        var view = await SearchAsync("요약", page: 2);

        view.Results.Should().BeEmpty();
        (view.Total, view.Page, view.PageCount).Should().Be((9, 2, 1));
    }

    [Fact]
    public async Task An_empty_query_finds_nothing_and_lists_no_authors()
    {
        var view = await SearchAsync("");

        view.Results.Should().BeEmpty();
        view.Authors.Should().BeEmpty();
        view.Total.Should().Be(0);
        view.PageCount.Should().Be(1);
        view.Suggestion.Should().BeNull();
    }

    [Fact]
    public async Task A_typo_is_answered_with_a_spelling_that_finds_something()
    {
        var view = await SearchAsync("Epsilom");

        view.Results.Should().BeEmpty();
        view.Suggestion.Should().Be("epsilon");
    }
}
