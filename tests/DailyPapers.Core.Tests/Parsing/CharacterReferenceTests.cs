using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>
/// Markdown text means its character references: a title written <c>R&amp;amp;D</c> is "R&amp;D", decoded once at the door
/// so every page escapes it once (never "R&amp;amp;D" on screen).
/// </summary>
public sealed class CharacterReferenceTests
{
    private const string Digest = """
        ## Daily Papers (2024-05-01)

        ### [Q&A for R&amp;D: &lt;Tags&gt; &#8212; O&#39;Brien&apos;s](https://arxiv.org/abs/2405.00001)

        Vote: 3

        Authors: Ann &amp; Lee, Seán O&#39;Brien, Seán O'Brien

        - 요약.

        """;

    [Fact]
    public void Titles_and_names_are_decoded_once_and_escaped_once()
    {
        var paper = DigestRenderer.Render(DigestParser.Parse(Digest, "x.md")).Days.Single().Papers.Single();

        paper.Title.Should().Be("Q&A for R&D: <Tags> — O'Brien's");
        paper.TitleHtml.Should().Be("Q&amp;A for R&amp;D: &lt;Tags&gt; — O&#39;Brien&#39;s");
        paper.Authors.Should().Equal(["Ann & Lee", "Seán O'Brien"], "a reference and the character it names are one spelling");
    }
}
