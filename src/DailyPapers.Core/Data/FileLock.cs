namespace DailyPapers.Core.Data;

/// <summary>
/// The writers' lock of a SQLite file: an exclusive lock on a file beside it (<c>papers.db.ingest-lock</c>), held for as
/// long as one ingest or migration writes. Another writer waits for it rather than racing it; the operating system frees
/// the lock if its holder dies, so a killed writer never leaves it stuck.
/// </summary>
internal sealed class FileLock : IDisposable
{
    // What a lock held by another process looks like: EWOULDBLOCK from flock on Unix, a sharing violation on Windows.
    private const int SharingViolationUnix = 11;
    private const int SharingViolationWindows = unchecked((int)0x80070020);

    private readonly FileStream? _file;

    private FileLock(FileStream? file) => _file = file;

    /// <summary>Takes the lock of the database at <paramref name="databasePath"/> (see <see cref="Database.LockWriters"/>).</summary>
    public static FileLock Take(string databasePath, CancellationToken cancellationToken, Action<string>? waiting = null, Action? held = null)
    {
        if (string.IsNullOrEmpty(databasePath) || databasePath == ":memory:")
        {
            // Nothing beside an in-memory database to share it with.
            return new FileLock(null);
        }

        var lockPath = Path.GetFullPath(databasePath) + ".ingest-lock";
        var told = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new FileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
            }
            catch (IOException e) when (e.HResult is SharingViolationUnix or SharingViolationWindows)
            {
                if (!told)
                {
                    waiting?.Invoke($"another ingest is writing to {databasePath}; waiting for it to finish");
                    told = true;
                }

                held?.Invoke();
                Thread.Sleep(200);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot hold the lock cannot hold the database's writes either: refuse, do not wait forever.
                throw new WriteLockUnavailableException($"cannot write beside the database {databasePath} ({e.Message}); is its folder read-only?", e);
            }
        }
    }

    public void Dispose() => _file?.Dispose();
}

/// <summary>The writers' lock cannot be taken where it lives (a read-only folder): the message says where and why.</summary>
public sealed class WriteLockUnavailableException : Exception
{
    public WriteLockUnavailableException()
    {
    }

    public WriteLockUnavailableException(string message)
        : base(message)
    {
    }

    public WriteLockUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
