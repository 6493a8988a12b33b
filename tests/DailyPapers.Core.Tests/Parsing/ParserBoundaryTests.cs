using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>
/// The parser at its edges: the last accepted value of each limit and the first refused one, each HTML wrapper a media
/// block may use, and text a digest puts where the parser does not expect it (vote counts at their limits are in
/// <see cref="FieldLinesTests"/>). Written for the mutants Stryker found
/// alive in the Parsing scope: each test fails when one of them is applied.
/// </summary>
public sealed class ParserBoundaryTests
{
    private static readonly ArxivId Id = new("2402.03286", null);

    [Theory]
    [InlineData("1991-01-01", "2026-06-01", true)]
    [InlineData("1990-12-31", "2026-06-01", false)]
    [InlineData("2027-12-31", "2026-06-01", true)]
    [InlineData("2028-01-01", "2026-06-01", false)]
    [InlineData("2028-01-01", "2027-01-01", true)]
    [InlineData("2998-12-31", "2998-06-01", true)]
    [InlineData("2999-01-01", "2998-06-01", false)]
    public void A_day_from_1991_to_the_end_of_next_year_is_read_and_any_other_is_an_error_at_its_heading(string date, string today, bool read)
    {
        var digest = DigestParser.Parse($"intro\n\n## Daily Papers ({date})\n\n### [P](https://arxiv.org/abs/2402.03286)\n\n- 요약\n", "day.md", DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        digest.Days.Select(d => d.Date).Should().Equal(read ? [DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)] : []);
        if (!read)
        {
            digest.Diagnostics[0].Should().Be(new Diagnostic(Severity.Error, "day.md", 3,
                $"day heading 'Daily Papers ({date})' is dated {date}, outside the days a digest may have (1991-01-01 to {DigestDates.Last(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)):yyyy-MM-dd}, the end of next year); the papers under it are not stored"));
        }
    }

    [Fact]
    public void Without_a_clock_a_day_up_to_the_end_of_2998_is_read()
    {
        DigestParser.Parse("## Daily Papers (2998-12-31)\n", "day.md").Days.Should().ContainSingle();
        DigestParser.Parse("## Daily Papers (2999-01-01)\n", "day.md").Diagnostics[0].Message.Should().Be(
            "day heading 'Daily Papers (2999-01-01)' is dated 2999-01-01, outside the days a digest may have (1991-01-01 to 2998-12-31); the papers under it are not stored");
    }

