using DailyPapers.Core.Parsing;

namespace DailyPapers.Web.Tests;

/// <summary>The seed digests as the parser reads them: the expectations pages are checked against.</summary>
internal static class Seeds
{
    private static readonly Lazy<List<(ParsedDay Day, ParsedPaper Paper)>> All = new(() =>
        [.. Directory.GetFiles(Path.Combine(AppFactory.RepositoryRoot, "data"), "*.md")
            .SelectMany(f => DigestParser.Parse(File.ReadAllText(f), Path.GetFileName(f)).Days)
            .SelectMany(d => d.Papers.Select(p => (d, p)))]);

    public static IReadOnlyList<(ParsedDay Day, ParsedPaper Paper)> Papers => All.Value;
}
