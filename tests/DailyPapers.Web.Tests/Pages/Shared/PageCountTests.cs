using DailyPapers.Core.Search;
using DailyPapers.Web.Pages.Authors;
using DailyPapers.Web.Pages.Days;
using DailyPapers.Web.Pages.Search;

namespace DailyPapers.Web.Tests.Pages.Shared;

/// <summary>A list of exactly one page size is one page, and one more item makes a second page.</summary>
[Collection(EdgeArchive.Name)]
public sealed class PageCountTests(EdgeArchive archive)
{
    private async Task<SearchView> SearchAsync(string query)
    {
        var (scope, db) = archive.Db();
        using (scope)
        {
            return await SearchQuery.SearchAsync(db, new SearchRequest(query, 1, SearchSort.Relevance, new SearchFilter()), CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_day_of_exactly_a_hundred_papers_is_one_page()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        var day = (await DayQuery.LoadAsync(db, new DateOnly(2024, 5, 1), CancellationToken.None))!;

        (day.PaperCount, day.PageCount, day.Papers.Count).Should().Be((100, 1, 100));
    }

    [Fact]
    public async Task An_author_of_exactly_fifty_papers_has_one_page()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        var author = (await AuthorQuery.LoadAsync(db, "fifty-person", CancellationToken.None))!;

        (author.PaperCount, author.PageCount, author.Papers.Count).Should().Be((50, 1, 50));
    }

    [Fact]
    public async Task Twenty_search_results_are_one_page_and_twenty_one_are_two()
    {
        var twenty = await SearchAsync("zyzzyva");
        var twentyOne = await SearchAsync("quokka");

        (twenty.Total, twenty.PageCount, twenty.Results.Count).Should().Be((20, 1, 20));
        (twentyOne.Total, twentyOne.PageCount, twentyOne.Results.Count).Should().Be((21, 2, 20));
    }
}
