using DailyPapers.Web.Pages.ApiDocs;

namespace DailyPapers.Web.Tests.ApiDocs;

/// <summary>
/// The /api page's examples on the edge archive, whose latest day (2024-06-04) opens with a paper without authors, then
/// "An Unmistakable Headline" by First Writer and Second Writer, then a paper by Third Writer.
/// </summary>
[Collection(EdgeArchive.Name)]
public sealed class ApiDocsExampleTests(EdgeArchive archive)
{
    private async Task<Dictionary<string, AngleSharp.Dom.IElement>> SectionsAsync()
    {
        var page = await archive.App.GetDocumentAsync("/api");
        page.QuerySelector("main p.empty").Should().BeNull("there are stored digests to make examples from");
        return page.QuerySelectorAll("section.api-endpoint:not(.api-feeds)").ToDictionary(s => s.QuerySelector("h2")!.TextContent.Trim()["GET ".Length..]);
    }

    private static string? Example(AngleSharp.Dom.IElement section) => section.QuerySelector("a.api-example")?.GetAttribute("href");

    [Fact]
    public async Task The_api_page_takes_its_examples_from_the_latest_days_first_paper_with_authors_and_lists_parameters_and_problems()
    {
        var sections = await SectionsAsync();

        Example(sections["/api/papers/{id}"]).Should().Be("/api/papers/2406.00003");
        Example(sections["/api/authors/{slug}"]).Should().Be("/api/authors/first-writer");
        Example(sections["/api/authors"]).Should().Be("/api/authors?q=First%20Writer");
        Example(sections["/api/search"]).Should().Be("/api/search?q=Unmistakable");
        Example(sections["/api/top"]).Should().Be("/api/top?period=week&date=2024-06-04");
        // Beside each example (one request for both: the app caches the page): the parameters by where they go, the problem statuses in order.
        sections["/api/days/{date}"].QuerySelectorAll("dl.api-parameters dt").Select(d => d.TextContent).Should().Equal("date (경로)", "page (쿼리)");
        sections["/api/papers/{id}"].QuerySelectorAll("p").Select(p => p.TextContent).Should().Contain("오류: 400, 404 (problem details)");
    }

    [Theory]
    [InlineData("A Big Transformer Model", "Transformer")]
    [InlineData("Big AI", "Big")]
    [InlineData("Self-Play: Go!", "SelfPlay")]
    public void The_search_example_is_the_longest_word_of_the_sample_title(string title, string word)
    {
        new ApiSamples(new DateOnly(2024, 6, 4), "2406.00003", title, null, null).SearchWord.Should().Be(word);
    }

    [Fact]
    public void Without_a_title_word_of_three_letters_the_search_example_is_the_arxiv_id_and_without_either_it_is_model()
    {
        new ApiSamples(new DateOnly(2024, 6, 4), "2406.00003", "Go to AI", null, null).SearchWord.Should().Be("2406.00003");
        new ApiSamples(new DateOnly(2024, 6, 4), "2406.00003", null, null, null).SearchWord.Should().Be("2406.00003");
        new ApiSamples(new DateOnly(2024, 6, 4), null, null, null, null).SearchWord.Should().Be("model");
    }
}
