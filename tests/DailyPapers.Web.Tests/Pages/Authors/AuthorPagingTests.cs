using System.Globalization;
using System.Text;

namespace DailyPapers.Web.Tests.Pages.Authors;

/// <summary>An author page shows a page of papers at a time, with the totals of all of them.</summary>
public sealed class AuthorPagingTests : IDisposable
{
    private readonly AppFactory _app = new();

    public AuthorPagingTests()
    {
        var digest = new StringBuilder("## Daily Papers (2024-06-10)\n\n");
        for (var i = 1; i <= 60; i++)
        {
            digest.Append(CultureInfo.InvariantCulture, $"### [Prolific Paper {i}](https://arxiv.org/abs/2406.{i:00000})\n\nVote: {i}\n\nAuthors: Prolific Person, Co Author {i % 3}\n\n- 요약 {i}.\n\n");
        }

        File.WriteAllText(Path.Combine(_app.DataDirectory, "2024-06-10.md"), digest.ToString());
    }

    [Fact]
    public async Task Papers_come_fifty_to_a_page_with_totals_of_all_of_them()
    {
        var first = await _app.GetDocumentAsync("/authors/prolific-person?sort=votes");
        var second = await _app.GetDocumentAsync("/authors/prolific-person?sort=votes&page=2");

        first.QuerySelectorAll("main article.paper").Should().HaveCount(50);
        second.QuerySelectorAll("main article.paper").Should().HaveCount(10);
        first.QuerySelector("main .lead")!.TextContent.Should().Contain("60편").And.Contain($"{Enumerable.Range(1, 60).Sum()}표");
        first.QuerySelector("main .votes strong")!.TextContent.Should().Be("60");
        second.QuerySelectorAll("main .votes strong").Select(v => v.TextContent).Should().EndWith("1");
        first.QuerySelectorAll(".pager a").Select(a => a.GetAttribute("href")).Should().Contain("/authors/prolific-person?sort=votes&page=2");
        (await _app.GetDocumentAsync("/authors/prolific-person?page=zero", System.Net.HttpStatusCode.BadRequest)).Body!.TextContent.Should().Contain("page");
    }

    public void Dispose() => _app.Dispose();
}
