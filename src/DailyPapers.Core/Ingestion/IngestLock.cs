using DailyPapers.Core.Data;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// One writer at a time, across processes: an ingest holds an exclusive lock on a file beside the database
/// (<c>papers.db.ingest-lock</c>) for as long as it writes. A second ingest (another command, or the app's watcher)
/// waits for it rather than racing it; the operating system releases the lock if the holder dies, so a killed ingest
/// never leaves it stuck. On PostgreSQL the lock is a session-level advisory lock held on a connection of its own, so
/// one node or command writes at a time across every machine sharing the server; the server frees it if the holder's
/// connection drops.
/// </summary>
public sealed class IngestLock : IDisposable
{
    private readonly FileStream? _file;
    private readonly Npgsql.NpgsqlConnection? _holder;

    private IngestLock(FileStream? file) => _file = file;

    private IngestLock(Npgsql.NpgsqlConnection holder) => _holder = holder;

    /// <summary>Takes the lock for the database of either provider (<see cref="Acquire(string, CancellationToken, Action{string}?)"/>).</summary>
    public static IngestLock Acquire(Data.DatabaseProvider provider, string connectionString, CancellationToken cancellationToken, Action<string>? waiting = null) =>
        Acquire(provider, connectionString, waiting, held: null, cancellationToken);

    /// <param name="held">Called after every try that found the lock held, so tests can count the tries rather than wait on the clock.</param>
    internal static IngestLock Acquire(Data.DatabaseProvider provider, string connectionString, Action<string>? waiting, Action? held, CancellationToken cancellationToken)
    {
        if (provider != Data.DatabaseProvider.Postgres)
        {
            return Acquire(connectionString, waiting, held, cancellationToken);
        }

        var holder = new Npgsql.NpgsqlConnection(connectionString);
        try
        {
            holder.Open();
            using var command = holder.CreateCommand();
            command.CommandText = "SELECT pg_try_advisory_lock(@key)";
            command.Bind("@key", Data.Postgres.PostgresDatabase.IngestLockKey);
            var told = false;
            while (!(bool)command.ExecuteScalar()!)
            {
                if (!told)
                {
                    waiting?.Invoke($"another ingest is writing to the {Data.Postgres.PostgresDatabase.Describe(connectionString)}; waiting for it to finish");
                    told = true;
                }

                held?.Invoke();
                cancellationToken.WaitHandle.WaitOne(200);
                cancellationToken.ThrowIfCancellationRequested();
            }

            return new IngestLock(holder);
        }
        catch
        {
            holder.Dispose();
            throw;
        }
    }

    /// <summary>Takes the lock for the database, waiting while another process holds it; <paramref name="waiting"/> is told once.</summary>
    public static IngestLock Acquire(string connectionString, CancellationToken cancellationToken, Action<string>? waiting = null) =>
        Acquire(connectionString, waiting, held: null, cancellationToken);

    /// <inheritdoc cref="Acquire(Data.DatabaseProvider, string, Action{string}?, Action?, CancellationToken)"/>
    internal static IngestLock Acquire(string connectionString, Action<string>? waiting, Action? held, CancellationToken cancellationToken)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:")
        {
            return new IngestLock((FileStream?)null);
        }

        var lockPath = Path.GetFullPath(path) + ".ingest-lock";
        var told = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new IngestLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
            }
            catch (IOException e) when (e.HResult is SharingViolationUnix or SharingViolationWindows)
            {
                // Held by another ingest: try again shortly.
                if (!told)
                {
                    waiting?.Invoke($"another ingest is writing to {path}; waiting for it to finish");
                    told = true;
                }

                held?.Invoke();
                Thread.Sleep(200);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot hold the lock cannot hold the database's writes either: refuse, do not wait forever.
                throw new IngestRefusedException($"cannot write beside the database {path} ({e.Message}); is its folder read-only?", e);
            }
        }
    }

    // What a lock held by another process looks like: EWOULDBLOCK from flock on Unix, a sharing violation on Windows.
    private const int SharingViolationUnix = 11;
    private const int SharingViolationWindows = unchecked((int)0x80070020);

    public void Dispose()
    {
        _file?.Dispose();
        if (_holder is not null)
        {
            // Freed explicitly: a pooled connection keeps its session, and with it the lock, until it is next used. A
            // connection that broke meanwhile has lost its session, and the lock with it, already.
            try
            {
                Data.Postgres.PostgresDatabase.AdvisoryLock(_holder, Data.Postgres.PostgresDatabase.IngestLockKey, take: false);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
            {
                Npgsql.NpgsqlConnection.ClearPool(_holder);
            }

            _holder.Dispose();
        }
    }
}
