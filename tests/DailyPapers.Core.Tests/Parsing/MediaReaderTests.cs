using DailyPapers.Core.Parsing;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DailyPapers.Core.Tests.Parsing;

public sealed class MediaReaderTests
{
    private static readonly ArxivId Id = new("2402.03286", null);

    private static LinkInline LinkIn(string markdown) =>
        DigestParser.ParseSyntaxTree(markdown).OfType<ParagraphBlock>().Single().Inline!.Descendants<LinkInline>().Single();

    [Theory]
    [InlineData("[Watch Video](https://cdn-uploads.huggingface.co/production/uploads/a/b.mp4)")]
    [InlineData("[watch video](https://example.org/player)")]
    [InlineData("[demo](https://example.org/clip.MP4?download=1)")]
    [InlineData("[demo](https://example.org/clip.webm)")]
    [InlineData("[demo](https://example.org/clip.mov)")]
    public void A_video_link_is_known_by_its_label_or_its_file(string markdown)
    {
        MediaReader.IsVideoLink(LinkIn(markdown)).Should().BeTrue();
    }

    [Theory]
    [InlineData("[Code](https://github.com/a/b)")]
    [InlineData("[Watch Video later](https://example.org/player)")]
    [InlineData("[slides](https://example.org/mp4/slides.pdf)")]
    public void Other_links_are_not_video_links(string markdown)
    {
        MediaReader.IsVideoLink(LinkIn(markdown)).Should().BeFalse();
    }

    [Theory]
    [InlineData("<video src=\"https://example.org/v.mp4\" poster=\"https://example.org/p.jpg\" controls></video>")]
    [InlineData("<div>\n<video controls autoplay poster=\"https://example.org/p.jpg\"><source src=\"https://example.org/v.mp4\" type=\"video/mp4\"></video>\n</div>")]
    public void A_video_element_gives_the_video_and_its_poster(string html)
    {
        var diagnostics = new DiagnosticList("media.md");
        var paper = new PaperBuilder();

        new MediaReader(diagnostics).TryHtmlMedia(html, 5, paper, Id).Should().BeTrue();

        paper.Video.Should().Be("https://example.org/v.mp4");
        paper.VideoPoster.Should().Be("https://example.org/p.jpg");
        paper.Thumbnail.Should().BeNull();
        diagnostics.Items.Should().BeEmpty();
    }

    [Fact]
    public void An_image_element_with_a_hugging_face_placeholder_gives_the_thumbnail()
    {
        var diagnostics = new DiagnosticList("media.md");
        var paper = new PaperBuilder();

        new MediaReader(diagnostics).TryHtmlMedia("<p><img src=\"/avatars/placeholder.svg\"></p>", 5, paper, Id).Should().BeTrue();

        paper.Thumbnail.Should().Be("https://huggingface.co/avatars/placeholder.svg");
        diagnostics.Items.Should().BeEmpty();
    }

    [Fact]
    public void Html_with_text_stays_in_the_summary_with_a_warning()
    {
        var diagnostics = new DiagnosticList("media.md");
        var paper = new PaperBuilder();

        new MediaReader(diagnostics).TryHtmlMedia("<p>Demo: <video src=\"https://example.org/v.mp4\"></video></p>", 5, paper, Id).Should().BeFalse();

        paper.Video.Should().BeNull();
        diagnostics.Items.Select(d => d.ToString()).Should().Equal("media.md:5: warning: paper 2402.03286: raw HTML is kept in the summary as text");
    }

    [Fact]
    public void A_video_that_is_not_a_web_address_stays_in_the_summary_with_a_warning()
    {
        var diagnostics = new DiagnosticList("media.md");
        var paper = new PaperBuilder();

        new MediaReader(diagnostics).TryHtmlMedia("<video src=\"javascript:alert(1)\"></video>", 5, paper, Id).Should().BeFalse();

        paper.Video.Should().BeNull();
        diagnostics.Items.Select(d => d.ToString()).Should().Equal("media.md:5: warning: paper 2402.03286: video URL 'javascript:alert(1)' is not an http(s) address; it is kept in the summary");
    }

    [Fact]
    public void A_second_video_stays_in_the_summary_and_the_same_one_again_is_dropped()
    {
        var diagnostics = new DiagnosticList("media.md");
        var paper = new PaperBuilder { Video = "https://example.org/v.mp4" };
        var media = new MediaReader(diagnostics);

        media.TryHtmlMedia("<video src=\"https://example.org/v.mp4\"></video>", 5, paper, Id).Should().BeTrue();
        media.TryHtmlMedia("<video src=\"https://example.org/other.mp4\"></video>", 6, paper, Id).Should().BeFalse();

        paper.Video.Should().Be("https://example.org/v.mp4");
        diagnostics.Items.Select(d => d.ToString()).Should().Equal("media.md:6: warning: paper 2402.03286 has a second video; it is kept in the summary as text");
    }
}
