using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DailyPapers.Testing;

namespace DailyPapers.Core.Tests.Rendering;

/// <summary>
/// Nothing lost, nothing added: for every summary of every digest, the characters a reader sees in the rendered HTML
/// (TeX read back from its MathML annotation) are the characters of the markdown less its markup. Letters, digits and
/// the symbols markdown extensions like to eat (+ ^ ~ =) are compared, in order.
/// </summary>
public sealed partial class VisibleTextTests
{
    [Fact]
    public void Seed_and_fixture_summaries_show_all_their_text()
    {
        AssertVisible([.. Directory.GetFiles(TestPaths.SeedData, "*.md"), .. Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "Parsing"), "*.md")]);
    }

    [CorpusFact]
    public void Corpus_summaries_show_all_their_text()
    {
        AssertVisible(Directory.GetFiles(TestPaths.Corpus, "*.md", SearchOption.AllDirectories));
    }

    private static void AssertVisible(IEnumerable<string> files)
    {
        var parser = new HtmlParser();
        var compared = 0;
        foreach (var file in files)
        {
            foreach (var paper in TestDigests.ParseAndRender(File.ReadAllText(file), Path.GetFileName(file)).Days.SelectMany(d => d.Papers))
            {
                var document = parser.ParseDocument(paper.SummaryHtml);
                foreach (var math in document.QuerySelectorAll("math").ToList())
                {
                    math.Replace(document.CreateTextNode(math.QuerySelector("annotation")?.TextContent ?? ""));
                }

                // A reader sees the numbers of an ordered list ("- 2) …" starts one at 2) though they are not text.
                foreach (var list in document.QuerySelectorAll("ol"))
                {
                    var number = int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
                    foreach (var item in list.Children.Where(c => c.LocalName == "li"))
                    {
                        item.Prepend(document.CreateTextNode((number++).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }
                }

                var seen = Significant(document.Body?.TextContent ?? "");
                var written = Significant(WithoutMarkup(paper.SummaryMarkdown));
                seen.Should().Be(written, $"{Path.GetFileName(file)}:{paper.Line} ({paper.ArxivId}) must show its summary whole");
                compared++;
            }
        }

        compared.Should().BeGreaterThan(0);
    }

    /// <summary>The markdown less what a reader never sees: image syntax, link targets, list and heading markers, escapes.</summary>
    private static string WithoutMarkup(string markdown)
    {
        var text = Image().Replace(markdown, "");
        text = Link().Replace(text, "$1");
        text = ReferenceLink().Replace(text, "$1");
        return text.Replace("\\", "", StringComparison.Ordinal);
    }

    private static string Significant(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c) || c is '+' or '^' or '~' or '=')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"(?<!!)\[([^\]]*)\]\([^)\s]*(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[([^\]]*)\]\[[^\]]*\]")]
    private static partial Regex ReferenceLink();
}
