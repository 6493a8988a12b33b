using DailyPapers.Core.Data;
using DailyPapers.Core.Data.Postgres;
using DailyPapers.Core.Ingestion;
using DailyPapers.Testing;

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
    public async Task A_waiter_is_told_once_keeps_waiting_while_the_lock_is_held_and_can_give_up()
    {
        using var folder = new IngestFolder();

        await WaiterIsToldOnceAndKeepsWaiting(DatabaseProvider.Sqlite, folder.ConnectionString, $"another ingest is writing to {folder.DatabasePath}; waiting for it to finish");
    }

    [PostgresFact]
    public async Task A_waiter_on_PostgreSQL_is_told_once_keeps_waiting_while_the_lock_is_held_and_can_give_up()
    {
        var database = PostgresServer.Shared.CreateDatabase();

        await WaiterIsToldOnceAndKeepsWaiting(DatabaseProvider.Postgres, database, $"another ingest is writing to the {new PostgresDatabase(database).Name}; waiting for it to finish");
    }

    /// <summary>
    /// Holds the lock while a second taker waits: the taker is told once, then tries again and again, silent, without
    /// taking it, until it gives up. Its tries are counted as they happen, so nothing here waits on the clock; the
    /// timeouts only end a run that hangs.
    /// </summary>
    private static async Task WaiterIsToldOnceAndKeepsWaiting(DatabaseProvider provider, string connectionString, string message)
    {
        using var cancel = new CancellationTokenSource();
        var messages = new List<string>();
        var tries = 0;
        var severalTries = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using (IngestLock.Acquire(provider, connectionString, CancellationToken.None))
        {
            var waiter = Task.Run(() => IngestLock.Acquire(provider, connectionString,
                m =>
                {
                    lock (messages)
                    {
                        messages.Add(m);
                    }
                },
                () =>
                {
                    // The try that told it, and three more.
                    if (Interlocked.Increment(ref tries) == 4)
                    {
                        severalTries.TrySetResult();
                    }
                },
                cancel.Token));

            var first = await Task.WhenAny(severalTries.Task, waiter).WaitAsync(TimeSpan.FromSeconds(60));
            first.Should().BeSameAs(severalTries.Task, "a waiter tries again while the lock is held, and neither takes it nor stops ({0})", waiter.Exception?.InnerException?.Message ?? waiter.Status.ToString());
            lock (messages)
            {
                messages.Should().Equal([message], "the waiter is told once, however many times it finds the lock held");
            }

            await cancel.CancelAsync();
            await waiter.Invoking(w => w.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<OperationCanceledException>();
        }
    }
}
