using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>The limits a digest must keep before Markdig reads it, each checked exactly at its edge.</summary>
public sealed class DigestLimitsTests
{
    [Fact]
    public void A_file_within_every_limit_passes()
    {
        var text = "## Daily Papers (2024-05-01)\n"
            + new string('x', DigestLimits.MaxLineLength) + "\n"
            + new string(' ', DigestLimits.MaxIndent) + "- x\n"
            + new string('\t', DigestLimits.MaxIndent / 4) + "- x\n"
            + new string('>', DigestLimits.MaxQuoteDepth) + " x";

        DigestLimits.Check(text, "ok.md").Should().BeNull();
    }

    [Fact]
    public void A_line_one_character_too_long_is_an_error_at_its_line()
    {
        var text = "a\nb\n" + new string('x', DigestLimits.MaxLineLength + 1) + "\nc\n";

        DigestLimits.Check(text, "long.md").Should().Be(new Diagnostic(
            Severity.Error, "long.md", 3, $"line 3 is {DigestLimits.MaxLineLength + 1:N0} characters long (at most {DigestLimits.MaxLineLength:N0}); the file is not read"));
    }

    [Fact]
    public void The_last_line_is_checked_even_without_a_line_break_after_it()
    {
        DigestLimits.Check("a\n" + new string('x', DigestLimits.MaxLineLength + 1), "last.md")!.Line.Should().Be(2);
    }

    [Fact]
    public void Indentation_one_column_too_deep_is_an_error_and_a_tab_counts_four()
    {
        DigestLimits.Check("a\n" + new string(' ', DigestLimits.MaxIndent + 1) + "- x\n", "spaces.md").Should().Be(new Diagnostic(
            Severity.Error, "spaces.md", 2, "line 2 is indented 129 columns (at most 128): nesting that deep is not a digest; the file is not read"));
        DigestLimits.Check(new string('\t', DigestLimits.MaxIndent / 4) + " - x\n", "tabs.md")!.Message.Should().StartWith("line 1 is indented 129 columns");
    }

    [Fact]
    public void Quotes_one_level_too_deep_are_an_error()
    {
        DigestLimits.Check("a\n\n" + new string('>', DigestLimits.MaxQuoteDepth + 1) + " x\n", "quotes.md").Should().Be(new Diagnostic(
            Severity.Error, "quotes.md", 3, "line 3 nests 17 quotes (at most 16); the file is not read"));
    }

    [Fact]
    public void Spaces_between_quote_markers_count_as_indentation_and_the_markers_as_quotes()
    {
        DigestLimits.Check(string.Concat(Enumerable.Repeat("> ", DigestLimits.MaxQuoteDepth + 1)) + "x", "spaced.md")!.Message
            .Should().StartWith("line 1 nests 17 quotes");
    }

    [Fact]
    public void Leading_characters_stop_counting_at_the_first_other_character()
    {
        // Deep spaces and quote markers after the text starts are text, not nesting.
        DigestLimits.Check("x" + new string(' ', 500) + new string('>', 50), "inner.md").Should().BeNull();
    }

    [Fact]
    public void A_file_of_the_most_lines_passes_and_a_line_more_is_an_error_at_that_line()
    {
        var text = string.Join('\n', Enumerable.Repeat("x", DigestLimits.MaxLines));

        DigestLimits.Check(text, "lines.md").Should().BeNull();
        DigestLimits.Check(text + "\nx", "lines.md").Should().Be(new Diagnostic(
            Severity.Error, "lines.md", 100_001, "the file has more than 100,000 lines: no digest is that long; the file is not read"));
    }

    [Fact]
    public void Headings_past_the_limit_are_an_error_at_the_first_one_too_many_wherever_they_are_nested()
    {
        var headings = string.Concat(Enumerable.Range(0, DigestLimits.MaxHeadings).Select(i => (i % 3) switch { 0 => "### a\n", 1 => "> ## b\n", _ => "  #c\n" }));

        DigestLimits.Check(headings + "text\n", "headings.md").Should().BeNull();
        DigestLimits.Check(headings + "text\n>  ### one too many\n", "headings.md").Should().Be(new Diagnostic(
            Severity.Error, "headings.md", 10_002, "line 10002 starts the file's heading number 10,001 (at most 10,000): no digest has that many days and papers; the file is not read"));
    }

    [Fact]
    public void Markup_past_the_limit_is_an_error_at_the_line_where_it_passes()
    {
        // Ten of each character that makes an inline node, on each line: 100 a line.
        var line = string.Concat(Enumerable.Repeat("[]!*_`$\\&< ", 10));
        var text = string.Concat(Enumerable.Repeat(line + "\n", DigestLimits.MaxMarkup / 100));

        DigestLimits.Check(text + "plain text, a # and ( ) { } ~ ^\n", "markup.md").Should().BeNull();
        DigestLimits.Check(text + "one more *\n", "markup.md").Should().Be(new Diagnostic(
            Severity.Error, "markup.md", 2_001, "by line 2001 the file holds more than 200,000 markup characters ([ ] ! * _ ` $ \\ & <; a real digest has a few thousand); the file is not read"));
    }
}
