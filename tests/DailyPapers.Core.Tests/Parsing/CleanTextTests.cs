using System.Text;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>
/// The one hygiene step for untrusted text: which characters it forbids (what XML 1.0 cannot carry, the other controls,
/// non-characters), which it keeps, and the invisible ones names and titles lose.
/// </summary>
public sealed class CleanTextTests
{
    /// <summary>Each forbidden character by its code units, written as hex (a lone surrogate is no fit test name).</summary>
    public static TheoryData<string> Forbidden()
    {
        var data = new TheoryData<string>();
        for (var c = 0; c < 0x20; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                data.Add($"{c:X4}");
            }
        }

        for (var c = 0x7F; c <= 0x9F; c++)
        {
            data.Add($"{c:X4}");
        }

        foreach (var units in new[] { "D800", "DBFF", "DC00", "DFFF", "DC00 D800", "FFFE", "FFFF", "FDD0", "FDEF" })
        {
            data.Add(units);
        }

        foreach (var plane in new[] { 1, 2, 14, 16 })
        {
            data.Add(Units(char.ConvertFromUtf32((plane << 16) | 0xFFFE)));
            data.Add(Units(char.ConvertFromUtf32((plane << 16) | 0xFFFF)));
        }

        return data;
    }

    private static string Units(string text) => string.Join(' ', text.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Text(string units) => new([.. units.Split(' ').Select(u => (char)int.Parse(u, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture))]);

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Controls_lone_surrogates_and_non_characters_are_forbidden_and_removed(string units)
    {
        var forbidden = Text(units);
        var text = "ab" + forbidden + "cd";

        CleanText.IndexOfForbidden(text).Should().Be(2);
        CleanText.IsClean(text).Should().BeFalse();
        CleanText.Remove(text).Should().Be("abcd");
        CleanText.Remove(forbidden + "x" + forbidden).Should().Be("x");
    }

    [Theory]
    [InlineData("tab\tLF\nCR\r")]
    [InlineData("\uFFFD replacement, \uFDCF and \uFDF0 beside the non-characters, \uFFFC, \uFEFF")]
    [InlineData("한국어 모델, Kölle, 😀 \U0001FFFD \U0010FFFD, ½ ﬁ")]
    [InlineData(" ~\u00A0\u00FF\uD7FF\uE000")]
    [InlineData("")]
    public void Text_without_them_is_clean_and_kept_as_the_same_string(string text)
    {
        CleanText.IndexOfForbidden(text).Should().Be(-1);
        CleanText.Remove(text).Should().BeSameAs(text);
    }

    [Theory]
    [InlineData("a\tb", 1)]
    [InlineData("ab\n", 2)]
    [InlineData("\rab", 0)]
    public void A_one_line_value_holds_no_tab_or_line_break_either(string text, int index)
    {
        CleanText.IndexOfForbidden(text, oneLine: true).Should().Be(index);
        CleanText.IsClean(text).Should().BeTrue("in a digest they are text");
    }

    [Fact]
    public void A_valid_pair_is_not_taken_apart_when_text_around_it_is_removed()
    {
        CleanText.Remove("\u0001😀\uD800\uDE00\uFFFF").Should().Be("😀\uD800\uDE00");
        CleanText.Remove("\uD83D" + "x" + "\uDE00").Should().Be("x");
    }

    [Fact]
    public void Forbidden_characters_are_named_by_code_point_once_each()
    {
        CleanText.NameForbidden("a\u0001b\u0001\uFFFE" + char.ConvertFromUtf32(0x1FFFF)).Should().Be("U+0001, U+FFFE, U+1FFFF");
        CleanText.NameForbidden("\u0001\u0002\u0003\u0004").Should().Be("U+0001, U+0002, U+0003, …");
        CleanText.NameForbidden("a\tb", oneLine: true).Should().Be("U+0009");
        CleanText.NameForbidden("clean").Should().BeEmpty();
    }

    [Fact]
    public void A_long_text_is_searched_past_its_surrogate_pairs()
    {
        var text = new StringBuilder().Insert(0, "😀가", 50_000).Append('\u0085').ToString();

        CleanText.IndexOfForbidden(text).Should().Be(text.Length - 1);
    }

    [Theory]
    [InlineData("\u200B\u200C\u200D\u2060\uFEFF\u00AD\u200E\u200F\u061C")]
    [InlineData("\u202A\u202B\u202C\u202D\u202E")]
    [InlineData("\u2066\u2067\u2068\u2069")]
    public void Invisible_and_bidirectional_controls_are_dropped(string invisible)
    {
        CleanText.StripInvisible("a" + invisible + "b").Should().Be("ab");
    }

    [Theory]
    [InlineData("a\u2029b")]
    [InlineData("a\u202Fb")]
    [InlineData("a\u2065b")]
    [InlineData("a\u206Ab")]
    [InlineData("a b")]
    public void Characters_beside_those_ranges_are_kept(string text)
    {
        CleanText.StripInvisible(text).Should().Be(text);
    }
}
