namespace DailyPapers.Web.Tests.Pages.Shared;

/// <summary>
/// A card links the first repository and the first project page its summary names (코드, 프로젝트) beside arXiv and
/// Hugging Face, and nothing when it names none; on every listing, since they all show the same card.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class CodeLinkCardTests(AppFactory app)
{
    [Fact]
    public async Task A_card_links_its_code_and_project_page_beside_arxiv_and_hugging_face()
    {
        var day = await app.GetDocumentAsync("/days/2023-12-08");

        var links = day.QuerySelector("main #p-2312\\.03814 .paper-links")!.QuerySelectorAll("a").ToList();
        links.Select(a => a.TextContent).Should().Equal("arXiv", "PDF", "Hugging Face", "코드", "프로젝트");
        links[3].GetAttribute("href").Should().Be("https://github.com/facebookresearch/pearl");
        links[4].GetAttribute("href").Should().Be("https://pearlagent.github.io");
        // Like the summary's own links to the same addresses: a digest's text, not endorsed.
        links.Skip(3).Should().OnlyContain(a => a.GetAttribute("rel") == "nofollow noopener");
    }

    [Fact]
    public async Task A_card_shows_only_the_kinds_its_summary_names()
    {
        var day = await app.GetDocumentAsync("/days/2024-01-17");

        day.QuerySelector("main #p-2401\\.08541 .paper-links")!.QuerySelectorAll("a").Select(a => a.TextContent).Should().Equal("arXiv", "PDF", "Hugging Face");
        var instantId = day.QuerySelector("main #p-2401\\.07519 .paper-links")!.QuerySelectorAll("a.code-link").ToList();
        instantId.Select(a => (a.TextContent, a.GetAttribute("href"))).Should().Equal(("코드", "https://github.com/InstantID/InstantID"));
    }

    [Theory]
    [InlineData("/top?period=day&date=2023-12-08")]
    [InlineData("/months/2023-12")]
    [InlineData("/authors/{author}")]
    public async Task Every_listing_shows_the_links(string url)
    {
        var author = Core.Parsing.AuthorNames.Slug(Seeds.Papers.Single(s => s.Paper.ArxivId.Value == "2312.03814").Paper.Authors[0]);

        var page = await app.GetDocumentAsync(url.Replace("{author}", author, StringComparison.Ordinal));

        page.QuerySelectorAll("main #p-2312\\.03814 .paper-links a.code-link").Select(a => a.GetAttribute("href"))
            .Should().Equal("https://github.com/facebookresearch/pearl", "https://pearlagent.github.io");
    }
}
