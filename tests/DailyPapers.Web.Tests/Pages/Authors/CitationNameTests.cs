using DailyPapers.Web.Pages.Authors;

namespace DailyPapers.Web.Tests.Pages.Authors;

/// <summary>Names written the way references write them, read from a folded query and fitted against folded names.</summary>
public sealed class CitationNameTests
{
    [Theory]
    [InlineData("a. siarohin", new[] { "siarohin" }, "a")]
    [InlineData("siarohin a", new[] { "siarohin" }, "a")]
    [InlineData("siarohin, aliaksandr", new[] { "aliaksandr", "siarohin" }, "")]
    [InlineData("wang, x.", new[] { "wang" }, "x")]
    [InlineData("j.-p. de la cruz", new[] { "de", "la", "cruz" }, "jp")]
    [InlineData(", siarohin aliaksandr", new[] { "siarohin", "aliaksandr" }, "")]
    public void Initials_or_a_comma_make_a_citation_form(string query, string[] words, string initials)
    {
        var name = CitationName.Parse(query);

        name.Should().NotBeNull();
        name!.Words.Should().Equal(words);
        name.Initials.Should().Equal(initials.ToCharArray());
    }

    [Theory]
    [InlineData("tao wa")]
    [InlineData("xintao wang")]
    [InlineData("x wa")]
    [InlineData("a. b. cd")]
    [InlineData("1 wang")]
    [InlineData("a. b.")]
    [InlineData("")]
    public void Plain_words_short_words_and_initials_alone_are_not_a_citation_form(string query)
    {
        CitationName.Parse(query).Should().BeNull();
    }

    [Fact]
    public void A_three_letter_word_is_enough_to_look_a_name_up_by()
    {
        CitationName.Parse("x. abc").Should().NotBeNull();
    }

    [Fact]
    public void The_longest_word_is_what_the_index_is_asked_for()
    {
        CitationName.Parse("de la cruz, j.")!.LongestWord.Should().Be("cruz");
        CitationName.Parse("a. siarohin-ab")!.LongestWord.Should().Be("siarohin");
    }

    [Theory]
    [InlineData("x. wang", "xintao wang", "Whole")]
    [InlineData("wang x", "xintao wang", "Whole")]
    [InlineData("x. wang", "xintao wang lee", "Part")]
    [InlineData("wang, xintao", "xintao wang", "Whole")]
    [InlineData("x. wang", "yu wang", "None")]
    [InlineData("x. wang", "xintao wangs", "None")]
    [InlineData("x. y. wang", "xintao wang", "None")]
    [InlineData("x. x. wang", "xintao xu wang", "Whole")]
    [InlineData("x. wang", "wang", "None")]
    [InlineData("x. wang", "wang x.", "Whole")]
    public void A_name_fits_when_every_word_is_its_own_and_every_initial_starts_another(string query, string name, string fit)
    {
        CitationName.Parse(query)!.Fit(name).ToString().Should().Be(fit);
    }
}
