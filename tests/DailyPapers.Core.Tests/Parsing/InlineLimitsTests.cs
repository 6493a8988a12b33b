using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>
/// What Markdig's inline parsing is given is bounded before it reads a file: link, emphasis and code openers past their
/// limits, and TeX delimiters past theirs, are kept as literal text (escaped), with a warning at the line where that
/// began. The limits are checked by counts: what reaches Markdig and KaTeX, never how long it took.
/// </summary>
public sealed class InlineLimitsTests
{
    /// <summary>A day and a paper whose summary starts at line 7.</summary>
    private const string Head = "## Daily Papers (2024-05-01)\n\n### [Paper](https://arxiv.org/abs/2405.00001)\n\nVote: 1\n\n";

    private static string Repeat(string unit, int count) => string.Concat(Enumerable.Repeat(unit, count));

    private static ParsedPaper OnlyPaper(ParsedDigest digest) => digest.Days.Single().Papers.Single();

    [Fact]
    public void A_paragraph_at_the_opener_limit_is_read_as_markdown()
    {
        // 32 emphasised words: 64 asterisks.
        var digest = TestDigests.ParseAndRender(Head + Repeat("*a* ", DigestLimits.MaxOpenersPerParagraph / 2) + "\n", "ok.md");

        digest.Diagnostics.Should().BeEmpty();
        OnlyPaper(digest).SummaryHtml.Should().Contain("<em>a</em>").And.NotContain("*");
    }

    [Fact]
    public void Unclosed_links_past_the_paragraph_limit_are_kept_as_text_with_a_warning_at_their_line()
    {
        var summary = Repeat("[a](", 300);
        var digest = TestDigests.ParseAndRender(Head + "x\n" + summary + "\n", "links.md");

        digest.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(Severity.Warning, "links.md", 8,
            "this paragraph holds more than 64 link, emphasis or code openers ([ * _ `); those past the limit are kept as literal text"));
        var paper = OnlyPaper(digest);
        paper.SummaryMarkdown.Replace("\\", "", StringComparison.Ordinal).Should().Be("x\n" + summary, "every character is kept; only backslashes are added");
        paper.SummaryHtml.Split("[a](").Length.Should().Be(301, "each of the 300 unclosed links shows as written");
    }

    [Fact]
    public void The_count_starts_again_after_a_blank_line_and_escaped_openers_do_not_count()
    {
        var text = Head + Repeat("[a](", 60) + "\n\n" + string.Join(' ', Enumerable.Repeat("*a", 60)) + "\n\n" + Repeat("\\[", 1000) + "\n";

        var digest = DigestParser.Parse(text, "ok.md");

        digest.Diagnostics.Should().BeEmpty();
        OnlyPaper(digest).SummaryMarkdown.Should().Be(text[Head.Length..].TrimEnd(), "nothing under a limit is escaped");
    }

    [Fact]
    public void A_paragraph_of_short_lines_is_counted_whole_and_every_paragraph_past_the_limit_is_counted_in_one_warning()
    {
        var paragraph = Repeat("*a\n", 300);
        var digest = DigestParser.Parse(Head + paragraph + "\n" + paragraph + "\n" + paragraph, "lines.md");

        digest.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(Severity.Warning, "lines.md", 7 + 64,
            "this paragraph holds more than 64 link, emphasis or code openers ([ * _ `) (and in 2 more paragraphs after it); those past the limit are kept as literal text"));
        OnlyPaper(digest).SummaryMarkdown.Split("\\*").Length.Should().Be((3 * (300 - 64)) + 1);
    }

    [Fact]
    public void Tex_past_the_file_limit_is_kept_as_written_and_never_reaches_katex()
    {
        var spans = (DigestLimits.MaxTexDelimitersPerFile / 2) + 10;
        var body = string.Concat(Enumerable.Range(0, spans).Select(i => $"$x_{{{i}}}$\n\n"));

        // Time is no part of this: whatever the machine, KaTeX is given all the time it needs.
        var digest = DigestRenderer.Render(DigestParser.Parse(Head + body, "tex.md"), TimeSpan.FromDays(1));

        digest.Diagnostics.Should().ContainSingle().Which.Should().Be(new Diagnostic(Severity.Warning, "tex.md", 7 + (2 * (DigestLimits.MaxTexDelimitersPerFile / 2)),
            "the file holds more than 2,000 TeX delimiters ($); from here on they are kept as literal text, not rendered"));
        var html = OnlyPaper(digest).SummaryHtml;
        html.Split("<math").Length.Should().Be((DigestLimits.MaxTexDelimitersPerFile / 2) + 1);
        html.Should().Contain($"$x_{{{spans - 1}}}$", "the spans past the limit show as written");
    }

    [Fact]
    public void A_file_of_deeply_nested_brackets_is_read_not_rejected()
    {
        // 30,000 unclosed brackets in one line made Markdig give up ("too deeply nested") and the file was rejected whole.
        var digest = TestDigests.ParseAndRender(Head + Repeat("[a", 30_000) + "\n", "deep.md");

        digest.HasErrors.Should().BeFalse();
        OnlyPaper(digest).SummaryHtml.Split("[a").Length.Should().Be(30_001);
    }
}
