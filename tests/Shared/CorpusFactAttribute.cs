namespace DailyPapers.Testing;

/// <summary>
/// A test that reads the real digests in ../shared/corpus. A clone of the repository has no shared/ beside it, so there
/// the test is skipped with a message saying what it needs; with DAILYPAPERS_REQUIRE_CORPUS=1 (set by .ci/run, where
/// the corpus is present) a missing corpus fails the test instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class CorpusFactAttribute : Xunit.FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Directory.Exists(Repository.Corpus) && Environment.GetEnvironmentVariable("DAILYPAPERS_REQUIRE_CORPUS") != "1")
        {
            Skip = $"Needs the real digests at {Repository.Corpus}: a sample of github.com/l-yohai/daily_papers_ko " +
                "(CC BY-NC-ND 4.0) that CI keeps beside the checkout. Put its paper_logs/ folder there to run this test.";
        }
    }
}
