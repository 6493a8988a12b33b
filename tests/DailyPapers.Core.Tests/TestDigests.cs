using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;

namespace DailyPapers.Core.Tests;

/// <summary>A digest as ingest makes it: parsed, then its titles and summaries rendered.</summary>
internal static class TestDigests
{
    public static ParsedDigest ParseAndRender(string text, string file) => DigestRenderer.Render(DigestParser.Parse(text, file));
}
