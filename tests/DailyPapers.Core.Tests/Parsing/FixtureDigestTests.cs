using System.Globalization;
using System.Text;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>
/// Broken and odd digests under Fixtures/Parsing: each NAME.md sits beside NAME.expected, a plain dump of what the
/// parser made of it (days, papers, notes, diagnostics). Set UPDATE_FIXTURES=1 to rewrite the expectations, then review the diff.
/// </summary>
public sealed class FixtureDigestTests
{
    public static TheoryData<string> Fixtures() =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "Parsing"), "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parser_output_matches_the_expectation_beside_the_fixture(string name)
    {
        var folder = Path.Combine(TestPaths.Fixtures, "Parsing");
        var digest = TestDigests.ParseAndRender(File.ReadAllText(Path.Combine(folder, name + ".md")), name + ".md");
        var actual = Dump(digest);
        var expectedPath = Path.Combine(folder, name + ".expected");

        if (Environment.GetEnvironmentVariable("UPDATE_FIXTURES") == "1")
        {
            var source = Path.Combine(TestPaths.RepositoryRoot, "tests", "DailyPapers.Core.Tests", "Fixtures", "Parsing", name + ".expected");
            File.WriteAllText(source, actual);
        }

        File.Exists(expectedPath).Should().BeTrue($"{name}.expected should sit beside {name}.md");
        actual.Should().Be(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"));
    }

    internal static string Dump(ParsedDigest digest)
    {
        var text = new StringBuilder();
        foreach (var day in digest.Days)
        {
            text.Append(CultureInfo.InvariantCulture, $"day {day.Date:yyyy-MM-dd} (line {day.Line})\n");
            foreach (var p in day.Papers)
            {
                text.Append(CultureInfo.InvariantCulture, $"  paper #{p.Position} {p.ArxivId.VersionedValue} (line {p.Line}) \"{p.Title}\"\n");
                text.Append(CultureInfo.InvariantCulture, $"    votes: {p.Votes?.ToString(CultureInfo.InvariantCulture) ?? "none"}\n");
                text.Append(CultureInfo.InvariantCulture, $"    authors: [{string.Join("; ", p.Authors)}]{(p.AuthorsTruncated ? " +more" : "")}\n");
                if (p.ThumbnailUrl is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"    thumbnail: {p.ThumbnailUrl}\n");
                }

                if (p.VideoUrl is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"    video: {p.VideoUrl} poster: {p.VideoPosterUrl ?? "none"}\n");
                }

                text.Append(Indented("    summary: ", p.SummaryMarkdown));
                text.Append(Indented("    html: ", p.SummaryHtml.TrimEnd('\n')));
            }

            if (day.NotesMarkdown is not null)
            {
                text.Append(Indented("  notes: ", day.NotesMarkdown));
            }
        }

        foreach (var diagnostic in digest.Diagnostics)
        {
            text.Append(diagnostic).Append('\n');
        }

        return text.ToString();
    }

    private static string Indented(string label, string body) =>
        label + string.Join("\n" + new string(' ', label.Length), body.Split('\n')) + "\n";
}
