using System.Globalization;
using System.Xml.Linq;

namespace DailyPapers.Web.Pages.Authors;

/// <summary>
/// An author's papers per month as a small SVG line: no axes, its title and description carry the numbers for
/// screen readers, and its colour is the text's (CSS), so it reads in both themes.
/// </summary>
public static class Sparkline
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const double Width = 160;
    private const double Height = 32;
    private const double Pad = 3;

    public static string Render(IReadOnlyList<AuthorMonth> months, string id)
    {
        ArgumentNullException.ThrowIfNull(months);
        var max = Math.Max(1, months.Select(m => m.PaperCount).DefaultIfEmpty(0).Max());
        double X(int i) => months.Count <= 1 ? Width / 2 : Pad + ((Width - (2 * Pad)) * i / (months.Count - 1));
        double Y(int count) => Height - Pad - ((Height - (2 * Pad)) * count / max);
        var points = months.Select((m, i) => $"{N(X(i))},{N(Y(m.PaperCount))}").ToList();
        var label = months.Count == 0 ? "" : $"{Month(months[0].Month)}부터 {Month(months[^1].Month)}까지";
        var svg = new XElement(Svg + "svg",
            new XAttribute("class", "sparkline"),
            new XAttribute("viewBox", $"0 0 {N(Width)} {N(Height)}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), $"달마다 논문 수 ({label})"),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"),
                string.Join(", ", months.Where(m => m.PaperCount > 0).Select(m => $"{Month(m.Month)} {m.PaperCount}편")) + (months.Any(m => m.PaperCount == 0) ? "; 나머지 달은 0편" : "")),
            new XElement(Svg + "line", new XAttribute("class", "baseline"), Attr("x1", Pad), Attr("x2", Width - Pad), Attr("y1", Height - Pad), Attr("y2", Height - Pad)),
            new XElement(Svg + "path", new XAttribute("class", "line"), new XAttribute("d", months.Count == 1 ? $"M{N(Pad)},{N(Y(months[0].PaperCount))} L{N(Width - Pad)},{N(Y(months[0].PaperCount))}" : "M" + string.Join(" L", points))));
        if (months.Count > 0)
        {
            svg.Add(new XElement(Svg + "circle", new XAttribute("class", "last"), Attr("cx", X(months.Count - 1)), Attr("cy", Y(months[^1].PaperCount)), Attr("r", 2.5)));
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static XAttribute Attr(string name, double value) => new(name, N(value));

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