    [Fact]
    public void An_id_of_64_characters_with_its_padding_is_read_and_one_of_65_is_not()
    {
        var padded = new string(' ', 54) + "2401.08541";
        padded.Length.Should().Be(64);

        ArxivId.TryParse(padded, out var id).Should().BeTrue();
        id.Value.Should().Be("2401.08541");
        ArxivId.TryParse(" " + padded, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("https://huggingface.co/papers/2401.08541")]
    [InlineData("https://www.huggingface.co/papers/2401.08541")]
    [InlineData("https://arxiv.org/pdf/2401.08541.pdf")]
    [InlineData("https://export.arxiv.org/abs/2401.08541")]
    public void Every_known_paper_host_gives_the_id(string url)
    {
        ArxivId.TryFromUrl(url, out var id).Should().BeTrue();
        id!.Value.Value.Should().Be("2401.08541");
    }

    [Theory]
    [InlineData("<figure><img src=\"https://example.org/t.png\"></figure>")]
    [InlineData("<p><span><img src=\"https://example.org/t.png\"></span></p>")]
    [InlineData("<div><img src=\"https://example.org/t.png\"><br></div>")]
    public void An_image_in_any_plain_wrapper_is_the_thumbnail(string html)
    {
        var diagnostics = new DiagnosticList("media.md");
        var paper = new PaperBuilder();

        new MediaReader(diagnostics).TryHtmlMedia(html, 5, paper, Id).Should().BeTrue();

        paper.Thumbnail.Should().Be("https://example.org/t.png");
        diagnostics.Items.Should().BeEmpty();
    }

    [Theory]
    [InlineData("<div><img src=\"https://example.org/t.png\"><iframe src=\"https://example.org/x\"></iframe></div>")]
    [InlineData("<a href=\"https://example.org/x\"><img src=\"https://example.org/t.png\"></a>")]
    public void Media_beside_any_other_element_stays_in_the_summary(string html)
    {
        var diagnostics = new DiagnosticList("media.md");
        var paper = new PaperBuilder();

        new MediaReader(diagnostics).TryHtmlMedia(html, 5, paper, Id).Should().BeFalse();

        paper.Thumbnail.Should().BeNull();
        diagnostics.Items.Select(d => d.ToString()).Should().Equal("media.md:5: warning: paper 2402.03286: raw HTML is kept in the summary as text");
    }

    [Fact]
    public void Html_without_any_element_stays_in_the_summary_without_a_warning()
    {
        var diagnostics = new DiagnosticList("media.md");

        new MediaReader(diagnostics).TryHtmlMedia("<!-- nothing here -->", 5, new PaperBuilder(), Id).Should().BeFalse();

        diagnostics.Items.Should().BeEmpty();
    }

    [Fact]
    public void A_video_element_source_in_its_own_attribute_wins_over_a_source_child()
    {
        var paper = new PaperBuilder();

        new MediaReader(new DiagnosticList("media.md"))
            .TryHtmlMedia("<video src=\"https://example.org/own.mp4\"><source src=\"https://example.org/child.mp4\"></video>", 5, paper, Id)
            .Should().BeTrue();

        paper.Video.Should().Be("https://example.org/own.mp4");
    }

    [Fact]
    public void An_image_element_that_is_not_a_web_address_is_named_as_a_thumbnail()
    {
        var diagnostics = new DiagnosticList("media.md");

        new MediaReader(diagnostics).TryHtmlMedia("<img src=\"javascript:alert(1)\">", 5, new PaperBuilder(), Id).Should().BeFalse();

        diagnostics.Items.Select(d => d.ToString()).Should().Equal("media.md:5: warning: paper 2402.03286: thumbnail URL 'javascript:alert(1)' is not an http(s) address; it is kept in the summary");
    }

    [Fact]
    public void Markdown_media_that_is_not_a_web_address_is_named_and_kept()
    {
        var parsed = DigestParser.Parse(
            """
            ## Daily Papers (2024-01-17)

            ### [A paper](https://arxiv.org/abs/2402.03286)

            ![](ftp://example.org/t.png)
            [Watch Video](ftp://example.org/v.mp4)

            Vote: 3

            - A summary.

            """,
            "media.md");

        var paper = parsed.Days.Single().Papers.Single();
        paper.ThumbnailUrl.Should().BeNull();
        paper.VideoUrl.Should().BeNull();
        paper.SummaryMarkdown.Should().Contain("ftp://example.org/t.png").And.Contain("ftp://example.org/v.mp4");
        parsed.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "media.md:5: warning: paper 2402.03286: thumbnail URL 'ftp://example.org/t.png' is not an http(s) address; it is kept in the summary",
            "media.md:6: warning: paper 2402.03286: video URL 'ftp://example.org/v.mp4' is not an http(s) address; it is kept in the summary");
    }

    [Fact]
    public void Text_before_the_day_heading_becomes_the_days_notes()
    {
        var parsed = DigestParser.Parse(
            """
            Collected by hand this week.

            ## Daily Papers (2024-01-17)

            ### [A paper](https://arxiv.org/abs/2402.03286)

            - A summary.
            """,
            "notes.md");

        var day = parsed.Days.Single();
        day.NotesMarkdown.Should().Be("Collected by hand this week.");
        day.Papers.Should().ContainSingle();
    }

    [Fact]
    public void A_paper_heading_without_a_link_is_kept_in_the_notes_and_named()
    {
        var parsed = DigestParser.Parse(
            """
            ## Daily Papers (2024-01-17)

            ### A paper without its link

            - A summary.
            """,
            "nolink.md");

        var day = parsed.Days.Single();
        day.Papers.Should().BeEmpty();
        day.NotesMarkdown.Should().Contain("A paper without its link").And.Contain("A summary.");
        parsed.Diagnostics.Select(d => d.ToString()).Should().Contain(
            "nolink.md:3: warning: paper heading 'A paper without its link' has no link; the section is kept in the day's notes");
    }
}
