using DailyPapers.Web.Pages.Authors;

namespace DailyPapers.Web.Tests.Pages.Authors;

/// <summary>An author's papers, totals and co-authors, and the author list and search, as their queries read the small archive.</summary>
public sealed class AuthorListingTests(SmallArchive archive) : IClassFixture<SmallArchive>
{
    private async Task<AuthorView> LoadAsync(string slug, AuthorSort sort = AuthorSort.Newest, int page = 1)
    {
        var (scope, db) = archive.Db();
        using (scope)
        {
            return (await AuthorQuery.LoadAsync(db, slug, CancellationToken.None, sort, page))!;
        }
    }

    private async Task<AuthorSearchView> SearchAsync(string? query)
    {
        var (scope, db) = archive.Db();
        using (scope)
        {
            return await AuthorSearchQuery.SearchAsync(db, query, CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_authors_papers_come_newest_first_then_by_id()
    {
        var view = await LoadAsync("ann-lee");

        view.Papers.Select(p => p.ArxivId).Should().Equal("2403.00009", "2403.00001", "2403.00002", "2403.00005", "2402.00006");
        (view.Name, view.Slug, view.PaperCount, view.Page, view.PageCount, view.Sort).Should().Be(("Ann Lee", "ann-lee", 5, 1, 1, AuthorSort.Newest));
    }

    [Fact]
    public async Task Sorted_by_votes_ties_go_to_the_newer_paper_then_the_id()
    {
        var view = await LoadAsync("ann-lee", AuthorSort.Votes);

        view.Papers.Select(p => (p.ArxivId, p.Votes)).Should().Equal(
            ("2402.00006", 50), ("2403.00002", 9), ("2403.00009", 7), ("2403.00001", 7), ("2403.00005", 7));
    }

    [Fact]
    public async Task An_authors_votes_add_up_each_papers_best_day()
    {
        // 7 + 9 + 7 + 50 + 7: Beta counts its 9 votes, not its later 3; Alpha its 7 once.
        (await LoadAsync("ann-lee")).TotalVotes.Should().Be(80);
    }

    [Fact]
    public async Task Co_authors_are_counted_over_the_papers_shown_most_shared_first_then_by_name()
    {
        var view = await LoadAsync("ann-lee");

        view.CoAuthors.Should().Equal(new CoAuthor("Bo Kim", "bo-kim", 2), new CoAuthor("Cy Park", "cy-park", 1), new CoAuthor("Dee Dee", "dee-dee", 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task A_page_out_of_range_shows_the_nearest_page(int page)
    {
        var view = await LoadAsync("ann-lee", page: page);

        view.Page.Should().Be(1);
        view.Papers.Should().HaveCount(5);
    }

    [Fact]
    public async Task An_unknown_author_has_no_page()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        (await AuthorQuery.LoadAsync(db, "nobody", CancellationToken.None)).Should().BeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \u200B ")]
    public async Task An_empty_query_lists_the_most_prolific_authors_ties_by_name(string? query)
    {
        var view = await SearchAsync(query);

        view.Authors.Select(a => (a.Name, a.PaperCount)).Should().Equal(
            ("Ann Lee", 5), ("Bo Kim", 3), ("Cy Park", 3), ("Joann Lee", 2), ("Ann Leeson", 1), ("Dee Dee", 1), ("Eve Ng", 1));
        view.Query.Should().BeEmpty();
        view.Total.Should().Be(7);
    }

    [Fact]
    public async Task The_whole_name_ranks_before_a_name_starting_with_it_before_a_name_merely_containing_it()
    {
        // By paper count alone Joann Lee (2) would come before Ann Leeson (1).
        var view = await SearchAsync("  ANN  LEE ");

        view.Authors.Select(a => a.Name).Should().Equal("Ann Lee", "Ann Leeson", "Joann Lee");
        view.Query.Should().Be("ANN LEE");
        view.Total.Should().Be(3);
    }

    [Fact]
    public async Task Within_a_tier_more_papers_rank_first_and_a_name_start_ranks_before_a_match_inside_a_word()
    {
        // "lee" starts a word of all three names: paper counts decide. "ann" starts two names and sits inside Joann.
        (await SearchAsync("lee")).Authors.Select(a => a.Name).Should().Equal("Ann Lee", "Joann Lee", "Ann Leeson");
        (await SearchAsync("ann")).Authors.Select(a => a.Name).Should().Equal("Ann Lee", "Ann Leeson", "Joann Lee");
    }

    [Fact]
    public async Task A_citation_form_finds_the_people_it_fits()
    {
        (await SearchAsync("A. Lee")).Authors.Select(a => a.Name).Should().Equal("Ann Lee");
        (await SearchAsync("Kim, B.")).Authors.Select(a => a.Name).Should().Equal("Bo Kim");
    }

    [Fact]
    public async Task A_name_nobody_has_finds_nobody()
    {
        var view = await SearchAsync("Zed Quux");

        view.Authors.Should().BeEmpty();
        view.Total.Should().Be(0);
    }
}
