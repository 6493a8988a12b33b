using System.Net.Http.Json;
using System.Text.Json;

namespace DailyPapers.Web.Tests.Pages.Days;

/// <summary>A day lists its papers in the digest's own order, which is not always the vote order; rankings sort by votes.</summary>
public sealed class DigestOrderTests : IDisposable
{
    private readonly AppFactory _app = new();

    public DigestOrderTests()
    {
        File.WriteAllText(Path.Combine(_app.DataDirectory, "2024-06-03.md"), """
            ## Daily Papers (2024-06-03)

            ### [First In The Digest](https://arxiv.org/abs/2406.00001)

            Vote: 3

            - 첫째.

            ### [Second In The Digest](https://arxiv.org/abs/2406.00002)

            Vote: 9

            - 둘째.

            ### [Third In The Digest](https://arxiv.org/abs/2406.00003)

            Vote: 5

            - 셋째.

            """);
    }

    [Fact]
    public async Task Day_page_lists_papers_in_digest_order_and_says_so()
    {
        var page = await _app.GetDocumentAsync("/days/2024-06-03");

        page.QuerySelectorAll("main article.paper .votes strong").Select(v => v.TextContent).Should().Equal("3", "9", "5");
        page.QuerySelector("main .day-summary")!.TextContent.Should().Contain("다이제스트에 실린 순서");
    }

    [Fact]
    public async Task The_day_ranking_orders_the_same_papers_by_votes()
    {
        var page = await _app.GetDocumentAsync("/top?period=day&date=2024-06-03");

        page.QuerySelectorAll("main article.paper .votes strong").Select(v => v.TextContent).Should().Equal("9", "5", "3");
    }

    [Fact]
    public async Task The_api_names_the_digest_position_and_leaves_it_null_outside_a_day()
    {
        using var client = _app.CreateClient();
        var day = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/days/2024-06-03", UriKind.Relative));
        var all = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/top?period=all", UriKind.Relative));

        day.GetProperty("papers").EnumerateArray().Select(p => (p.GetProperty("position").GetInt32(), p.GetProperty("votes").GetInt32()))
            .Should().Equal((1, 3), (2, 9), (3, 5));
        all.GetProperty("papers").EnumerateArray().Should().OnlyContain(p => p.GetProperty("position").ValueKind == JsonValueKind.Null);
        day.GetProperty("papers")[0].TryGetProperty("rank", out _).Should().BeFalse();
    }

    public void Dispose() => _app.Dispose();
}
