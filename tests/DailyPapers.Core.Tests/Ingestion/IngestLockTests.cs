using DailyPapers.Core.Ingestion;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>The lock beside the database: where it lives, when there is none, when it cannot be taken, and waiting for it.</summary>
public sealed class IngestLockTests
{
    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=")]
    public void A_database_without_a_file_needs_no_lock_file(string connectionString)
    {
        // Nothing beside an in-memory database to share it with: both take their "lock" at once.
        using var first = IngestLock.Acquire(connectionString, CancellationToken.None);
        using var second = IngestLock.Acquire(connectionString, CancellationToken.None, _ => throw new InvalidOperationException("must not wait"));
    }

    [Fact]
    public void The_lock_is_a_file_beside_the_database_that_goes_when_released()
    {
        using var folder = new IngestFolder();

        using (IngestLock.Acquire(folder.ConnectionString, CancellationToken.None))
        {
            File.Exists(folder.DatabasePath + ".ingest-lock").Should().BeTrue();
        }

        File.Exists(folder.DatabasePath + ".ingest-lock").Should().BeFalse();
    }

    [Fact]
    public void A_folder_that_cannot_hold_the_lock_is_refused_rather_than_waited_on()
    {
        var missing = Path.Combine(Path.GetTempPath(), "dailypapers-tests", Guid.NewGuid().ToString("N"), "gone", "papers.db");

        var acquire = () => IngestLock.Acquire("Data Source=" + missing, CancellationToken.None, _ => throw new InvalidOperationException("must not wait"));

        acquire.Should().Throw<IngestRefusedException>().WithMessage($"cannot write beside the database {missing} (*); is its folder read-only?")
            .WithInnerException<IOException>();
    }

    [Fact]
    public void A_cancelled_run_does_not_take_the_lock()
    {
        using var folder = new IngestFolder();

        var acquire = () => IngestLock.Acquire(folder.ConnectionString, new CancellationToken(canceled: true));

        acquire.Should().Throw<OperationCanceledException>();
        File.Exists(folder.DatabasePath + ".ingest-lock").Should().BeFalse();
    }

    [Fact]
    public async Task A_waiter_is_told_once_and_can_give_up_while_waiting()
    {
        using var folder = new IngestFolder();
        using var told = new SemaphoreSlim(0);
        using var cancel = new CancellationTokenSource();
        var messages = new List<string>();

        using (IngestLock.Acquire(folder.ConnectionString, CancellationToken.None))
        {
            var waiter = Task.Run(() => IngestLock.Acquire(folder.ConnectionString, cancel.Token, m =>
            {
                lock (messages)
                {
                    messages.Add(m);
                }

                told.Release();
            }));

            (await told.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue();
            // Long enough for several more tries: each must stay silent.
            await Task.Delay(700);
            await cancel.CancelAsync();

            await waiter.Invoking(w => w.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<OperationCanceledException>();
        }

        messages.Should().Equal($"another ingest is writing to {folder.DatabasePath}; waiting for it to finish");
    }
}
