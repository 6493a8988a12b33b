using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>Text cut to a length for storage or for a message, never splitting a character written as two UTF-16 units.</summary>
public sealed class TextLimitTests
{
    [Theory]
    [InlineData("abc", 3, "abc")]
    [InlineData("abcd", 3, "abc")]
    [InlineData("", 0, "")]
    public void Text_is_cut_to_the_length(string text, int length, string expected)
    {
        TextLimit.Truncate(text, length).Should().Be(expected);
    }

    [Fact]
    public void A_surrogate_pair_at_the_cut_is_dropped_whole()
    {
        // "ab😀c": the emoji is units 2 and 3; cutting at 3 would leave half of it.
        TextLimit.Truncate("ab\U0001F600c", 3).Should().Be("ab");
        TextLimit.Truncate("ab\U0001F600c", 4).Should().Be("ab\U0001F600");
    }

    [Fact]
    public void A_shortened_message_value_says_it_was_cut()
    {
        TextLimit.Shorten(new string('x', 41)).Should().Be(new string('x', 40) + "…");
        TextLimit.Shorten(new string('x', 40)).Should().Be(new string('x', 40));
        TextLimit.Shorten("abcdef", 3).Should().Be("abc…");
        TextLimit.Shorten(null).Should().Be("");
    }

    [Fact]
    public void A_diagnostic_value_is_one_line_of_at_most_80_characters()
    {
        DiagnosticList.Shorten("one\ntwo\r\nthree").Should().Be("one two three");
        DiagnosticList.Shorten(new string('y', 81)).Should().Be(new string('y', 80) + "…");
    }

    [Fact]
    public void A_diagnostic_names_its_file_line_and_kind()
    {
        new Diagnostic(Severity.Error, "a.md", 3, "bad").ToString().Should().Be("a.md:3: error: bad");
        new Diagnostic(Severity.Warning, "a.md", 1, "odd").ToString().Should().Be("a.md:1: warning: odd");
        new Diagnostic(Severity.Error, "a.md", 0, "whole file").ToString().Should().Be("a.md: error: whole file", "line 0 means the whole file");
    }
}
