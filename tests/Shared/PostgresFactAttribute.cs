namespace DailyPapers.Testing;

/// <summary>
/// A test that needs a PostgreSQL server (<see cref="PostgresServer"/>). Where PostgreSQL is not installed it is skipped
/// with a message saying what to install; with DAILYPAPERS_REQUIRE_POSTGRES=1 (set by .ci/run, which installs it) a
/// missing server fails the test instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : Xunit.FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.BinFolder() is null && Environment.GetEnvironmentVariable("DAILYPAPERS_REQUIRE_POSTGRES") != "1")
        {
            Skip = PostgresServer.Missing;
        }
    }

    /// <summary>The test also reads the real digests: skipped like a <c>CorpusFact</c> test without them.</summary>
    public bool Corpus
    {
        get => false;
        init
        {
            if (value && Skip is null && !Directory.Exists(Repository.Corpus) && Environment.GetEnvironmentVariable("DAILYPAPERS_REQUIRE_CORPUS") != "1")
            {
                Skip = $"Needs the real digests at {Repository.Corpus} (see CorpusFactAttribute) as well as PostgreSQL.";
            }
        }
    }
}
