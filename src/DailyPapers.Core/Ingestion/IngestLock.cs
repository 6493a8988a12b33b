using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// One writer at a time, across processes: an ingest holds an exclusive lock on a file beside the database
/// (<c>papers.db.ingest-lock</c>) for as long as it writes. A second ingest (another command, or the app's watcher)
/// waits for it rather than racing it; the operating system releases the lock if the holder dies, so a killed ingest
/// never leaves it stuck.
/// </summary>
public sealed class IngestLock : IDisposable
{
    private readonly FileStream? _file;

    private IngestLock(FileStream? file) => _file = file;

    /// <summary>Takes the lock for the database, waiting while another process holds it; <paramref name="waiting"/> is told once.</summary>
    public static IngestLock Acquire(string connectionString, CancellationToken cancellationToken, Action<string>? waiting = null)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:")
        {
            return new IngestLock(null);
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

    public void Dispose() => _file?.Dispose();
}
