using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;

namespace DailyPapers.Core.Tests.Rendering;

/// <summary>
/// A file's KaTeX time is bounded: once spent, its remaining TeX is shown as written, with one warning at the line where
/// that began. Checked with budgets of none and of plenty, and by counting spans, never by timing a test.
/// </summary>
public sealed class TexBudgetTests
{
    private const string Digest = """
        ## Daily Papers (2024-05-01)

        ### [First $x^2$](https://arxiv.org/abs/2405.00001)

        - 요약 $y^2$.

        ### [Second $z^2$](https://arxiv.org/abs/2405.00002)

        - 요약 $w^2$ and $v^2$.

        """;

    [Fact]
    public void With_no_katex_time_left_every_span_stays_as_written_with_one_warning_where_that_began()
    {
        var digest = DigestRenderer.Render(DigestParser.Parse(Digest, "tex.md"), TimeSpan.Zero);

        digest.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(Severity.Warning, "tex.md", 3,
            "rendering TeX used the 0 s a file may spend on it; 5 TeX span(s) from here on are shown as written"));
        var papers = digest.Days.Single().Papers;
        papers.Select(p => p.TitleHtml).Should().Equal("First $x^2$", "Second $z^2$");
        papers[1].SummaryHtml.Should().Contain("<code class=\"tex\">$w^2$</code>").And.NotContain("<math");
    }

    [Fact]
    public void With_time_enough_every_span_is_rendered_without_a_warning()
    {
        var digest = DigestRenderer.Render(DigestParser.Parse(Digest, "tex.md"), TimeSpan.FromDays(1));

        digest.Diagnostics.Should().BeEmpty();
        var papers = digest.Days.Single().Papers;
        string.Concat(papers.Select(p => p.TitleHtml + p.SummaryHtml)).Split("<math").Length.Should().Be(6);
    }

    [Fact]
    public void A_budget_lets_spans_through_until_its_time_is_spent_and_remembers_the_line_where_it_ran_out()
    {
        var budget = new TexBudget(TimeSpan.FromTicks(100)) { Line = 3 };
        var limit = (long)(TimeSpan.FromTicks(100).TotalSeconds * System.Diagnostics.Stopwatch.Frequency);

        budget.TryTake().Should().BeTrue();
        budget.Spend(limit - 1);
        budget.TryTake().Should().BeTrue("a tick is left");
        budget.Spend(1);
        budget.Line = 9;
        budget.TryTake().Should().BeFalse();
        budget.Line = 12;
        budget.TryTake().Should().BeFalse();

        budget.Skipped.Should().Be(2);
        budget.SkippedFromLine.Should().Be(9);
    }
}
