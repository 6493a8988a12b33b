using System.Globalization;
using System.Text.RegularExpressions;

namespace DailyPapers.Testing;

/// <summary>
/// A larger archive made from real digests at run time, in a temporary folder: copy k moves every date forward by
/// k × 240 days and every arXiv id's year by k, so copies are distinct days and distinct papers with real text. Author
/// names gain a suffix per ten copies, so an author's paper count grows the way a longer archive would make it grow
/// (tenfold at most) rather than with every copy. Linked into the tests and the benchmarks.
/// </summary>
internal static partial class SyntheticCorpus
{
    /// <summary>
    /// The day to ingest a synthetic archive on: copy k is k × 240 days after the corpus, so a large one reaches decades
    /// past today, where an ingest on today's date would refuse its days as mistyped dates.
    /// </summary>
    public static DateOnly Today { get; } = new(2200, 1, 1);

    public static string Create(string corpus, int copies)
    {
        var root = Path.Combine(Path.GetTempPath(), "dailypapers-synthetic", Guid.NewGuid().ToString("N"));
        var files = Directory.GetFiles(corpus, "*.md", SearchOption.AllDirectories);
        for (var k = 0; k < copies; k++)
        {
            foreach (var file in files)
            {
                var text = File.ReadAllText(file);
                var date = DateOnly.ParseExact(DayHeading().Match(text).Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(k * 240);
                text = DayHeading().Replace(text, $"## Daily Papers ({date:yyyy-MM-dd})", 1);
                text = ArxivId().Replace(text, m => $"arxiv.org/abs/{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + k:00}{m.Groups[2].Value}");
                if (k >= 10)
                {
                    var generation = $" G{k / 10}";
                    text = AuthorLine().Replace(text, m => m.Groups[1].Value + string.Join(", ", m.Groups[2].Value.Split(", ").Select(n => n.Trim() == "+" ? n : n.TrimEnd() + generation)));
                }

                var path = Path.Combine(root, $"copy{k:000}", date.ToString("yyyy", CultureInfo.InvariantCulture), date.ToString("MM", CultureInfo.InvariantCulture), date.ToString("dd", CultureInfo.InvariantCulture) + ".md");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
        }

        return root;
    }

    [GeneratedRegex(@"^## Daily Papers \((\d{4}-\d{2}-\d{2})\)", RegexOptions.Multiline)]
    private static partial Regex DayHeading();

    [GeneratedRegex(@"arxiv\.org/abs/(\d{2})(\d{2}\.\d{4,5})")]
    private static partial Regex ArxivId();

    [GeneratedRegex(@"^(Authors:\s*)(.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex AuthorLine();
}
