using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace DailyPapers.Web.Tests.Pages.Trends;

[Collection(SharedApp.Name)]
public sealed class TrendsPageTests(AppFactory app)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private async Task<JsonElement> JsonAsync(string url)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task The_chart_is_an_accessible_svg_with_axes_one_line_per_term_and_a_legend()
    {
        var page = await app.GetDocumentAsync("/trends?q=diffusion,%EB%AA%A8%EB%8D%B8,agent");

        var svg = XElement.Parse(page.QuerySelector("main svg.trend-chart")!.OuterHtml);
        svg.Name.Should().Be(Svg + "svg");
        svg.Attribute("role")!.Value.Should().Be("img");
        var labelledBy = svg.Attribute("aria-labelledby")!.Value.Split(' ');
        svg.Elements().Where(e => e.Name.LocalName is "title" or "desc").Select(e => e.Attribute("id")!.Value).Should().Equal(labelledBy);
        svg.Elements().Single(e => e.Name.LocalName == "title").Value.Should().Contain("diffusion").And.Contain("모델").And.Contain("agent");
        svg.Descendants().Where(e => e.Name.LocalName == "line" && (string?)e.Attribute("class") == "axis").Should().HaveCountGreaterThanOrEqualTo(2);
        svg.Descendants().Where(e => (string?)e.Attribute("class") == "tick-label y").Select(e => e.Value).Should().Contain("0%").And.OnlyContain(t => t.EndsWith('%'));
        svg.Descendants().Where(e => (string?)e.Attribute("class") == "tick-label x").Select(e => e.Value).Should().Contain("2024-04").And.OnlyContain(t => t.Length == 7);
        var lines = svg.Descendants().Where(e => e.Name.LocalName == "g" && (string?)e.Parent?.Attribute("class") == "chart-lines").ToList();
        lines.Should().HaveCount(3);
        lines.Should().OnlyContain(g => g.Elements().Count(e => e.Name.LocalName == "path") == 1);
        svg.Descendants().Where(e => ((string?)e.Attribute("class") ?? "").StartsWith("legend-item", StringComparison.Ordinal)).Select(e => e.Value).Should().Equal("diffusion", "모델", "agent");
        svg.Descendants().Should().OnlyContain(e => e.Attribute("style") == null && e.Attribute("fill") == null && e.Attribute("stroke") == null, "colours come from CSS so dark mode reaches them");
    }

    [Fact]
    public async Task The_table_beneath_holds_the_same_numbers_as_the_json()
    {
        var page = await app.GetDocumentAsync("/trends?q=diffusion,%EB%AA%A8%EB%8D%B8");
        var json = await JsonAsync("/api/trends?q=diffusion,%EB%AA%A8%EB%8D%B8");

        json.GetProperty("terms").EnumerateArray().Select(t => t.GetString()).Should().Equal("diffusion", "모델");
        var months = json.GetProperty("months").EnumerateArray().ToList();
        var rows = page.QuerySelectorAll("main table.trend-table tbody tr");
        rows.Should().HaveCount(months.Count);
        months.Select(m => m.GetProperty("month").GetString()).Should().Equal(rows.Select(r => r.QuerySelector("th")!.TextContent));
        for (var i = 0; i < months.Count; i++)
        {
            var cells = rows[i].QuerySelectorAll("td");
            cells[0].GetAttribute("data-papers").Should().Be(months[i].GetProperty("paperCount").GetInt32().ToString(CultureInfo.InvariantCulture));
            cells.Skip(1).Select(c => c.GetAttribute("data-matches")).Should().Equal(months[i].GetProperty("matches").EnumerateArray().Select(m => m.GetInt32().ToString(CultureInfo.InvariantCulture)));
            cells.Skip(1).Select(c => double.Parse(c.GetAttribute("data-share")!, CultureInfo.InvariantCulture)).Should().Equal(months[i].GetProperty("shares").EnumerateArray().Select(s => s.GetDouble()));
        }

        // The seeds: 2024-04 holds papers, some about 모델; 2024-03 has no digest and shows as an empty month.
        months.Single(m => m.GetProperty("month").GetString() == "2024-03").GetProperty("paperCount").GetInt32().Should().Be(0);
        months[^1].GetProperty("paperCount").GetInt32().Should().BePositive();
        months[^1].GetProperty("matches")[1].GetInt32().Should().BePositive();
    }

    [Fact]
    public async Task The_months_matches_are_what_the_search_page_finds()
    {
        var json = await JsonAsync("/api/trends?q=diffusion");
        var search = await JsonAsync("/api/search?q=diffusion");

        json.GetProperty("months").EnumerateArray().Sum(m => m.GetProperty("matches")[0].GetInt32()).Should().BeGreaterThanOrEqualTo(search.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_csv_has_a_header_and_a_row_per_month()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/trends?q=diffusion,agent&format=csv", UriKind.Relative));
        var json = await JsonAsync("/api/trends?q=diffusion,agent");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("month,papers,diffusion,diffusion share,agent,agent share");
        var months = json.GetProperty("months").EnumerateArray().ToList();
        lines.Skip(1).Should().HaveCount(months.Count);
        var first = months[0];
        lines[1].Should().Be(string.Join(',', [
            first.GetProperty("month").GetString(), first.GetProperty("paperCount").GetInt32().ToString(CultureInfo.InvariantCulture),
            first.GetProperty("matches")[0].GetInt32().ToString(CultureInfo.InvariantCulture), first.GetProperty("shares")[0].GetDouble().ToString("0.####", CultureInfo.InvariantCulture),
            first.GetProperty("matches")[1].GetInt32().ToString(CultureInfo.InvariantCulture), first.GetProperty("shares")[1].GetDouble().ToString("0.####", CultureInfo.InvariantCulture)]));
    }

    [Fact]
    public async Task The_form_submits_get_so_the_address_is_shareable()
    {
        var page = await app.GetDocumentAsync("/trends?q=diffusion");

        var form = page.QuerySelector("main form.trends-form")!;
        form.GetAttribute("method").Should().Be("get");
        form.GetAttribute("action").Should().Be("/trends");
        form.QuerySelector("input[name=q]")!.GetAttribute("value").Should().Be("diffusion");
        page.QuerySelectorAll("main figcaption a").Select(a => a.GetAttribute("href")).Should().Contain("/api/trends?q=diffusion&format=csv");
    }

    [Theory]
    [InlineData("a,b,c,d,e,f", "5개까지")]
    [InlineData(",,", "쉼표로 나누어")]
    [InlineData("diffusion,!!!", "찾을 글자")]
    public async Task Bad_terms_get_a_korean_message_naming_q_on_the_page_and_a_problem_in_the_api(string q, string message)
    {
        var page = await app.GetDocumentAsync("/trends?q=" + Uri.EscapeDataString(q), HttpStatusCode.BadRequest);

        page.QuerySelector("main [role=alert]")!.TextContent.Should().StartWith("q:").And.Contain(message);
        page.QuerySelector("main svg.trend-chart").Should().BeNull();

        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/trends?q=" + Uri.EscapeDataString(q), UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors").GetProperty("q")[0].GetString().Should().Contain(message);
    }

    [Fact]
    public async Task The_api_needs_terms_while_the_page_without_them_shows_the_form_and_rising_terms()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/trends", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var page = await app.GetDocumentAsync("/trends");
        page.QuerySelector("main form.trends-form").Should().NotBeNull();
        page.QuerySelectorAll("main .rising .rising-list h3").Select(h => h.TextContent).Should().Contain(t => t.StartsWith("이번 주", StringComparison.Ordinal)).And.Contain(t => t.StartsWith("이번 달", StringComparison.Ordinal));
    }
}
