using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;
using DailyPapers.Core.Search;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Rendering;

/// <summary>TeX in titles and summaries, as the archive writes it, rendered once at ingest: MathML, and plain Unicode.</summary>
public sealed class TexMathTests
{
    [Theory]
    [InlineData("$VILA^2$", "VILA²")]
    [InlineData("SL$^{2}$A-INR", "SL²A-INR")]
    [InlineData("$\\textbf{Only-IF}$: Revealing the Decisive Effect", "Only-IF: Revealing the Decisive Effect")]
    [InlineData("$ε$-VAE: Denoising as Visual Decoding", "ε-VAE: Denoising as Visual Decoding")]
    [InlineData("$\\epsilon$-VAE", "ε-VAE")]
    [InlineData("Hessian $\\nabla^2$ and the $L_2$ norm", "Hessian ∇² and the L₂ norm")]
    [InlineData("LLM$\\times$MapReduce", "LLM×MapReduce")]
    [InlineData("about $\\sim$10B tokens", "about ∼10B tokens")]
    [InlineData("M$^{2}$UGen", "M²UGen")]
    [InlineData("costs $5 and $10 today", "costs $5 and $10 today")]
    [InlineData("no math here", "no math here")]
    public void Tex_reads_as_plain_unicode(string text, string plain)
    {
        TexMath.TextToPlain(text).Should().Be(plain);
    }

    [Fact]
    public void Tex_renders_as_mathml()
    {
        var html = TexMath.TextToHtml("$VILA^2$: <Visual> Instruction", out var failed);

        failed.Should().BeEmpty();
        html.Should().Contain("<math").And.Contain("<msup>").And.Contain("&lt;Visual&gt; Instruction").And.NotContain("$");
    }

    [Fact]
    public void A_title_with_tex_gets_mathml_and_a_summary_renders_its_tex_too()
    {
        var digest = TestDigests.ParseAndRender("""
            ## Daily Papers (2024-07-22)

            ### [$VILA^2$: VILA Augmented VILA](https://arxiv.org/abs/2407.17453)

            - 이 모델은 $\nabla^2$ 항과 $L_2$ 정규화를 쓴다.

            """, "math.md");

        var paper = digest.Days.Single().Papers.Single();
        paper.Title.Should().Be("$VILA^2$: VILA Augmented VILA", "the title is kept as written");
        paper.TitleHtml.Should().Contain("<math").And.EndWith(": VILA Augmented VILA");
        paper.SummaryHtml.Should().Contain("<math").And.NotContain("$\\nabla");
        digest.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Tex_that_cannot_be_rendered_stays_as_written_with_a_warning_at_its_line()
    {
        var digest = TestDigests.ParseAndRender("""
            ## Daily Papers (2024-07-22)

            ### [A $\notacommand{x}$ title](https://arxiv.org/abs/2407.00001)

            - 요약 $\alsonotacommand$ 입니다.

            """, "bad-math.md");

        var paper = digest.Days.Single().Papers.Single();
        paper.TitleHtml.Should().Contain("$\\notacommand{x}$").And.NotContain("<math");
        paper.SummaryHtml.Should().Contain("\\alsonotacommand");
        digest.Diagnostics.Select(d => d.ToString()).Should().HaveCount(2).And.OnlyContain(d => d.StartsWith("bad-math.md:3: warning:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("VILA^2")]
    [InlineData("VILA²")]
    [InlineData("LLM×MapReduce")]
    [InlineData("LLM$\\times$MapReduce")]
    public void Search_finds_tex_as_written_and_as_read(string query)
    {
        using var folder = new Ingestion.IngestFolder();
        folder.Write("a.md", """
            ## Daily Papers (2024-07-22)

            ### [$VILA^2$: VILA Augmented VILA](https://arxiv.org/abs/2407.17453)

            - 요약.

            ### [LLM$\times$MapReduce: Long Sequences](https://arxiv.org/abs/2410.09342)

            - 요약.

            """);
        folder.Ingest();
        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();

        PaperSearch.Find(connection, PaperSearch.Terms(query), new SearchFilter(), SearchSort.Relevance, 0, 10).Total.Should().Be(1);
    }
}
