using System.Net;

namespace DailyPapers.Web.Tests.Pages.Papers;

[Collection(SharedApp.Name)]
public sealed class PaperPageTests(AppFactory app)
{
    [Fact]
    public async Task Paper_page_shows_the_paper_its_days_and_bibtex()
    {
        var page = await app.GetDocumentAsync("/papers/2401.08541");

        page.QuerySelector("h1")!.TextContent.Should().Be("Scalable Pre-training of Large Autoregressive Image Models");
        page.QuerySelectorAll(".paper-links a").Select(a => a.GetAttribute("href")).Should().Contain(["https://arxiv.org/abs/2401.08541", "https://arxiv.org/pdf/2401.08541"]);
        var row = page.QuerySelector("table.appearances tbody tr")!;
        row.QuerySelector("a")!.GetAttribute("href").Should().StartWith("/days/2024-01-17");
        row.Children[1].TextContent.Should().Be("21");
        var bibtex = page.QuerySelector("#bibtex")!.TextContent;
        bibtex.Should().StartWith("@misc{elnouby2024scalable,").And.Contain("eprint        = {2401.08541}").And.Contain("Alaaeldin El-Nouby and Michal Klein");
        // The paper's own author line comes first; the cards below carry their own.
        page.QuerySelector(".authors")!.QuerySelectorAll("a").Should().HaveCount(8);
    }

    [Fact]
    public async Task Paper_page_links_its_code_and_project_page_beside_arxiv_and_hugging_face()
    {
        var pearl = await app.GetDocumentAsync("/papers/2312.03814");
        var aim = await app.GetDocumentAsync("/papers/2401.08541");

        var buttons = pearl.QuerySelectorAll("main .paper-links.primary a").ToList();
        buttons.Select(a => a.TextContent).Should().Equal("arXiv 초록", "PDF", "Hugging Face", "코드", "프로젝트");
        buttons.Skip(3).Select(a => (a.GetAttribute("href"), a.GetAttribute("rel")))
            .Should().Equal(("https://github.com/facebookresearch/pearl", "nofollow noopener"), ("https://pearlagent.github.io", "nofollow noopener"));
        aim.QuerySelectorAll("main .paper-links.primary a.code-link").Should().BeEmpty();
    }

    [Fact]
    public async Task A_paper_leads_to_the_papers_before_and_after_it_in_its_days_digest()
    {
        var page = await app.GetDocumentAsync("/papers/" + Seeds.Papers.Where(s => s.Day.Date == new DateOnly(2024, 1, 17)).ElementAt(1).Paper.ArxivId.Value);

        var day = Seeds.Papers.Where(s => s.Day.Date == new DateOnly(2024, 1, 17)).Select(s => s.Paper.ArxivId.Value).ToList();
        page.QuerySelector(".paper-nav a[rel=prev]")!.GetAttribute("href").Should().Be("/papers/" + day[0]);
        page.QuerySelector(".paper-nav a[rel=next]")!.GetAttribute("href").Should().Be("/papers/" + day[2]);
        page.QuerySelector(".paper-nav")!.TextContent.Should().Contain("2024-01-17 다이제스트의 2번째");
    }

    [Fact]
    public async Task The_first_paper_of_a_day_has_no_previous_one()
    {
        var page = await app.GetDocumentAsync("/papers/2401.08541");

        page.QuerySelector(".paper-nav a[rel=prev]").Should().BeNull();
        page.QuerySelector(".paper-nav a[rel=next]").Should().NotBeNull();
    }

    [Fact]
    public async Task More_by_these_authors_lists_other_papers_sharing_an_author()
    {
        var page = await app.GetDocumentAsync("/papers/2401.07519");

        var expected = Seeds.Papers.Where(s => s.Paper.ArxivId.Value != "2401.07519" && s.Paper.Authors.Intersect(Seeds.Papers.Single(x => x.Paper.ArxivId.Value == "2401.07519").Paper.Authors).Any())
            .Select(s => "/papers/" + s.Paper.ArxivId.Value);
        page.QuerySelectorAll("#more-h ~ ul .paper-title a").Select(a => a.GetAttribute("href")).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task Similar_papers_are_shown_as_compact_cards_in_the_order_the_api_gives_them()
    {
        var page = await app.GetDocumentAsync("/papers/2401.08541");
        using var client = app.CreateClient();
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/papers/2401.08541", UriKind.Relative)));

        page.QuerySelector("#similar-h")!.TextContent.Should().Be("비슷한 논문");
        var shown = page.QuerySelectorAll("#similar-h ~ ul.compact .paper-title a").Select(a => a.GetAttribute("href")).ToList();
        shown.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(6).And.OnlyHaveUniqueItems().And.NotContain("/papers/2401.08541");
        json.RootElement.GetProperty("similar").EnumerateArray().Select(p => "/papers/" + p.GetProperty("arxivId").GetString()).Should().Equal(shown);
        json.RootElement.GetProperty("moreByTheseAuthors").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Array);
    }

    [Theory]
    [InlineData("/papers/2401.08541v2")]
    [InlineData("/papers/arXiv:2401.08541")]
    public async Task Versioned_and_prefixed_ids_resolve_to_the_same_paper(string url)
    {
        var page = await app.GetDocumentAsync(url);

        page.Url.Should().EndWith("/papers/2401.08541");
        page.QuerySelector("h1")!.TextContent.Should().Be("Scalable Pre-training of Large Autoregressive Image Models");
    }

    [Theory]
    [InlineData("/papers/hep-th/9901001")]
    [InlineData("/papers/hep-th/9901001v3")]
    [InlineData("/papers/hep-th.GT/9901001")]
    public async Task Old_style_ids_resolve_to_the_same_paper(string url)
    {
        var page = await app.GetDocumentAsync(url);

        page.QuerySelector("h1")!.TextContent.Should().Be("An Old Style Paper Without Votes");
        page.QuerySelector(".arxiv-id")!.TextContent.Should().Be("arXiv:hep-th/9901001v3");
        page.QuerySelector(".votes")!.TextContent.Should().Contain("없음");
    }

    [Fact]
    public async Task Unknown_paper_answers_404()
    {
        var page = await app.GetDocumentAsync("/papers/2401.99999", HttpStatusCode.NotFound);

        page.QuerySelector("main")!.TextContent.Should().Contain("2401.99999");
    }

    [Theory]
    [InlineData("/papers/not-an-id")]
    [InlineData("/papers/2401.08")]
    [InlineData("/papers/..%2F..%2Fetc%2Fpasswd")]
    public async Task Malformed_ids_answer_400(string url)
    {
        var page = await app.GetDocumentAsync(url, HttpStatusCode.BadRequest);

        page.QuerySelector("main code")!.TextContent.Should().Be("id");
    }
}
