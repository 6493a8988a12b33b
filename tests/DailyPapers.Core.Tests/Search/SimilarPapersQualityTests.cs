using DailyPapers.Core.Tests.Ingestion;
using DailyPapers.Testing;
using Xunit.Abstractions;

namespace DailyPapers.Core.Tests.Search;

/// <summary>
/// The honest check: on the real digests, the stored lists find the papers a reader chose as related
/// (Fixtures/Search/similar-papers.json) better than shared authors or chance do.
/// </summary>
public sealed class SimilarPapersQualityTests(ITestOutputHelper output)
{
    [CorpusFact]
    public void Similar_papers_find_the_chosen_related_papers_better_than_shared_authors_or_chance()
    {
        var set = SimilarityEvaluation.LoadSet(Path.Combine(TestPaths.Fixtures, "Search", "similar-papers.json"));
        using var folder = new IngestFolder();
        foreach (var file in Directory.GetFiles(TestPaths.Corpus, "*.md", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(TestPaths.Corpus, file);
            folder.Write(relative, File.ReadAllText(file));
        }

        folder.Ingest();
        var result = SimilarityEvaluation.Evaluate(folder.ConnectionString, set);

        output.WriteLine($"precision@5 over {result.Papers} papers: similar {result.Method:0.000}, shared authors {result.SharedAuthors:0.000}, random {result.Random:0.000}");
        foreach (var miss in result.Misses)
        {
            output.WriteLine(miss);
        }

        set.Should().HaveCountGreaterThanOrEqualTo(30);
        result.Method.Should().BeGreaterThanOrEqualTo(0.676, "issue 29: no lower than it was when rising terms and search ranking changed");
        result.Method.Should().BeGreaterThan(result.SharedAuthors);
        result.Method.Should().BeGreaterThan(result.Random);
    }
}
