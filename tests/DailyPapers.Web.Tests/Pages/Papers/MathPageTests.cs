namespace DailyPapers.Web.Tests.Pages.Papers;

/// <summary>TeX in a title shows as MathML on the page, as plain Unicode where no markup goes, and as TeX in BibTeX.</summary>
public sealed class MathPageTests : IDisposable
{
    private readonly AppFactory _app = new();

    public MathPageTests()
    {
        File.WriteAllText(Path.Combine(_app.DataDirectory, "2024-10-21.md"), """
            ## Daily Papers (2024-10-21)

            ### [LLM$\times$MapReduce: Simplified Long-Sequence Processing](https://arxiv.org/abs/2410.09342)

            Vote: 12

            Authors: Zihan Zhou, Chong Li

            - 긴 문서를 $\sim$8K 토큰 단위로 나누어 처리한다.

            """);
    }

    [Fact]
    public async Task A_tex_title_is_mathml_in_the_page_plain_in_the_title_and_tex_in_bibtex()
    {
        var page = await _app.GetDocumentAsync("/papers/2410.09342");

        page.QuerySelector("main h1 math").Should().NotBeNull();
        page.QuerySelector("main h1")!.TextContent.Should().NotContain("$");
        page.Title.Should().StartWith("LLM×MapReduce: Simplified Long-Sequence Processing");
        page.QuerySelector(".summary-text math").Should().NotBeNull();
        page.Body!.TextContent.Should().Contain("title         = {{LLM$\\times$MapReduce: Simplified Long-Sequence Processing}}");
    }

    [Fact]
    public async Task The_day_listing_shows_the_tex_title_as_mathml()
    {
        var page = await _app.GetDocumentAsync("/days/2024-10-21");

        page.QuerySelector("main article.paper .paper-title math").Should().NotBeNull();
        page.QuerySelector("main article.paper img, main article.paper video")?.GetAttribute("alt")?.Should().NotContain("$");
    }

    public void Dispose() => _app.Dispose();
}
