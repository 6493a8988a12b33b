namespace DailyPapers.Testing;

/// <summary>The checkout these binaries were built from, and the shared digests beside it. Linked into each test and bench project.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/corpus/paper_logs: the real digests, read in place and never copied into the repository.</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "paper_logs"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DailyPapers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DailyPapers.sln not found above " + AppContext.BaseDirectory);
    }
}
