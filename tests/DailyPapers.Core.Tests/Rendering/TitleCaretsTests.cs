using DailyPapers.Core.Rendering;

namespace DailyPapers.Core.Tests.Rendering;

/// <summary>Undelimited TeX in titles: the unmistakable cases are read, everything else stays as written.</summary>
public sealed class TitleCaretsTests
{
    [Theory]
    [InlineData("360^circ Video Generation", "360° Video Generation")]
    [InlineData("Panoramic 360^\\circ Scenes", "Panoramic 360° Scenes")]
    [InlineData("Free^2Guide: Gradient-Free Guidance", "Free²Guide: Gradient-Free Guidance")]
    [InlineData("VILA^{2}: VILA Augmented VILA", "VILA²: VILA Augmented VILA")]
    [InlineData("(SD)^2 and 10^3 tokens", "(SD)² and 10³ tokens")]
    [InlineData("Scaling to 2^{10} Experts", "Scaling to 2¹⁰ Experts")]
    public void An_unmistakable_caret_in_a_title_is_read(string title, string read)
    {
        TexMath.TitleToPlain(title).Should().Be(read);
        System.Net.WebUtility.HtmlDecode(TexMath.TitleToHtml(title, out var failed)).Should().Be(read);
        failed.Should().BeEmpty();
    }

    [Theory]
    [InlineData("x^y Attention")]
    [InlineData("C^{n} Models")]
    [InlineData("2^10 Experts")]
    [InlineData("Version 3^2.1")]
    [InlineData("a^circ and ^2 alone")]
    [InlineData("^^ Emoticons ^_^")]
    [InlineData("360^circle")]
    public void Any_other_caret_stays_as_written(string title)
    {
        TexMath.TitleToPlain(title).Should().Be(title);
        TexMath.TitleToHtml(title, out _).Should().Be(System.Net.WebUtility.HtmlEncode(title));
    }

    [Fact]
    public void Delimited_tex_is_rendered_as_before_beside_a_read_caret()
    {
        TexMath.TitleToPlain("$VILA^2$ meets Free^2Guide").Should().Be("VILA² meets Free²Guide");
        TexMath.TitleToHtml("$VILA^2$ & Free^2Guide", out _).Should().Contain("<math").And.EndWith(" &amp; Free&#178;Guide");
    }

    [Fact]
    public void Summaries_keep_their_carets()
    {
        TexMath.TextToPlain("10^3 tokens at 360^circ").Should().Be("10^3 tokens at 360^circ");
    }
}
