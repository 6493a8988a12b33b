namespace DailyPapers.Core.Tests;

/// <summary>Where the repository, its data/ and the shared digests live, found from the test binaries.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot => DailyPapers.Testing.Repository.Root;

    public static string SeedData => Path.Combine(RepositoryRoot, "data");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>../shared/corpus/paper_logs: 138 real digests, read in place and never copied into the repository.</summary>
    public static string Corpus
    {
        get
        {
            var corpus = DailyPapers.Testing.Repository.Corpus;
            if (!Directory.Exists(corpus))
            {
                throw new DirectoryNotFoundException($"The shared corpus is expected at {corpus} (a checkout of the project sits beside shared/).");
            }

            return corpus;
        }
    }

}
