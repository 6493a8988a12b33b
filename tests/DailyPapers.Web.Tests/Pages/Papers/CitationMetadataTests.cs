using System.Text.Json;
using Xunit.Abstractions;

namespace DailyPapers.Web.Tests.Pages.Papers;

/// <summary>
/// A paper page carries what reference managers and link previews read, read here the way they read it: Highwire
/// <c>citation_*</c> tags (Zotero's embedded-metadata translator, Google Scholar), Open Graph and Twitter cards, a
/// schema.org ScholarlyArticle, and a canonical link.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class CitationMetadataTests(AppFactory app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_reference_manager_finds_every_field_from_the_page_alone()
    {
        var page = await app.GetDocumentAsync("/papers/2404.00399");
        string? Meta(string name) => page.Head!.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");
        var shownAuthors = page.QuerySelectorAll("main .authors")[0].QuerySelectorAll("a").Select(a => a.TextContent.Trim()).ToList();

        Meta("citation_title").Should().Be(page.QuerySelector("main h1")!.TextContent.Trim());
        page.Head!.QuerySelectorAll("meta[name=citation_author]").Select(m => m.GetAttribute("content")).Should().Equal(shownAuthors, "one tag per author, in order");
        Meta("citation_date").Should().MatchRegex(@"^\d{4}/\d{2}/\d{2}$");
        Meta("citation_online_date").Should().Be("2024/04/02");
        Meta("citation_pdf_url").Should().Be("https://arxiv.org/pdf/2404.00399");
        Meta("citation_arxiv_id").Should().Be("2404.00399");
        Meta("citation_abstract").Should().Contain("Aurora-M").And.NotContain("- ").And.NotContain("**");
    }

    [Fact]
    public async Task A_paper_stored_before_plain_summaries_were_made_still_describes_itself()
    {
        using var own = new AppFactory { Output = output };
        (await own.GetDocumentAsync("/papers/2404.00399")).Head!.QuerySelector("meta[name=citation_abstract]")!.GetAttribute("content").Should().Contain("Aurora-M");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={own.DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE Papers SET SummaryText = ''; UPDATE Appearances SET SummaryText = '';";
            command.ExecuteNonQuery();
        }

        var page = await own.GetDocumentAsync("/papers/2404.00399?after=upgrade");

        page.Head!.QuerySelector("meta[name=citation_abstract]")!.GetAttribute("content").Should().Contain("Aurora-M").And.NotContain("**");
    }

    [Fact]
    public async Task A_shared_link_previews_with_title_description_and_image()
    {
        var page = await app.GetDocumentAsync("/papers/2404.00399");
        string? Property(string name) => page.Head!.QuerySelector($"meta[property='{name}']")?.GetAttribute("content");

        Property("og:title").Should().StartWith("Aurora-M");
        Property("og:type").Should().Be("article");
        Property("og:url").Should().Be("http://localhost/papers/2404.00399");
        Property("og:description").Should().NotBeNullOrWhiteSpace().And.Subject.Length.Should().BeLessThan(220);
        Property("og:image").Should().StartWith("https://").And.Contain("2404.00399");
        page.Head!.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content").Should().Be("summary_large_image");
        page.Head.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().Be("http://localhost/papers/2404.00399");
    }

    [Fact]
    public async Task Search_engines_read_a_scholarly_article()
    {
        var page = await app.GetDocumentAsync("/papers/2404.00399");
        var script = page.Head!.QuerySelector("script[type='application/ld+json']")!;

        using var json = JsonDocument.Parse(script.TextContent);
        var article = json.RootElement;
        article.GetProperty("@type").GetString().Should().Be("ScholarlyArticle");
        article.GetProperty("headline").GetString().Should().StartWith("Aurora-M");
        article.GetProperty("author").GetArrayLength().Should().BeGreaterThan(3);
        article.GetProperty("sameAs").GetString().Should().Be("https://arxiv.org/abs/2404.00399");
        script.TextContent.Should().NotContain("</", "nothing in the data can close the script element");
    }

    [Theory]
    [InlineData("/days/2024-04-02")]
    [InlineData("/authors/xintao-wang")]
    [InlineData("/months/2024-04")]
    public async Task Day_author_and_period_pages_have_their_own_canonical_and_description(string url)
    {
        var page = await app.GetDocumentAsync(url);

        page.Head!.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().Be("http://localhost" + url);
        page.Head.QuerySelector("meta[name=description]")!.GetAttribute("content").Should().NotBeNullOrWhiteSpace();
        page.Head.QuerySelector("meta[property='og:title']").Should().NotBeNull();
    }
}
