using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>Author lines at the edges of each syntax: empty lists, lone joiners, stray text around quotes, escapes that are not escapes.</summary>
public sealed class AuthorLineEdgeTests
{
    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("()")]
    [InlineData("[ ]")]
    [InlineData(", ,")]
    public void An_empty_list_names_nobody(string line)
    {
        var authors = AuthorLine.Read(line);

        authors.Names.Should().BeEmpty();
        authors.Truncated.Should().BeFalse();
    }

    [Theory]
    [InlineData("Ann Lee & Bo Kim", "Ann Lee", "Bo Kim")]
    [InlineData("Ann Lee, & Bo Kim", "Ann Lee", "Bo Kim")]
    [InlineData("Ann Lee, and Bo Kim", "Ann Lee", "Bo Kim")]
    [InlineData("Ann Lee AND Bo Kim", "Ann Lee", "Bo Kim")]
    [InlineData("Ann Lee, Bo Kim, Cy Park and Dee Dee", "Ann Lee", "Bo Kim", "Cy Park", "Dee Dee")]
    public void A_last_and_or_ampersand_joins_the_last_two(string line, params string[] expected)
    {
        AuthorLine.Read(line).Names.Should().Equal(expected);
    }

    [Theory]
    [InlineData("Anderson Brandon", "Anderson Brandon")]
    [InlineData("and Bo Kim", "and Bo Kim")]
    [InlineData("Sandy Andrews", "Sandy Andrews")]
    public void And_inside_a_lone_name_is_part_of_it(string line, string expected)
    {
        // A single name that merely contains "and" is one person, not two.
        AuthorLine.Read(line).Names.Should().Equal(expected);
    }

    [Fact]
    public void Semicolons_separate_only_when_there_are_no_commas()
    {
        AuthorLine.Read("Lee, Ann; Kim, Bo").Names.Should().Equal("Lee", "Ann; Kim", "Bo");
        AuthorLine.Read("Ann Lee; Bo Kim").Names.Should().Equal("Ann Lee", "Bo Kim");
    }

    [Theory]
    [InlineData("Ann Lee, Bo Kim +")]
    [InlineData("Ann Lee, Bo Kim …")]
    [InlineData("Ann Lee, Bo Kim ...")]
    [InlineData("Ann Lee, Bo Kim ET AL.")]
    public void A_marker_written_onto_the_last_name_truncates_the_list(string line)
    {
        var authors = AuthorLine.Read(line);

        authors.Names.Should().Equal("Ann Lee", "Bo Kim");
        authors.Truncated.Should().BeTrue();
    }

    [Fact]
    public void A_name_that_only_ends_like_a_marker_keeps_its_letters()
    {
        AuthorLine.Read("Ann Lee, Bo Kimet al").Names.Should().Equal("Ann Lee", "Bo Kimet al");
    }

    [Theory]
    [InlineData("[ 'Ann Lee', 'Bo Kim' ]")]
    [InlineData("['Ann Lee' , \"Bo Kim\"]")]
    [InlineData("['Ann Lee', Bo Kim]")]
    [InlineData("['Ann Lee' (first), 'Bo Kim']")]
    public void A_list_literal_reads_quoted_and_bare_items_and_ignores_text_after_a_closing_quote(string line)
    {
        AuthorLine.Read(line).Names.Should().Equal("Ann Lee", "Bo Kim");
    }

    [Fact]
    public void A_quote_inside_a_bare_literal_item_is_part_of_the_name()
    {
        AuthorLine.Read("['Ann Lee', Conor O'Brien]").Names.Should().Equal("Ann Lee", "Conor O'Brien");
    }

    [Fact]
    public void An_unclosed_quote_runs_to_the_end_of_the_list()
    {
        AuthorLine.Read("['Ann Lee', 'Bo Kim]").Names.Should().Equal("Ann Lee", "Bo Kim");
    }

    [Fact]
    public void Inside_quotes_a_backslash_takes_the_next_character_as_written()
    {
        // An escaped backslash is one backslash; an escaped quote does not close the item, even as the list ends.
        AuthorLine.Read("['Ann Lee\\\\', 'Bo\\']").Names.Should().Equal("Ann Lee\\", "Bo'");
    }

    [Theory]
    [InlineData("Jane\\nDoe", "Jane\\nDoe")]
    [InlineData("Jane\\ Doe", "Jane\\ Doe")]
    [InlineData("Jane\\éDoe", "Jane\\éDoe")]
    // The first character past ASCII keeps its backslash; being a control character (C1), it is itself dropped.
    [InlineData("Jane\\\u0080Doe", "Jane\\Doe")]
    [InlineData("Jane\\~Doe", "Jane~Doe")]
    [InlineData("Jane Doe\\", "Jane Doe\\")]
    [InlineData("Jane\\*Doe\\*", "Jane*Doe*")]
    public void Only_markdown_escapes_of_ascii_punctuation_lose_their_backslash(string line, string expected)
    {
        AuthorLine.Read(line).Names.Should().Equal(expected);
    }
}
