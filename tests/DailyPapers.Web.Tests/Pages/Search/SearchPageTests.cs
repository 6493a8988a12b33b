using System.Net;
using System.Text.Json;

namespace DailyPapers.Web.Tests.Pages.Search;

[Collection(SharedApp.Name)]
public sealed class SearchPageTests(AppFactory app)
{
    [Fact]
    public async Task A_korean_word_finds_papers_with_the_match_highlighted()
    {
        var page = await app.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("모델"));

        var results = page.QuerySelectorAll("main .search-result");
        results.Should().HaveCount(20);
        page.QuerySelector("main .result-count")!.TextContent.Should().MatchRegex(@"논문 \d+편");
        results.Should().OnlyContain(r => r.QuerySelectorAll(".snippet mark").Any(m => m.TextContent == "모델"));
        results[0].QuerySelector(".paper-title a")!.GetAttribute("href").Should().StartWith("/papers/");
        results[0].QuerySelector(".paper-date")!.GetAttribute("href").Should().StartWith("/days/");
        page.QuerySelector("main a[rel=next]")!.GetAttribute("href").Should().Contain("page=2");
    }

    [Fact]
    public async Task English_words_match_together_and_titles_are_highlighted()
    {
        var page = await app.GetDocumentAsync("/search?q=diffusion+models");

        var titles = page.QuerySelectorAll("main .search-result .paper-title");
        titles.Should().NotBeEmpty();
        titles[0].QuerySelectorAll("mark").Select(m => m.TextContent.ToUpperInvariant()).Should().Contain(["DIFFUSION", "MODELS"]);
    }

    [Fact]
    public async Task An_author_name_lists_the_author_beside_the_papers()
    {
        var page = await app.GetDocumentAsync("/search?q=Xintao");

        page.QuerySelectorAll("main .author-hits a").Select(a => a.GetAttribute("href")).Should().Contain("/authors/xintao-wang");
        page.QuerySelectorAll("main .search-result").Should().HaveCount(4);
    }

    [Theory]
    [InlineData("2401.08541")]
    [InlineData("2401.08541v2")]
    [InlineData("https://arxiv.org/abs/2401.08541")]
    [InlineData("arxiv.org/pdf/2401.08541v1")]
    [InlineData("https://huggingface.co/papers/2401.08541")]
    public async Task An_arxiv_id_or_url_jumps_to_the_paper(string query)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/papers/2401.08541");
    }

    [Fact]
    public async Task An_unknown_arxiv_id_says_so_and_links_arxiv()
    {
        var page = await app.GetDocumentAsync("/search?q=2501.00001");

        page.QuerySelector("main .notice a")!.GetAttribute("href").Should().Be("https://arxiv.org/abs/2501.00001");
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NEAR(a b)")]
    [InlineData("*")]
    [InlineData("-:()")]
    [InlineData("😀")]
    [InlineData("' OR 1=1; --")]
    public async Task Hostile_queries_answer_with_results_or_nothing_found(string query)
    {
        var page = await app.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

        page.QuerySelector("main .result-count").Should().NotBeNull();
    }

    [Fact]
    public async Task A_thousand_character_query_answers()
    {
        var query = string.Concat(Enumerable.Repeat("모델 학습 ", 200))[..1000];

        var page = await app.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

        page.QuerySelector("main .result-count").Should().NotBeNull();
    }

    [Theory]
    [InlineData("/search?q=x&sort=random", "sort")]
    [InlineData("/search?q=x&from=yesterday", "from")]
    [InlineData("/search?q=x&minVotes=-3", "minVotes")]
    [InlineData("/search?q=x&page=0", "page")]
    [InlineData("/search?q=x&page=1%00", "page")]
    [InlineData("/search?page=2", "page")]
    [InlineData("/search?q=x&minVotes=5%00", "minVotes")]
    [InlineData("/search?q=x&code=yes", "code")]
    [InlineData("/search?q=x&code=2", "code")]
    [InlineData("/search?q=x&code=on", "code")]
    public async Task Malformed_filters_answer_400_naming_them(string url, string parameter)
    {
        var page = await app.GetDocumentAsync(url, HttpStatusCode.BadRequest);

        page.QuerySelector("main code")!.TextContent.Should().Be(parameter);
    }

    [Fact]
    public async Task A_page_past_the_last_answers_400_naming_page_and_the_last_page_on_the_page_and_in_the_api()
    {
        using var client = app.CreateClient();
        var pageCount = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?q=diffusion", UriKind.Relative))).RootElement.GetProperty("pageCount").GetInt32();

        var last = await app.GetDocumentAsync($"/search?q=diffusion&page={pageCount}");
        var past = await app.GetDocumentAsync($"/search?q=diffusion&page={pageCount + 1}", HttpStatusCode.BadRequest);
        var far = await app.GetDocumentAsync("/search?q=diffusion&page=99", HttpStatusCode.BadRequest);
        using var api = await client.GetAsync(new Uri("/api/search?q=diffusion&page=99", UriKind.Relative));

        last.QuerySelectorAll("main .search-result").Should().NotBeEmpty();
        foreach (var page in new[] { past, far })
        {
            page.QuerySelector("main code")!.TextContent.Should().Be("page");
            page.QuerySelector("main")!.TextContent.Should().Contain($"{pageCount}쪽까지");
        }

        api.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        api.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("page")[0].GetString().Should().Contain($"fill {pageCount} page");
    }

    [Fact]
    public async Task Filters_and_sorting_narrow_the_results()
    {
        var all = await app.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("모델") + "&sort=votes&minVotes=20");

        var votes = all.QuerySelectorAll("main .search-result .votes strong").Select(v => int.Parse(v.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        votes.Should().NotBeEmpty().And.BeInDescendingOrder().And.OnlyContain(v => v >= 20);
    }

    [Fact]
    public async Task With_code_finds_only_papers_that_link_code_or_a_project_page()
    {
        var all = await app.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("모델"));
        var withCode = await app.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("모델") + "&code=1");
        var same = await app.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("모델") + "&code=true");
        var off = await app.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("모델") + "&code=0");

        var results = withCode.QuerySelectorAll("main .search-result").ToList();
        results.Should().NotBeEmpty().And.OnlyContain(r => r.QuerySelector("a.code-link") != null);
        Count(withCode).Should().BeLessThan(Count(all));
        Count(same).Should().Be(Count(withCode));
        Count(off).Should().Be(Count(all));
        withCode.QuerySelector("main input[type=checkbox][name=code]")!.HasAttribute("checked").Should().BeTrue();
        all.QuerySelector("main input[type=checkbox][name=code]")!.HasAttribute("checked").Should().BeFalse();
        withCode.QuerySelector("main .search-filters")!.HasAttribute("open").Should().BeTrue("a filter in use is shown");

        static int Count(AngleSharp.Dom.IDocument page) => int.Parse(
            System.Text.RegularExpressions.Regex.Match(page.QuerySelector("main .result-count")!.TextContent, @"논문 (\d+)편").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_address_of_a_search_with_code_keeps_the_filter()
    {
        var page = await app.GetDocumentAsync("/search?q=model&code=1&sort=newest");

        // The pages' links are made from the same address (PagerModel.WithPage).
        page.Head!.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().EndWith("/search?q=model&sort=newest&code=1");
    }

    [Fact]
    public async Task The_api_filters_by_code_and_refuses_a_bad_value_naming_code()
    {
        using var client = app.CreateClient();
        var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("모델") + "&code=1", UriKind.Relative))).RootElement;
        using var bad = await client.GetAsync(new Uri("/api/search?q=x&code=maybe", UriKind.Relative));

        json.GetProperty("results").EnumerateArray().Should().NotBeEmpty()
            .And.OnlyContain(r => r.GetProperty("paper").GetProperty("codeUrls").GetArrayLength() > 0);
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("code")[0].GetString().Should().Contain("'maybe'");
    }

    [Fact]
    public async Task The_api_returns_the_same_results_as_json()
    {
        using var client = app.CreateClient();
        var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("모델"), UriKind.Relative))).RootElement;

        json.GetProperty("total").GetInt32().Should().BeGreaterThan(20);
        json.GetProperty("results").GetArrayLength().Should().Be(20);
        json.GetProperty("results")[0].GetProperty("paper").GetProperty("arxivId").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("results")[0].GetProperty("snippetHtml").GetString().Should().Contain("<mark>모델</mark>");
        var jump = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?q=2401.08541", UriKind.Relative))).RootElement;
        jump.GetProperty("arxivId").GetString().Should().Be("2401.08541");
    }

    [Fact]
    public async Task A_typo_that_finds_nothing_offers_the_spelling_that_does()
    {
        var page = await app.GetDocumentAsync("/search?q=difusion");

        var suggestion = page.QuerySelector("main .suggestion a");
        suggestion.Should().NotBeNull();
        suggestion!.TextContent.Should().Be("diffusion");
        suggestion.GetAttribute("href").Should().Be("/search?q=diffusion");
    }
}
