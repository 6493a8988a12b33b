using DailyPapers.Web.Pages.Trends;

namespace DailyPapers.Web.Tests.Pages.Trends;

/// <summary>
/// The chart's numbers as CSV from hand-made views: every term is the reader's own text, so it is quoted when it holds
/// CSV's own characters and written as text when a spreadsheet would run it as a formula.
/// </summary>
public sealed class TrendsCsvTests
{
    private static DateOnly M(int month) => new(2024, month, 1);

    private static string[] Lines(params string[] terms) =>
        TrendsQuery.Csv(new TrendsView(string.Join(',', terms), terms, [new TrendPoint(M(1), 3, [.. terms.Select(_ => 1)], [.. terms.Select(_ => 1 / 3.0)])], []))
            .Split("\r\n");

    private static string Header(string term) => Lines(term)[0];

    [Fact]
    public void Each_month_is_a_row_of_papers_then_per_term_its_matches_and_its_share_to_four_decimals()
    {
        var csv = TrendsQuery.Csv(new TrendsView("agent,확산", ["agent", "확산"],
        [
            new TrendPoint(M(1), 3, [1, 0], [1 / 3.0, 0]),
            new TrendPoint(M(2), 8, [2, 8], [0.25, 1]),
        ], []));

        csv.Should().Be("month,papers,agent,agent share,확산,확산 share\r\n2024-01,3,1,0.3333,0,0\r\n2024-02,8,2,0.25,8,1\r\n");
    }

    [Fact]
    public void A_term_holding_a_quote_is_quoted_with_its_quotes_doubled()
    {
        Header("say \"hi\"").Should().Be("month,papers,\"say \"\"hi\"\"\",\"say \"\"hi\"\" share\"");
        // A quote as the very first character counts as much as one further in.
        Header("\"agent\"").Should().Be("month,papers,\"\"\"agent\"\"\",\"\"\"agent\"\" share\"");
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("two\rlines", "\"two\rlines\"")]
    public void A_term_holding_a_comma_or_a_line_break_is_quoted_so_it_stays_one_cell(string term, string cell)
    {
        Header(term).Should().StartWith("month,papers," + cell + ",");
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    public void Csv_cells_starting_with_a_formula_character_are_written_as_text_so_spreadsheets_do_not_run_them(string term, string cell)
    {
        Header(term).Should().StartWith("month,papers," + cell + ",");
    }

    [Fact]
    public void A_term_with_a_formula_character_further_in_is_written_as_it_is()
    {
        Header("e=mc2").Should().Be("month,papers,e=mc2,e=mc2 share");
    }

    [Fact]
    public void A_chart_needs_both_terms_and_months()
    {
        var point = new TrendPoint(M(1), 3, [1], [1 / 3.0]);

        new TrendsView("agent", ["agent"], [point], []).HasChart.Should().BeTrue();
        new TrendsView("agent", ["agent"], [], []).HasChart.Should().BeFalse("no month has been stored yet");
        new TrendsView("", [], [point], []).HasChart.Should().BeFalse("there is no term to draw");
    }
}
