using System.Globalization;
using System.Text;

namespace DailyPapers.Testing;

/// <summary>
/// Digests where terms truly rise: eight quiet weeks (five papers each, "Mamba" in one), then a latest week of three
/// digests where "Mamba" and "video generation" are in five papers each, "zebra" in one. The seeds cannot show rising
/// terms: their latest week and month hold one or two digests, under the three days a term needs. Linked into the web
/// and browser tests.
/// </summary>
internal static class RisingDigests
{
    /// <summary>The latest day: a Wednesday, so its week holds the Monday and Tuesday before it.</summary>
    public static DateOnly Latest { get; } = new(2024, 10, 2);

    /// <summary>Writes the digests into <paramref name="folder"/>, a file a day.</summary>
    public static void Write(string folder)
    {
        var id = 1;
        for (var week = 8; week >= 1; week--)
        {
            var papers = Enumerable.Range(0, 5).Select(n => ($"Plain Study {week}-{n}", "평범한 요약입니다.")).ToList();
            if (week == 3)
            {
                papers[0] = ("A Mamba Baseline", "Mamba를 씁니다.");
            }

            Day(Latest.AddDays(-7 * week - 2), [.. papers]);
        }

        Day(Latest.AddDays(-2), ("Mamba for Vision", "Mamba 기반 비전 모델."), ("Video Generation at Scale", "video generation 모델."), ("Zebra Stripes", "얼룩말."), Plain(1), Plain(2));
        Day(Latest.AddDays(-1), ("Mamba Meets Attention", "Mamba와 어텐션."), ("Long Video Generation", "video generation을 늘립니다."), Plain(3), Plain(4), Plain(5));
        Day(Latest, ("Scaling Mamba", "Mamba를 키웁니다."), ("Video Generation Benchmarks", "video generation 평가."), ("Mamba Video Generation", "Mamba로 video generation."), ("Mamba Audio", "Mamba 음성."), ("Video Generation Survey", "video generation 개관."), Plain(6));

        void Day(DateOnly date, params (string Title, string Summary)[] papers)
        {
            var iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var text = new StringBuilder($"## Daily Papers ({iso})\n\n");
            foreach (var (title, summary) in papers)
            {
                text.Append(CultureInfo.InvariantCulture, $"### [{title}](https://arxiv.org/abs/2409.{id++:00000})\n\nVote: 3\n\nAuthors: Ann Lee\n\n- {summary}\n\n");
            }

            File.WriteAllText(Path.Combine(folder, iso + ".md"), text.ToString());
        }
    }

    private static (string, string) Plain(int n) => ($"Plain Latest {n}", "평범한 요약입니다.");
}
