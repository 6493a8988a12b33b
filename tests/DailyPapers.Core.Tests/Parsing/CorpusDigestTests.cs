using System.Text.RegularExpressions;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>The 138 real digests in ../shared/corpus: every paper section lands with its date, id and title.</summary>
public sealed partial class CorpusDigestTests
{
    private static readonly Lazy<List<(string File, string Text, ParsedDigest Digest)>> Corpus = new(() =>
        Directory.GetFiles(TestPaths.Corpus, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                var text = File.ReadAllText(f);
                return (f, text, TestDigests.ParseAndRender(text, Path.GetRelativePath(TestPaths.Corpus, f)));
            })
            .ToList());

    [DailyPapers.Testing.CorpusFact]
    public void Corpus_has_138_files_each_one_day()
    {
        Corpus.Value.Should().HaveCount(138);
        Corpus.Value.Should().OnlyContain(c => c.Digest.Days.Count == 1);
        Corpus.Value.SelectMany(c => c.Digest.Diagnostics).Where(d => d.Severity == Severity.Error).Should().BeEmpty();
    }

    [DailyPapers.Testing.CorpusFact]
    public void Every_paper_section_lands_with_its_date_id_and_title()
    {
        // An oracle independent of the parser: the raw heading lines.
        var expected = Corpus.Value.SelectMany(c =>
        {
            var date = DayLine().Match(c.Text).Groups[1].Value;
            return PaperLine().Matches(c.Text).Select(m => $"{date} {m.Groups[2].Value} {m.Groups[1].Value}");
        }).ToList();
        var actual = Corpus.Value.SelectMany(c => c.Digest.Days.SelectMany(d =>
            d.Papers.Select(p => $"{d.Date:yyyy-MM-dd} {p.ArxivId.Value} {p.Title}"))).ToList();

        expected.Should().HaveCount(1664);
        actual.Should().Equal(expected);
    }

    [DailyPapers.Testing.CorpusFact]
    public void Real_digests_are_understood_without_warnings()
    {
        Corpus.Value.SelectMany(c => c.Digest.Diagnostics).Select(d => d.ToString()).Should().BeEmpty();
    }

    [DailyPapers.Testing.CorpusFact]
    public void Every_paper_keeps_its_authors_and_summary()
    {
        var papers = Corpus.Value.SelectMany(c => c.Digest.Days.SelectMany(d => d.Papers)).ToList();

        papers.Should().OnlyContain(p => p.SummaryMarkdown.Length > 0);
        papers.Should().OnlyContain(p => p.Authors.Distinct().Count() == p.Authors.Count);
        papers.Count(p => p.Authors.Count == 0).Should().Be(11, "the first digest, 2023-11-20, lists no authors");
        papers.Count(p => p.AuthorsTruncated).Should().BeGreaterThan(0);
        papers.Count(p => p.VideoUrl is not null).Should().Be(152, "151 sections link a video and one embeds a bare <video> element");
    }

    [GeneratedRegex(@"^## Daily Papers \((\d{4}-\d{2}-\d{2})\)", RegexOptions.Multiline)]
    private static partial Regex DayLine();

    [GeneratedRegex(@"^### \[(.*)\]\(https://arxiv\.org/abs/([0-9.]+)\)\s*$", RegexOptions.Multiline)]
    private static partial Regex PaperLine();
}
