using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

public sealed class FieldLinesTests
{
    [Theory]
    [InlineData("Vote: 1,234", 1234)]
    [InlineData("Votes: 35", 35)]
    [InlineData("vote : 7", 7)]
    [InlineData("VOTES:0", 0)]
    [InlineData("Vote: 999,999,999", 999_999_999)]
    [InlineData("Vote: 123456789", 123_456_789)]
    public void A_vote_line_gives_its_count(string line, int expected)
    {
        FieldLines.TryVoteLine(line, out var value).Should().BeTrue();
        FieldLines.TryVotes(value, out var votes).Should().BeTrue();
        votes.Should().Be(expected);
    }

    [Theory]
    [InlineData("Votes: -")]
    [InlineData("Vote: —")]
    [InlineData("Vote: N/A")]
    [InlineData("Vote: n/a")]
    [InlineData("Vote:")]
    public void A_vote_line_can_say_there_is_no_count(string line)
    {
        FieldLines.TryVoteLine(line, out var value).Should().BeTrue();
        FieldLines.TryVotes(value, out var votes).Should().BeTrue();
        votes.Should().BeNull();
    }

    [Theory]
    [InlineData("Vote: many")]
    [InlineData("Vote: 12 votes")]
    [InlineData("Vote: -3")]
    [InlineData("Vote: 1234567890")]
    [InlineData("Vote: ,")]
    [InlineData("Vote: ,,,")]
    public void A_vote_count_that_is_not_a_number_is_unreadable(string line)
    {
        FieldLines.TryVoteLine(line, out var value).Should().BeTrue();
        FieldLines.TryVotes(value, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("Voter: 3")]
    [InlineData("Vote 3")]
    [InlineData("Vote")]
    [InlineData("The vote: 3")]
    public void Other_lines_are_not_vote_lines(string line)
    {
        FieldLines.TryVoteLine(line, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("Authors: Ada Lovelace, Alan Turing", "Ada Lovelace, Alan Turing")]
    [InlineData("Author: Ada Lovelace", "Ada Lovelace")]
    [InlineData("AUTHORS :  ['Ada Lovelace']  ", "['Ada Lovelace']")]
    public void An_author_line_gives_the_text_after_its_colon(string line, string expected)
    {
        FieldLines.TryAuthorLine(line, out var value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("Authorship: open")]
    [InlineData("Authors Ada Lovelace")]
    [InlineData("Vote: 3")]
    public void Other_lines_are_not_author_lines(string line)
    {
        FieldLines.TryAuthorLine(line, out _).Should().BeFalse();
    }
}
