using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Data;

/// <summary>
/// The SQLite file a running app opened, told apart from whatever is at its path later. The file is held open (on
/// Linux, /proc/self/fd then says when its path no longer leads to it: deleted, or another file renamed over it), and an
/// id kept in Meta is read back through a fresh read-only connection (never a pooled one, which still reads the file it
/// opened) for a file overwritten in place.
/// </summary>
public sealed class DatabaseFile : IDisposable
{
    private const string Key = "DatabaseId";
    private readonly FileStream _held;

    private DatabaseFile(string path, string? id)
    {
        Path = path;
        Id = id;
        _held = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
    }

    public string Path { get; }

    public string? Id { get; }

    /// <summary>Holds the file open and reads its id, making one on first use when the file can be written.</summary>
    public static DatabaseFile Open(string connectionString, string path)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var id = Read(connection);
        if (id is null && !PapersDatabase.IsReadOnly(connectionString))
        {
            connection.Execute(null, "INSERT INTO Meta (Key, Value) VALUES (@k, @v) ON CONFLICT (Key) DO NOTHING", ("@k", Key), ("@v", Guid.NewGuid().ToString("N")));
            id = Read(connection);
        }

        return new DatabaseFile(path, id);
    }

    /// <summary>Why the file at the path is no longer the one opened (deleted, replaced, unreadable), or null while it still is.</summary>
    public string? Changed()
    {
        if (!File.Exists(Path))
        {
            return $"the database file {Path} was deleted while the app ran; restart the app to make a new one from the data folder";
        }

        var link = $"/proc/self/fd/{_held.SafeFileHandle.DangerousGetHandle()}";
        if (OperatingSystem.IsLinux() && new FileInfo(link).LinkTarget is { } target && target.EndsWith(" (deleted)", StringComparison.Ordinal))
        {
            return $"the database file {Path} was replaced while the app ran; restart the app to serve the new one";
        }

        if (Id is null)
        {
            return null;
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            return Read(connection) == Id ? null : $"the database file {Path} was replaced while the app ran; restart the app to serve the new one";
        }
        catch (SqliteException e)
        {
            return $"the database file {Path} can no longer be read ({e.Message}); restart the app";
        }
    }

    public void Dispose() => _held.Dispose();

    private static string? Read(SqliteConnection connection) => connection.Text(null, "SELECT Value FROM Meta WHERE Key = @k", ("@k", Key));
}

/// <summary>Failures that mean the disk is full, as SQLite, PostgreSQL and the file system report them.</summary>
public static class StorageFull
{
    private const int SqliteFull = 13;
    private const int NoSpace = 28;

    public static bool Is(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteFull,
        Npgsql.PostgresException postgres => postgres.SqlState is "53100",
        IOException io => (io.HResult & 0xFFFF) == NoSpace || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase),
        _ => exception.InnerException is { } inner && Is(inner),
    };
}
