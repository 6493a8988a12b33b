using System.Net;
using System.Text.Json;

namespace DailyPapers.Web.Tests.Api;

[Collection(SharedApp.Name)]
public sealed class ApiTests(AppFactory app)
{
    private async Task<(HttpStatusCode Status, string? MediaType, JsonElement Json)> GetJsonAsync(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Days_lists_every_day_with_its_paper_count()
    {
        var (status, _, json) = await GetJsonAsync("/api/days");

        status.Should().Be(HttpStatusCode.OK);
        json.GetProperty("year").GetInt32().Should().Be(2024);
        json.GetProperty("previousYear").GetInt32().Should().Be(2023);
        json.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("date").GetString()).Should().StartWith(["2024-04-02", "2024-02-06"]);
        json.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2024-01-17").GetProperty("paperCount").GetInt32().Should().Be(9);
    }

    [Fact]
    public async Task Day_holds_its_papers_in_digest_order_with_camel_case_fields()
    {
        var (status, _, json) = await GetJsonAsync("/api/days/2024-01-17");

        status.Should().Be(HttpStatusCode.OK);
        var papers = json.GetProperty("papers").EnumerateArray().ToList();
        papers.Select(p => p.GetProperty("votes").GetInt32()).Should().Equal(21, 17, 12, 11, 8, 8, 7, 7, 2);
        var first = papers[0];
        first.GetProperty("arxivId").GetString().Should().Be("2401.08541");
        first.GetProperty("title").GetString().Should().Be("Scalable Pre-training of Large Autoregressive Image Models");
        first.GetProperty("authors").GetArrayLength().Should().Be(8);
        first.GetProperty("authors")[0].GetProperty("name").GetString().Should().Be("Alaaeldin El-Nouby");
        first.GetProperty("thumbnailUrl").GetString().Should().StartWith("https://");
        first.GetProperty("summaryMarkdown").GetString().Should().StartWith("- 본 논문은");
        json.GetProperty("previous").GetString().Should().Be("2023-12-08");
    }

    [Fact]
    public async Task Paper_carries_its_appearances()
    {
        var (status, _, json) = await GetJsonAsync("/api/papers/2402.03286");

        status.Should().Be(HttpStatusCode.OK);
        json.GetProperty("videoUrl").GetString().Should().EndWith(".mp4");
        json.GetProperty("appearances").EnumerateArray().Single().GetProperty("votes").GetInt32().Should().Be(30);
        json.GetProperty("bibTex").GetString().Should().StartWith("@misc{");
    }

    [Fact]
    public async Task Papers_carry_the_code_and_project_links_their_summaries_name()
    {
        var (_, _, paper) = await GetJsonAsync("/api/papers/2312.03814");
        var (_, _, day) = await GetJsonAsync("/api/days/2023-12-08");
        var (_, _, none) = await GetJsonAsync("/api/papers/2401.08541");

        var links = paper.GetProperty("codeUrls").EnumerateArray().Select(l => (l.GetProperty("url").GetString(), l.GetProperty("kind").GetString())).ToList();
        links.Should().Equal(("https://github.com/facebookresearch/pearl", "code"), ("https://pearlagent.github.io", "project"));
        var card = day.GetProperty("papers").EnumerateArray().Single(p => p.GetProperty("arxivId").GetString() == "2312.03814");
        card.GetProperty("codeUrls").EnumerateArray().Select(l => l.GetProperty("url").GetString()).Should().Equal(links.Select(l => l.Item1));
        none.GetProperty("codeUrls").GetArrayLength().Should().Be(0, "a paper without links has an empty list, never null");
        // The lists beside a paper are cards too.
        paper.GetProperty("similar").EnumerateArray().Select(p => p.TryGetProperty("codeUrls", out _)).Should().NotBeEmpty().And.OnlyContain(has => has);
    }

    [Fact]
    public async Task Top_and_author_search_answer()
    {
        var (_, _, top) = await GetJsonAsync("/api/top?period=all");
        var (_, _, authors) = await GetJsonAsync("/api/authors?q=kolle");

        top.GetProperty("period").GetProperty("period").GetString().Should().Be("all");
        top.GetProperty("papers")[0].GetProperty("votes").GetInt32().Should().Be(Seeds.Papers.Max(s => s.Paper.Votes ?? 0));
        authors.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Should().Contain(n => n!.Contains("Kölle", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/papers/2401.99999")]
    [InlineData("/api/days/2024-01-18")]
    [InlineData("/api/authors/nobody-at-all")]
    [InlineData("/api/no-such-endpoint")]
    public async Task Unknown_ids_answer_404_with_a_problem_body(string url)
    {
        var (status, mediaType, json) = await GetJsonAsync(url);

        status.Should().Be(HttpStatusCode.NotFound);
        mediaType.Should().Be("application/problem+json");
        json.GetProperty("status").GetInt32().Should().Be(404);
    }

    [Theory]
    [InlineData("/api/days/2024-99-01", "date")]
    [InlineData("/api/papers/foo", "id")]
    [InlineData("/api/top?period=fortnight", "period")]
    [InlineData("/api/top?date=tomorrow", "date")]
    public async Task Malformed_parameters_answer_400_naming_them(string url, string parameter)
    {
        var (status, mediaType, json) = await GetJsonAsync(url);

        status.Should().Be(HttpStatusCode.BadRequest);
        mediaType.Should().Be("application/problem+json");
        json.GetProperty("errors").TryGetProperty(parameter, out _).Should().BeTrue();
    }
}
