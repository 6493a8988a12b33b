using System.Xml.Linq;
using DailyPapers.Web.Pages.Authors;

namespace DailyPapers.Web.Tests.Pages.Authors;

/// <summary>The author at a glance: the summary from hand-made listings, its sparkline, and the page showing them.</summary>
[Collection(SharedApp.Name)]
public sealed class AuthorSummaryTests(AppFactory app)
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_paper_counts_once_in_the_month_it_was_first_listed_and_empty_months_show_as_zero()
    {
        var summary = AuthorSummary.From([
            ("2401.00001", "One", 5, D("2024-01-10")),
            ("2401.00001", "One", 9, D("2024-03-02")),
            ("2401.00002", "Two", 7, D("2024-01-20")),
            ("2404.00003", "Three", null, D("2024-04-01")),
            ("2404.00004", "Four", 7, D("2024-04-05")),
        ])!;

        summary.First.Should().Be(D("2024-01-10"));
        summary.Latest.Should().Be(D("2024-04-05"));
        summary.Months.Select(m => $"{m.Month:yyyy-MM} {m.PaperCount}").Should().Equal("2024-01 2", "2024-02 0", "2024-03 0", "2024-04 2");
        // Best votes first (a paper's best listing), ties newest first.
        summary.MostVoted.Select(p => $"{p.ArxivId} {p.Votes}").Should().Equal("2401.00001 9", "2404.00004 7", "2401.00002 7");
    }

    [Fact]
    public void The_latest_listing_may_be_an_older_paper_listed_again_and_its_month_ends_the_sparkline()
    {
        var summary = AuthorSummary.From([
            ("2401.00001", "One", 7, D("2024-01-10")),
            ("2402.00002", "Two", 7, D("2024-02-20")),
            ("2401.00001", "One", 7, D("2024-03-01")),
        ])!;

        summary.Latest.Should().Be(D("2024-03-01"));
        summary.Months.Select(m => $"{m.Month:yyyy-MM} {m.PaperCount}").Should().Equal("2024-01 1", "2024-02 1", "2024-03 0");
        // Equal votes: the paper listed more recently comes first, by its latest listing.
        summary.MostVoted.Select(p => p.ArxivId).Should().Equal("2401.00001", "2402.00002");
    }

    [Fact]
    public void A_paper_first_listed_on_the_first_of_the_latest_month_is_counted_in_it()
    {
        var summary = AuthorSummary.From([
            ("2401.00001", "One", 5, D("2024-01-10")),
            ("2402.00002", "Two", 7, D("2024-02-01")),
        ])!;

        summary.Months.Select(m => $"{m.Month:yyyy-MM} {m.PaperCount}").Should().Equal("2024-01 1", "2024-02 1");
    }

    [Fact]
    public void No_listings_make_no_summary() => AuthorSummary.From([]).Should().BeNull();

    [Fact]
    public void The_sparkline_is_an_accessible_svg_with_one_line_and_the_numbers_in_its_description()
    {
        var svg = XElement.Parse(Sparkline.Render([new(D("2024-01-01"), 2), new(D("2024-02-01"), 0), new(D("2024-03-01"), 1)], "s"));

        svg.Attribute("role")!.Value.Should().Be("img");
        svg.Attribute("aria-labelledby")!.Value.Should().Be("s-title s-desc");
        svg.Elements().First(e => e.Name.LocalName == "title").Value.Should().Contain("2024-01").And.Contain("2024-03");
        svg.Elements().First(e => e.Name.LocalName == "desc").Value.Should().Be("2024-01 2편, 2024-03 1편; 나머지 달은 0편");
        var path = svg.Elements().Single(e => e.Name.LocalName == "path").Attribute("d")!.Value;
        path.Split(' ').Should().HaveCount(3, "one point per month");
        svg.Descendants().Should().OnlyContain(e => e.Attribute("fill") == null && e.Attribute("stroke") == null && e.Attribute("style") == null);
    }

    [Fact]
    public async Task The_author_page_shows_first_and_latest_listing_the_sparkline_and_the_three_most_voted_papers()
    {
        var listings = Seeds.Papers.Where(s => s.Paper.Authors.Contains("Xintao Wang")).ToList();
        var expectedTop = listings.OrderByDescending(s => s.Paper.Votes ?? 0).ThenByDescending(s => s.Day.Date).ThenBy(s => s.Paper.ArxivId.Value, StringComparer.Ordinal)
            .Take(3).Select(s => "/papers/" + s.Paper.ArxivId.Value).ToList();

        var page = await app.GetDocumentAsync("/authors/xintao-wang");

        var glance = page.QuerySelector("main .author-glance")!;
        var dates = glance.QuerySelectorAll(".glance-facts dd a").Select(a => a.TextContent).ToList();
        dates.Should().Equal(listings.Min(s => s.Day.Date).ToString("yyyy-MM-dd", null), listings.Max(s => s.Day.Date).ToString("yyyy-MM-dd", null));
        glance.QuerySelectorAll(".most-voted a").Select(a => a.GetAttribute("href")).Should().Equal(expectedTop);
        var spark = glance.QuerySelector("svg.sparkline")!;
        spark.GetAttribute("role").Should().Be("img");
        spark.QuerySelector("desc")!.TextContent.Should().Contain("편");
    }
}
