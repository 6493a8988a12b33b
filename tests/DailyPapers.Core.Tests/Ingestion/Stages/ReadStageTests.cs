using DailyPapers.Core.Ingestion;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Search;

namespace DailyPapers.Core.Tests.Ingestion.Stages;

/// <summary>The read stage: a file parsed, rendered, and each listed paper's terms cut once, for every derived table.</summary>
public sealed class ReadStageTests
{
    private static ScannedFile Scanned(string text) =>
        new(new DigestPath("d.md", "/nowhere/d.md"), null, ScanVerdict.Read, Bytes: System.Text.Encoding.UTF8.GetBytes(text), Hash: "h");

    [Fact]
    public void Every_listed_paper_comes_with_its_terms_cut_from_its_own_title_summary_and_authors()
    {
        var text = File.ReadAllText(Directory.GetFiles(TestPaths.SeedData, "*.md").Order().First());

        var read = ReadStage.Read(Scanned(text), new DateOnly(2026, 1, 1), vectors: false);

        read.Error.Should().BeNull();
        var papers = read.Digest!.Days.SelectMany(d => d.Papers).ToList();
        papers.Should().NotBeEmpty();
        read.Terms.Should().HaveCount(papers.Count);
        foreach (var paper in papers)
        {
            var expected = PaperTerms.Cut(paper.Title, paper.SummaryMarkdown, paper.Authors, vectors: false);
            read.Terms![paper].Search.Should().Be(expected.Search);
            read.Terms[paper].TrendTerms.Should().BeEquivalentTo(expected.TrendTerms);
        }
    }

    [Fact]
    public void On_PostgreSQL_the_search_row_is_a_word_vector_with_its_words()
    {
        var read = ReadStage.Read(Scanned("## Daily Papers (2024-01-02)\n\n### [Mamba Models](https://arxiv.org/abs/2401.00001)\n\nVote: 3\n\nAuthors: Ann Lee\n\n- 상태 공간 모델.\n"), new DateOnly(2026, 1, 1), vectors: true);

        var row = read.Terms!.Values.Single().Search;
        row.Vector.Should().Contain("'mamba':");
        row.Words.Should().Contain(["mamba", "ann", "lee"]);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_an_error_of_that_file_not_an_exception()
    {
        var scanned = Scanned("") with { Bytes = [0x23, 0x20, 0xC3, 0x28] };

        var read = ReadStage.Read(scanned, new DateOnly(2026, 1, 1), vectors: false);

        read.Digest.Should().BeNull();
        read.Error!.Severity.Should().Be(Severity.Error);
        read.Error.File.Should().Be("d.md");
    }

    [Fact]
    public async Task Warming_up_reads_a_paper_with_TeX_as_a_real_file_would()
    {
        var warm = await ReadStage.WarmUp();

        warm.Error.Should().BeNull();
        warm.Digest!.Diagnostics.Should().BeEmpty();
        var paper = warm.Digest.Days.Single().Papers.Single();
        paper.TitleHtml.Should().Contain("<math");
        paper.SummaryHtml.Should().Contain("<math");
        warm.Terms![paper].TrendTerms.Should().NotBeEmpty();
    }

    [Fact]
    public void A_file_the_scan_did_not_pass_on_is_not_read()
    {
        var refused = new ScannedFile(new DigestPath("d.md", "/nowhere/d.md"), null, ScanVerdict.Refused, Error: new Diagnostic(Severity.Error, "d.md", 0, "too large"));

        var read = ReadStage.Read(refused, new DateOnly(2026, 1, 1), vectors: false);

        read.Digest.Should().BeNull();
        read.Error!.Message.Should().Be("too large");
    }
}
