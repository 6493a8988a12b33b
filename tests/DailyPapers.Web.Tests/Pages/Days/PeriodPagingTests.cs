using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace DailyPapers.Web.Tests.Pages.Days;

/// <summary>
/// A week or a month is paged by votes, fifty to a page, with its totals: the page, its head, its feed and the API. The
/// archive: Period Paper i (1–110) has i votes at its best listing. 2024-06-10 lists papers 1–70; 2024-06-12 lists 51–110,
/// papers 51–70 a second time with no votes, so they count once, at the earlier day's listing. Digest order (1 first)
/// runs against vote order (110 first).
/// </summary>
public sealed class PeriodPagingTests : IClassFixture<PeriodPagingTests.CrowdedWeek>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly AppFactory _app;

    public PeriodPagingTests(CrowdedWeek archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        _app = archive.App;
    }

    public sealed class CrowdedWeek : IDisposable
    {
        public CrowdedWeek()
        {
            Write("2024-06-10", Enumerable.Range(1, 70).Select(i => (i, i)));
            Write("2024-06-12", Enumerable.Range(51, 60).Select(i => (i, i <= 70 ? 0 : i)));
        }

        public AppFactory App { get; } = new();

        private void Write(string date, IEnumerable<(int Paper, int Votes)> papers)
        {
            var digest = new StringBuilder($"## Daily Papers ({date})\n\n");
            foreach (var (paper, votes) in papers)
            {
                digest.Append(CultureInfo.InvariantCulture, $"### [Period Paper {paper}](https://arxiv.org/abs/2406.{paper + 700:00000})\n\nVote: {votes}\n\nAuthors: Writer {paper}\n\n- 요약 {paper}.\n\n");
            }

            File.WriteAllText(Path.Combine(App.DataDirectory, date + ".md"), digest.ToString());
        }

        public void Dispose() => App.Dispose();
    }

    private static IEnumerable<string> Papers(int from, int to) => Enumerable.Range(to, from - to + 1).Reverse().Select(i => $"Period Paper {i}");

    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("main ol.paper-list > li article.paper .paper-title a").Select(h => h.TextContent.Trim())];

    [Theory]
    [InlineData("/weeks/2024-W24")]
    [InlineData("/months/2024-06")]
    public async Task A_period_is_paged_by_votes_fifty_to_a_page_with_its_totals(string path)
    {
        var first = await _app.GetDocumentAsync(path);
        var second = await _app.GetDocumentAsync(path + "?page=2");
        var last = await _app.GetDocumentAsync(path + "?page=3");

        Titles(first).Should().Equal(Papers(110, 61));
        Titles(second).Should().Equal(Papers(60, 11));
        Titles(last).Should().Equal(Papers(10, 1));
        second.QuerySelector("main ol.paper-list")!.GetAttribute("start").Should().Be("51");
        var twiceListed = second.QuerySelectorAll("main article.paper").Single(a => a.QuerySelector(".paper-title a")!.TextContent.Trim() == "Period Paper 55");
        twiceListed.QuerySelector(".votes strong")!.TextContent.Should().Be("55", "a paper listed twice shows its best listing");
        twiceListed.QuerySelector(".paper-date time")!.GetAttribute("datetime").Should().Be("2024-06-10");
        first.QuerySelector(".day-summary")!.TextContent.Should().Contain("다이제스트 2일").And.Contain("논문 110편").And.Contain("1–50번");
        first.QuerySelectorAll("main .period-days a").Select(a => (a.GetAttribute("href"), a.QuerySelector("small")!.TextContent))
            .Should().Equal(("/days/2024-06-12", "60편"), ("/days/2024-06-10", "70편"));
    }

    [Fact]
    public async Task Each_page_names_its_neighbours_in_the_pager_and_in_the_head()
    {
        var first = await _app.GetDocumentAsync("/weeks/2024-W24");
        var second = await _app.GetDocumentAsync("/weeks/2024-W24?page=2");
        var last = await _app.GetDocumentAsync("/weeks/2024-W24?page=3");

        first.Head!.QuerySelector("link[rel=prev]").Should().BeNull();
        first.Head.QuerySelector("link[rel=next]")!.GetAttribute("href").Should().Be("/weeks/2024-W24?page=2");
        first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href").Should().Be("/weeks/2024-W24?page=2");
        second.Head!.QuerySelector("link[rel=prev]")!.GetAttribute("href").Should().Be("/weeks/2024-W24");
        second.Head.QuerySelector("link[rel=next]")!.GetAttribute("href").Should().Be("/weeks/2024-W24?page=3");
        second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href").Should().Be("/weeks/2024-W24");
        second.Head.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().Be("http://localhost/weeks/2024-W24?page=2");
        last.Head!.QuerySelector("link[rel=next]").Should().BeNull();
        last.QuerySelector(".pager a[rel=next]").Should().BeNull();
        last.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href").Should().Be("/weeks/2024-W24?page=2");
    }

    [Theory]
    [InlineData("/weeks/2024-W24?page=4")]
    [InlineData("/months/2024-06?page=4")]
    public async Task A_page_past_the_last_answers_400_naming_page_and_the_last_page(string url)
    {
        var page = await _app.GetDocumentAsync(url, HttpStatusCode.BadRequest);

        page.Body!.TextContent.Should().Contain("page").And.Contain("3쪽까지");
    }

    [Fact]
    public async Task The_api_pages_a_period_the_same_way()
    {
        using var client = _app.CreateClient();
        using var second = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/weeks/2024-W24?page=2", UriKind.Relative)));
        using var month = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/months/2024-06", UriKind.Relative)));

        var root = second.RootElement;
        (root.GetProperty("key").GetString(), root.GetProperty("paperCount").GetInt32(), root.GetProperty("dayCount").GetInt32(), root.GetProperty("page").GetInt32(), root.GetProperty("pageCount").GetInt32())
            .Should().Be(("2024-W24", 110, 2, 2, 3));
        root.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("title").GetString()).Should().Equal(Papers(60, 11));
        root.GetProperty("days").EnumerateArray().Select(d => (d.GetProperty("date").GetString(), d.GetProperty("paperCount").GetInt32()))
            .Should().Equal(("2024-06-12", 60), ("2024-06-10", 70));
        month.RootElement.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("title").GetString()).Should().Equal(Papers(110, 61));
        month.RootElement.GetProperty("previous").GetString().Should().Be("2024-04", "the seeds' latest digest is 2024-04-02");
        month.RootElement.GetProperty("next").ValueKind.Should().Be(JsonValueKind.Null);

        using var beyond = await client.GetAsync(new Uri("/api/weeks/2024-W24?page=4", UriKind.Relative));
        beyond.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        beyond.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonDocument.Parse(await beyond.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("page")[0].GetString().Should().Contain("3 page");
    }

    [Theory]
    [InlineData("/feeds/weeks/2024-W24.atom")]
    [InlineData("/feeds/months/2024-06.atom")]
    public async Task The_feed_of_a_period_holds_its_first_page_by_votes(string url)
    {
        using var client = _app.CreateClient();
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri(url, UriKind.Relative))).Root!;

        feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).Should().Equal(Papers(110, 61));
        feed.Element(Atom + "subtitle")!.Value.Should().Contain("논문 110편");
    }
}
