using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>How an arXiv identifier is read from what digests write: bare ids, prefixed ids, old-style ids and paper links.</summary>
public sealed class ArxivIdTests
{
    [Theory]
    [InlineData("2401.08541", "2401.08541", null)]
    [InlineData("2401.08541v2", "2401.08541", 2)]
    [InlineData("arXiv:2401.08541v12", "2401.08541", 12)]
    [InlineData("ARXIV:2401.0854", "2401.0854", null)]
    [InlineData("  2401.08541v3  ", "2401.08541", 3)]
    [InlineData("hep-th/9901001", "hep-th/9901001", null)]
    [InlineData("math.GT/0309136v1", "math/0309136", 1)]
    [InlineData("Hep-TH/9901001", "hep-th/9901001", null)]
    public void A_bare_id_gives_its_value_and_version(string text, string value, int? version)
    {
        ArxivId.TryParse(text, out var id).Should().BeTrue();

        id.Value.Should().Be(value);
        id.Version.Should().Be(version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2401.085")]
    [InlineData("2401.085411")]
    [InlineData("2401.08541v")]
    [InlineData("2401.08541v12345")]
    [InlineData("x2401.08541")]
    [InlineData("2401.08541 and more")]
    [InlineData("hep-th/990100")]
    [InlineData("doi:2401.08541")]
    public void Anything_else_is_not_an_id(string? text)
    {
        ArxivId.TryParse(text, out var id).Should().BeFalse();
        id.Should().Be(default(ArxivId));
    }

    [Fact]
    public void A_text_longer_than_any_id_is_refused_before_it_is_matched()
    {
        ArxivId.TryParse("arXiv:" + new string(' ', 60) + "2401.08541", out _).Should().BeFalse();
    }

    [Fact]
    public void The_versioned_value_adds_the_version_only_when_there_is_one()
    {
        new ArxivId("2401.08541", 2).VersionedValue.Should().Be("2401.08541v2");
        new ArxivId("2401.08541", null).VersionedValue.Should().Be("2401.08541");
        new ArxivId("2401.08541", 2).ToString().Should().Be("2401.08541", "an id is named without its version");
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2401.08541", "2401.08541", null)]
    [InlineData("http://arxiv.org/abs/2401.08541v2", "2401.08541", 2)]
    [InlineData("https://www.arxiv.org/pdf/2401.08541v2.pdf", "2401.08541", 2)]
    [InlineData("https://export.arxiv.org/abs/2401.08541", "2401.08541", null)]
    [InlineData("https://arxiv.org/html/2401.08541v1", "2401.08541", 1)]
    [InlineData("https://ARXIV.org/ABS/2401.08541/", "2401.08541", null)]
    [InlineData("https://arxiv.org/pdf/2401.08541.PDF", "2401.08541", null)]
    [InlineData("https://arxiv.org/abs/hep-th%2F9901001", "hep-th/9901001", null)]
    [InlineData("https://huggingface.co/papers/2401.08541", "2401.08541", null)]
    [InlineData("https://www.huggingface.co/Papers/2401.08541", "2401.08541", null)]
    [InlineData("  https://arxiv.org/abs/2401.08541  ", "2401.08541", null)]
    public void A_paper_link_gives_the_id_it_points_to(string url, string value, int? version)
    {
        ArxivId.TryFromUrl(url, out var id).Should().BeTrue();

        id.Should().Be(new ArxivId(value, version));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2401.08541")]
    [InlineData("ftp://arxiv.org/abs/2401.08541")]
    [InlineData("https://example.org/abs/2401.08541")]
    [InlineData("https://arxiv.org/list/2401.08541")]
    [InlineData("https://arxiv.org/abs/")]
    [InlineData("https://arxiv.org/abs/not-an-id")]
    [InlineData("https://huggingface.co/datasets/2401.08541")]
    [InlineData("https://github.com/papers/2401.08541")]
    public void Other_links_give_no_id(string? url)
    {
        ArxivId.TryFromUrl(url, out var id).Should().BeFalse();
        id.Should().BeNull();
    }
}
