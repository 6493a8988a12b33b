using DailyPapers.Core.Data;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// One ingest at a time, across processes: an ingest holds the database's writers' lock (<see cref="Database.LockWriters"/>:
/// a file beside a SQLite database, an advisory lock on PostgreSQL) for as long as it writes. A second ingest (another
/// command, or the app's watcher) waits for it rather than racing it. A lock that cannot be taken refuses the ingest.
/// </summary>
public static class IngestLock
{
    /// <summary>Takes the lock, waiting while another ingest holds it; <paramref name="waiting"/> is told once.</summary>
    /// <exception cref="IngestRefusedException">The lock cannot live where it must (a read-only folder).</exception>
    public static IDisposable Acquire(Database database, CancellationToken cancellationToken, Action<string>? waiting = null) =>
        Acquire(database, waiting, held: null, cancellationToken);

    /// <param name="held">Called after every try that found the lock held, so tests can count the tries rather than wait on the clock.</param>
    internal static IDisposable Acquire(Database database, Action<string>? waiting, Action? held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            return database.LockWriters(waiting, held, cancellationToken);
        }
        catch (WriteLockUnavailableException e)
        {
            // The cause is the file system's answer; the Data exception only carried it here.
            throw new IngestRefusedException(e.Message, e.InnerException ?? e);
        }
    }

    /// <summary>The lock of the SQLite database <paramref name="connectionString"/> names, for tests and tools holding only that.</summary>
    public static IDisposable Acquire(string connectionString, CancellationToken cancellationToken, Action<string>? waiting = null) =>
        Acquire(new SqliteDatabase(connectionString), cancellationToken, waiting);

    /// <summary>The lock of either provider's database, for tests holding a provider and a connection string.</summary>
    internal static IDisposable Acquire(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken) =>
        Acquire(Database.For(provider, connectionString), cancellationToken);

    /// <inheritdoc cref="Acquire(Database, Action{string}?, Action?, CancellationToken)"/>
    internal static IDisposable Acquire(DatabaseProvider provider, string connectionString, Action<string>? waiting, Action? held, CancellationToken cancellationToken) =>
        Acquire(Database.For(provider, connectionString), waiting, held, cancellationToken);
}
