using System.Globalization;
using System.Xml.Linq;

namespace DailyPapers.Web.Pages.Trends;

/// <summary>
/// The trend chart as SVG, drawn on the server: axes, percentage ticks, month labels, one line per term and a legend.
/// Colours come from CSS classes (site.css, light and dark), never from attributes, so the theme switch reaches them;
/// each line also has its own dash pattern, so the lines differ without colour. The table beneath holds the numbers.
/// </summary>
public static class TrendChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const double Width = 720;
    private const double Height = 360;
    private const double Left = 56;
    private const double Right = 36;
    private const double Bottom = 40;
    private const double LegendRow = 22;

    public static string Render(TrendsView view, string id)
    {
        ArgumentNullException.ThrowIfNull(view);
        var months = view.Months;
        var legend = Legend(view.Terms, out var legendHeight);
        var top = 12 + legendHeight;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - top - Bottom;
        var max = months.SelectMany(m => m.Shares).DefaultIfEmpty(0).Max();
        var step = TickStep(max);
        var ceiling = Math.Max(step, Math.Ceiling(max / step - 1e-9) * step);
        double X(int i) => months.Count == 1 ? Left + (plotWidth / 2) : Left + (plotWidth * i / (months.Count - 1));
        double Y(double share) => top + (plotHeight * (1 - (share / ceiling)));

        var svg = new XElement(Svg + "svg",
            new XAttribute("class", "trend-chart"),
            new XAttribute("viewBox", $"0 0 {N(Width)} {N(Height)}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), $"월별 논문 비율: {string.Join(", ", view.Terms)}"),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), Description(view)));

        var grid = new XElement(Svg + "g", new XAttribute("class", "chart-grid"));
        for (var tick = 0.0; tick <= ceiling + 1e-9; tick += step)
        {
            grid.Add(
                new XElement(Svg + "line", new XAttribute("class", tick == 0 ? "axis" : "grid"), Attr("x1", Left), Attr("x2", Width - Right), Attr("y1", Y(tick)), Attr("y2", Y(tick))),
                new XElement(Svg + "text", new XAttribute("class", "tick-label y"), Attr("x", Left - 6), Attr("y", Y(tick) + 4), Percent(tick)));
        }

        var every = Math.Max(1, (int)Math.Ceiling(months.Count / 8.0));
        for (var i = 0; i < months.Count; i++)
        {
            if (i % every == 0 || i == months.Count - 1 && months.Count - 1 - (i / every * every) >= every / 2.0)
            {
                grid.Add(
                    new XElement(Svg + "line", new XAttribute("class", "tick"), Attr("x1", X(i)), Attr("x2", X(i)), Attr("y1", Y(0)), Attr("y2", Y(0) + 5)),
                    new XElement(Svg + "text", new XAttribute("class", "tick-label x"), Attr("x", X(i)), Attr("y", Y(0) + 20), TrendsQuery.Month(months[i].Month)));
            }
        }

        grid.Add(new XElement(Svg + "line", new XAttribute("class", "axis"), Attr("x1", Left), Attr("x2", Left), Attr("y1", top), Attr("y2", Y(0))));
        svg.Add(grid);

        var lines = new XElement(Svg + "g", new XAttribute("class", "chart-lines"));
        for (var s = 0; s < view.Terms.Count; s++)
        {
            // A month without digests has no share: the line breaks there rather than dropping to zero.
            var d = string.Join(" ", months.Select((m, i) => (m, i)).Where(p => p.m.PaperCount > 0)
                .Select(p => (p.i > 0 && months[p.i - 1].PaperCount > 0 ? "L" : "M") + $"{N(X(p.i))},{N(Y(p.m.Shares[s]))}"));
            var line = new XElement(Svg + "g", new XAttribute("class", $"series series-{s + 1}"),
                new XElement(Svg + "path", new XAttribute("class", "line"), new XAttribute("d", d)));
            for (var i = 0; i < months.Count; i++)
            {
                if (months[i].PaperCount == 0)
                {
                    continue;
                }

                line.Add(new XElement(Svg + "circle", new XAttribute("class", "point"), Attr("cx", X(i)), Attr("cy", Y(months[i].Shares[s])), Attr("r", 3),
                    new XElement(Svg + "title", $"{view.Terms[s]} · {TrendsQuery.Month(months[i].Month)}: {Percent(months[i].Shares[s], 1)} ({months[i].Matches[s]}/{months[i].PaperCount}편)")));
            }

            lines.Add(line);
        }

        svg.Add(lines, legend);
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The legend along the top, wrapping to a new row when a row is full.</summary>
    private static XElement Legend(IReadOnlyList<string> terms, out double height)
    {
        var legend = new XElement(Svg + "g", new XAttribute("class", "chart-legend"));
        double x = Left, y = 14;
        for (var s = 0; s < terms.Count; s++)
        {
            var width = 34 + terms[s].Sum(c => c > '\u1100' ? 14.0 : 8.0) + 18;
            if (x + width > Width - Right && x > Left)
            {
                x = Left;
                y += LegendRow;
            }

            legend.Add(new XElement(Svg + "g", new XAttribute("class", $"legend-item series series-{s + 1}"),
                new XElement(Svg + "line", new XAttribute("class", "line"), Attr("x1", x), Attr("x2", x + 26), Attr("y1", y), Attr("y2", y)),
                new XElement(Svg + "text", Attr("x", x + 32), Attr("y", y + 4), terms[s])));
            x += width;
        }

        height = terms.Count == 0 ? 0 : y + 10;
        return legend;
    }

    private static string Description(TrendsView view)
    {
        if (view.Months.Count == 0)
        {
            return "저장된 달이 없습니다.";
        }

        var range = $"{TrendsQuery.Month(view.Months[0].Month)}부터 {TrendsQuery.Month(view.Months[^1].Month)}까지 달마다 각 검색어에 맞는 논문의 비율입니다.";
        var peaks = view.Terms.Select((term, s) =>
        {
            var peak = view.Months.MaxBy(m => m.Shares[s])!;
            return peak.Shares[s] == 0 ? $"{term}: 맞는 논문 없음" : $"{term}: 가장 높은 달 {TrendsQuery.Month(peak.Month)} {Percent(peak.Shares[s], 1)}, 마지막 달 {Percent(view.Months[^1].Shares[s], 1)}";
        });
        return range + " " + string.Join("; ", peaks) + ". 숫자는 아래 표에 있습니다.";
    }

    /// <summary>A round step (1, 2, 5 × 10ⁿ percent) giving at most five ticks above zero.</summary>
    public static double TickStep(double max)
    {
        foreach (var step in new[] { 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1 })
        {
            if (max / step <= 5)
            {
                return step;
            }
        }

        return 1;
    }

    public static string Percent(double share, int decimals = -1)
    {
        var percent = share * 100;
        var format = decimals >= 0 ? "0." + new string('0', decimals) : "0.#";
        return percent.ToString(format, CultureInfo.InvariantCulture) + "%";
    }

    private static XAttribute Attr(string name, double value) => new(name, N(value));

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
