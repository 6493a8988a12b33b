using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;

namespace DailyPapers.Core.Tests;

/// <summary>A digest as ingest makes it: parsed, then its titles and summaries rendered.</summary>
internal static class TestDigests
{
    /// <summary>The smallest good digest: one day, one paper with votes, an author and a Korean summary (line 9).</summary>
    public const string GoodDay = """
        ## Daily Papers (2024-05-01)

        ### [A Good Paper](https://arxiv.org/abs/2405.00001)

        Vote: 3

        Authors: Ann Lee

        - 좋은 요약.

        """;

    public static ParsedDigest ParseAndRender(string text, string file) => DigestRenderer.Render(DigestParser.Parse(text, file));
}
