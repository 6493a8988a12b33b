using DailyPapers.Core.Ingestion;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>One writer at a time: ingests started together take turns on the lock beside the database.</summary>
public sealed class ConcurrentIngestTests
{
    [Fact]
    public async Task Ingests_started_together_take_turns_and_both_succeed()
    {
        using var folder = new IngestFolder().WithSeeds();
        var waited = 0;
        var options = new IngestOptions(Waiting: _ => Interlocked.Increment(ref waited));

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new DigestImporter(folder.ConnectionString).Ingest(folder.DataDirectory, options))));

        runs.Should().OnlyContain(r => r.Diagnostics.Count == 0 && r.PapersStored == 65);
        runs.Count(r => r.FilesIngested == 5).Should().Be(1, "the first writer ingests, the others find nothing changed");
        waited.Should().BeGreaterThan(0, "the others waited for the lock");
        File.Exists(folder.DatabasePath + ".ingest-lock").Should().BeFalse("the lock file goes with its holder");
    }
}
