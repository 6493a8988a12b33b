using DailyPapers.Core.Parsing;
using Markdig.Syntax;

namespace DailyPapers.Core.Tests.Parsing;

public sealed class DayHeadingTests
{
    /// <summary>The heading's text as the parser reads it: markup gone, words kept.</summary>
    private static string TextOf(string markdown) =>
        InlineText.PlainText(DigestParser.ParseSyntaxTree(markdown).OfType<HeadingBlock>().Single().Inline);

    [Theory]
    [InlineData("## Daily Papers (2024-01-17)")]
    [InlineData("# daily papers 2024/01/17")]
    [InlineData("## DailyPapers (2024.1.17)")]
    [InlineData("## **Daily  Papers** — 2024-01-17 (Wed)")]
    public void A_day_heading_gives_its_date_in_any_spelling(string markdown)
    {
        var text = TextOf(markdown);

        DayHeading.IsDayHeading(text).Should().BeTrue();
        DayHeading.TryDate(text, out var date).Should().BeTrue();
        date.Should().Be(new DateOnly(2024, 1, 17));
    }

    [Theory]
    [InlineData("## Daily Papers (2024-02-30)")]
    [InlineData("## Daily Papers (2024-13-01)")]
    [InlineData("## Daily Papers (24-01-17)")]
    [InlineData("## Daily Papers")]
    public void A_day_heading_without_a_real_date_is_still_a_day_heading_but_gives_no_date(string markdown)
    {
        var text = TextOf(markdown);

        DayHeading.IsDayHeading(text).Should().BeTrue("a day heading with a bad date is reported, not taken for notes");
        DayHeading.TryDate(text, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("## Weekly notes (2024-01-17)")]
    [InlineData("## Papers of the day")]
    public void Other_headings_are_not_day_headings(string markdown)
    {
        DayHeading.IsDayHeading(TextOf(markdown)).Should().BeFalse();
    }

    [Fact]
    public void A_leap_day_is_a_real_date()
    {
        DayHeading.TryDate("Daily Papers (2024-02-29)", out var date).Should().BeTrue();
        date.Should().Be(new DateOnly(2024, 2, 29));
    }
}
