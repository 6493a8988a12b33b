using System.Xml.Linq;
using DailyPapers.Core.Search;
using DailyPapers.Web.Pages.Trends;

namespace DailyPapers.Web.Tests.Pages.Trends;

/// <summary>The chart drawn from a hand-made series, read back as XML.</summary>
public sealed class TrendChartTests
{
    private static DateOnly M(int month) => new(2024, month, 1);

    private static readonly TrendsView View = new("agent,확산", ["agent", "확산"],
    [
        new TrendPoint(M(1), 10, [1, 0], [0.1, 0]),
        new TrendPoint(M(2), 20, [6, 2], [0.3, 0.1]),
        new TrendPoint(M(3), 0, [0, 0], [0, 0]),
    ], []);

    private static XElement Chart() => XElement.Parse(TrendChart.Render(View, "t"));

    private static IEnumerable<XElement> Classed(XElement svg, string cls) =>
        svg.Descendants().Where(e => ((string?)e.Attribute("class") ?? "").Split(' ').Contains(cls));

    [Fact]
    public void The_chart_has_a_title_and_description_that_label_it()
    {
        var svg = Chart();

        svg.Attribute("role")!.Value.Should().Be("img");
        svg.Attribute("aria-labelledby")!.Value.Should().Be("t-title t-desc");
        svg.Elements().First(e => e.Name.LocalName == "title").Value.Should().Be("월별 논문 비율: agent, 확산");
        svg.Elements().First(e => e.Name.LocalName == "desc").Value.Should().Contain("2024-01부터 2024-03까지").And.Contain("agent: 가장 높은 달 2024-02 30.0%");
    }

    [Fact]
    public void Ticks_step_in_round_percentages_up_past_the_highest_share()
    {
        var svg = Chart();

        Classed(svg, "tick-label").Where(e => e.Attribute("class")!.Value.EndsWith(" y", StringComparison.Ordinal)).Select(e => e.Value)
            .Should().Equal("0%", "10%", "20%", "30%");
        Classed(svg, "tick-label").Where(e => e.Attribute("class")!.Value.EndsWith(" x", StringComparison.Ordinal)).Select(e => e.Value)
            .Should().Equal("2024-01", "2024-02", "2024-03");
        Classed(svg, "axis").Should().HaveCount(2);
    }

    [Fact]
    public void Each_term_is_one_path_through_every_month_with_its_legend_entry()
    {
        var svg = Chart();

        var lines = Classed(svg, "chart-lines").Single().Elements().ToList();
        lines.Should().HaveCount(2);
        lines.Select(l => l.Elements().Count(e => e.Name.LocalName == "path")).Should().Equal(1, 1);
        // March has no digests: the line goes through January and February and stops, rather than falling to zero.
        lines[0].Elements().Single(e => e.Name.LocalName == "path").Attribute("d")!.Value.Should().MatchRegex(@"^M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$");
        lines.Select(l => l.Attribute("class")!.Value).Should().Equal("series series-1", "series series-2");
        Classed(svg, "legend-item").Select(e => e.Value).Should().Equal("agent", "확산");

        // The highest point (30%) is at the top of the plot, zero on the axis.
        var points = lines[0].Elements().Where(e => e.Name.LocalName == "circle").Select(c => double.Parse(c.Attribute("cy")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        points.Should().HaveCount(2, "a month without digests has no point");
        points[1].Should().BeLessThan(points[0]);
    }

    [Theory]
    [InlineData(0.0, 0.001)]
    [InlineData(0.004, 0.001)]
    [InlineData(0.07, 0.02)]
    [InlineData(0.3, 0.1)]
    [InlineData(0.9, 0.2)]
    public void The_tick_step_keeps_five_ticks_or_fewer(double max, double step) => TrendChart.TickStep(max).Should().Be(step);
}
