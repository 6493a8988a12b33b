using DailyPapers.Core.Ingestion;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>One writer at a time: an ingest waits while another holds the lock beside the database, then runs.</summary>
public sealed class ConcurrentIngestTests
{
    [Fact]
    public async Task An_ingest_waits_for_the_one_writing_and_then_runs()
    {
        using var folder = new IngestFolder().WithSeeds();
        // Counted inside the callback, on the waiting ingest's own thread: what it had written when it found the lock held.
        var told = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new IngestOptions(Waiting: _ =>
        {
            try
            {
                using var db = folder.Context();
                told.TrySetResult(db.Papers.Count());
            }
            catch (Exception e)
            {
                told.TrySetException(e);
            }
        });

        Task<IngestReport> second;
        using (IngestLock.Acquire(folder.ConnectionString, CancellationToken.None))
        {
            second = Task.Run(() => new DigestImporter(folder.ConnectionString).Ingest(folder.DataDirectory, options));

            (await Task.WhenAny(told.Task, second).WaitAsync(TimeSpan.FromSeconds(60))).Should().BeSameAs(told.Task, "the second ingest says it waits rather than running beside the one writing");
            (await told.Task).Should().Be(0, "it writes nothing before it holds the lock");
            second.IsCompleted.Should().BeFalse("it waits while the lock is held");
            using var db = folder.Context();
            db.Papers.Count().Should().Be(0);
        }

        var report = await second.WaitAsync(TimeSpan.FromSeconds(60));
        report.FilesIngested.Should().Be(5, "once the lock is free it runs");
    }

    [Fact]
    public async Task Ingests_started_together_all_succeed_on_one_consistent_database()
    {
        using var folder = new IngestFolder().WithSeeds();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new DigestImporter(folder.ConnectionString).Ingest(folder.DataDirectory))));

        runs.Should().OnlyContain(r => r.Diagnostics.Count == 0 && r.PapersStored == 65);
        runs.Sum(r => r.FilesIngested).Should().Be(5, "whichever runs first ingests; the others find nothing changed");
        File.Exists(folder.DatabasePath + ".ingest-lock").Should().BeFalse("the lock file goes with its holder");
    }
}
