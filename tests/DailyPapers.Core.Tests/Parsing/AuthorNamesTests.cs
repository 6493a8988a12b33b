using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>How one person's name is shown, matched across spellings, and turned into the address of their page.</summary>
public sealed class AuthorNamesTests
{
    [Theory]
    [InlineData("  Ann   Lee ", "Ann Lee")]
    [InlineData("\tAnn\n Lee", "Ann Lee")]
    [InlineData("Ann\u200B Lee\u00AD", "Ann Lee")]
    [InlineData("Ko\u0308lle", "Kölle")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void A_name_is_shown_with_single_spaces_composed_accents_and_nothing_invisible(string name, string expected)
    {
        AuthorNames.Clean(name).Should().Be(expected);
    }

    [Theory]
    [InlineData("\u2061", "FUNCTION APPLICATION, a format character")]
    [InlineData("\u180E", "MONGOLIAN VOWEL SEPARATOR")]
    [InlineData("\u3164", "HANGUL FILLER")]
    [InlineData("\U000E0041", "TAG LATIN CAPITAL LETTER A")]
    [InlineData("\U000E0001", "LANGUAGE TAG")]
    [InlineData("\U000E007F", "CANCEL TAG")]
    [InlineData("\u115F", "HANGUL CHOSEONG FILLER")]
    [InlineData("\u1160", "HANGUL JUNGSEONG FILLER")]
    [InlineData("\uFFA0", "HALFWIDTH HANGUL FILLER")]
    [InlineData("\u206A", "INHIBIT SYMMETRIC SWAPPING, a format character")]
    [InlineData("\u2065", "a reserved default-ignorable code point")]
    [InlineData("\u0600", "ARABIC NUMBER SIGN, a format character")]
    [InlineData("\uFFF9", "INTERLINEAR ANNOTATION ANCHOR, a format character")]
    [InlineData("\U0001D173", "MUSICAL SYMBOL BEGIN BEAM, a format character")]
    [InlineData("\u034F", "COMBINING GRAPHEME JOINER")]
    [InlineData("\uFE0F", "VARIATION SELECTOR-16")]
    [InlineData("\u17B4", "KHMER VOWEL INHERENT AQ")]
    public void A_name_with_an_invisible_character_is_the_same_author(string invisible, string what)
    {
        foreach (var name in new[] { "Ann" + invisible + " Lee", invisible + "Ann Lee", "An" + invisible + "n Lee", "Ann Lee" + invisible, "Ann " + invisible + " Lee" })
        {
            AuthorNames.Clean(name).Should().Be("Ann Lee", what);
            AuthorNames.Key(name).Should().Be(AuthorNames.Key("Ann Lee"), what);
            AuthorNames.Slug(name).Should().Be("ann-lee", what);
        }
    }

    [Fact]
    public void A_name_of_nothing_but_invisible_characters_is_empty()
    {
        AuthorNames.Clean("\u3164\u115F\U000E0041\u2061").Should().BeEmpty();
    }

    [Theory]
    [InlineData("Kölle", "kolle")]
    [InlineData("ØSTERGÅRD", "ostergard")]
    [InlineData("Łukasz Đorđević", "lukasz dordevic")]
    [InlineData("Weiß", "weis")]
    [InlineData("Ærø", "aro")]
    [InlineData("Yıldız", "yildiz")]
    [InlineData("김철수", "김철수")]
    public void Folding_drops_case_and_accents_and_spells_special_letters_plainly(string name, string expected)
    {
        AuthorNames.Fold(name).Should().Be(expected);
    }

    [Fact]
    public void Every_spelling_of_one_person_shares_a_key()
    {
        AuthorNames.Key(" ANDREAS  KÖLLE").Should().Be(AuthorNames.Key("Andreas Kolle")).And.Be("andreas kolle");
    }

    [Theory]
    [InlineData("Andreas Kölle", "andreas-kolle")]
    [InlineData("  J. R. R.  Tolkien ", "j-r-r-tolkien")]
    [InlineData("-- Ann -- Lee --", "ann-lee")]
    [InlineData("김철수 (Chul-Soo Kim)", "김철수-chul-soo-kim")]
    [InlineData("...", "author")]
    [InlineData("", "author")]
    public void A_slug_joins_the_folded_letters_and_digits_with_single_hyphens(string name, string expected)
    {
        AuthorNames.Slug(name).Should().Be(expected);
    }

    [Fact]
    public void A_slug_is_at_most_80_characters_and_never_ends_with_a_hyphen()
    {
        AuthorNames.Slug(new string('a', 100)).Should().Be(new string('a', 80));
        // The 80th character falls on a hyphen: it is dropped rather than left dangling.
        AuthorNames.Slug(new string('a', 79) + " bbbb").Should().Be(new string('a', 79));
    }

    [Theory]
    [InlineData("+", true)]
    [InlineData("…", true)]
    [InlineData("...", true)]
    [InlineData("et al.", true)]
    [InlineData("ET AL", true)]
    [InlineData("Et Al.", true)]
    [InlineData("Al", false)]
    [InlineData("et alia", false)]
    [InlineData("++", false)]
    public void Markers_that_say_the_list_goes_on_are_not_people(string item, bool marker)
    {
        AuthorNames.IsTruncationMarker(item).Should().Be(marker);
    }
}
