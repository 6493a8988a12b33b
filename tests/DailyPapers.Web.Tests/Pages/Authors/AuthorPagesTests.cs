using System.Net;

namespace DailyPapers.Web.Tests.Pages.Authors;

[Collection(SharedApp.Name)]
public sealed class AuthorPagesTests(AppFactory app)
{
    [Fact]
    public async Task Author_page_lists_the_seed_papers_naming_the_author_newest_first()
    {
        var expected = Seeds.Papers.Where(s => s.Paper.Authors.Contains("Xintao Wang"))
            .OrderByDescending(s => s.Day.Date).ThenBy(s => s.Paper.ArxivId.Value, StringComparer.Ordinal)
            .Select(s => "/papers/" + s.Paper.ArxivId.Value).ToList();

        var page = await app.GetDocumentAsync("/authors/xintao-wang");

        page.QuerySelector("h1")!.TextContent.Should().Be("Xintao Wang");
        expected.Should().HaveCount(4);
        page.QuerySelectorAll("main article.paper .paper-title a").Select(a => a.GetAttribute("href")).Should().Equal(expected);
        var votes = Seeds.Papers.Where(s => s.Paper.Authors.Contains("Xintao Wang")).Sum(s => s.Paper.Votes ?? 0);
        page.QuerySelector("main .lead")!.TextContent.Should().Contain($"{votes}표");
        page.QuerySelectorAll(".co-authors a").Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("Kolle", "Kölle")]
    [InlineData("kölle", "Kölle")]
    [InlineData("XINTAO", "Xintao Wang")]
    [InlineData("tao wa", "Xintao Wang")]
    public async Task Author_search_ignores_case_and_accents_and_matches_any_part(string query, string expected)
    {
        var page = await app.GetDocumentAsync("/authors?q=" + Uri.EscapeDataString(query));

        page.QuerySelectorAll("main .author-list a").Select(a => a.TextContent).Should().Contain(n => n.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("X. Wang")]
    [InlineData("X Wang")]
    [InlineData("Wang X")]
    [InlineData("Wang X.")]
    [InlineData("Wang, Xintao")]
    [InlineData("wang, x.")]
    public async Task Citation_style_names_find_the_author(string query)
    {
        var page = await app.GetDocumentAsync("/authors?q=" + Uri.EscapeDataString(query));

        var names = page.QuerySelectorAll("main .author-list a").Select(a => a.TextContent).ToList();
        names.Should().Contain("Xintao Wang");
        names.Should().OnlyContain(n => n.Contains("Wang", StringComparison.OrdinalIgnoreCase) && n.StartsWith('X'), "every hit has the surname and a given name with that initial");
    }

    [Fact]
    public async Task The_author_is_marked_in_each_listed_paper_and_papers_sort_by_date_or_votes()
    {
        var byDate = await app.GetDocumentAsync("/authors/xintao-wang");
        var byVotes = await app.GetDocumentAsync("/authors/xintao-wang?sort=votes");

        byDate.QuerySelectorAll("main article.paper").Should().OnlyContain(p => p.QuerySelector(".authors .this-author")!.TextContent == "Xintao Wang");
        var votes = byVotes.QuerySelectorAll("main article.paper .votes strong").Select(v => int.Parse(v.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        votes.Should().BeInDescendingOrder().And.HaveCountGreaterThan(1);
        var dates = byDate.QuerySelectorAll("main article.paper time").Select(t => t.GetAttribute("datetime")).ToList();
        dates.Should().BeInDescendingOrder();
        (await app.GetDocumentAsync("/authors/xintao-wang?sort=alphabet", System.Net.HttpStatusCode.BadRequest)).Body!.TextContent.Should().Contain("sort");
    }

    [Fact]
    public async Task Exact_and_prefix_matches_rank_first()
    {
        var page = await app.GetDocumentAsync("/authors?q=wang");

        var names = page.QuerySelectorAll("main .author-list a").Select(a => a.TextContent).ToList();
        names.Should().NotBeEmpty();
        var firstNonPrefix = names.FindIndex(n => !n.StartsWith("Wang", StringComparison.OrdinalIgnoreCase) && !n.Contains(" Wang", StringComparison.OrdinalIgnoreCase));
        var lastWordPrefix = names.FindLastIndex(n => n.Contains(" Wang", StringComparison.OrdinalIgnoreCase) || n.StartsWith("Wang", StringComparison.OrdinalIgnoreCase));
        (firstNonPrefix == -1 || firstNonPrefix > lastWordPrefix).Should().BeTrue($"word matches come before inner matches: {string.Join(", ", names)}");
    }

    [Fact]
    public async Task Each_author_shows_a_paper_count()
    {
        var page = await app.GetDocumentAsync("/authors?q=Xintao");

        page.QuerySelector("main .author-list li")!.TextContent.Should().Contain("Xintao Wang").And.Contain("4편");
    }

    [Fact]
    public async Task Odd_and_huge_queries_answer_with_nothing_found()
    {
        var page = await app.GetDocumentAsync("/authors?q=" + Uri.EscapeDataString(new string('%', 3000) + "' OR 1=1 --"));

        page.QuerySelector("main .empty").Should().NotBeNull();
    }

    [Fact]
    public async Task Unknown_author_answers_404()
    {
        await app.GetDocumentAsync("/authors/no-such-person", HttpStatusCode.NotFound);
    }
}
