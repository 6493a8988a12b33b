using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Core.Data;

/// <summary>Opens and migrates the SQLite database file.</summary>
public static class PapersDatabase
{
    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        ForeignKeys = true,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// A database this process may only read (a read-only file, folder or mount): opened read-only and immutable, since
    /// SQLite cannot otherwise read a WAL file whose folder takes no <c>-shm</c> file, and nothing can change it anyway.
    /// </summary>
    public static string ReadOnlyConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = new Uri(Path.GetFullPath(databasePath)).AbsoluteUri + "?immutable=1",
        Mode = SqliteOpenMode.ReadOnly,
        ForeignKeys = true,
        Pooling = true,
    }.ToString();

    public static bool IsReadOnly(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString).Mode == SqliteOpenMode.ReadOnly;

    /// <summary>
    /// Whether this process can write the database at <paramref name="databasePath"/>: the file opens for writing and its
    /// folder takes new files (SQLite's <c>-wal</c> and <c>-shm</c>). Probed, not guessed from permission bits, so a
    /// read-only mount or an immutable file counts as read-only for root too.
    /// </summary>
    public static bool CanWrite(string databasePath)
    {
        try
        {
            var full = Path.GetFullPath(databasePath);
            using (new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
            {
            }

            var probe = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.probe");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A new, closed connection to the database of either provider.</summary>
    public static DbConnection Connection(DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Postgres ? new Npgsql.NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    public static DbContextOptions<PapersDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<PapersDbContext>().UseSqlite(connectionString).Options;

    /// <summary>
    /// Creates the file if needed, applies the EF Core migrations that are pending and switches the file to WAL so pages
    /// can read while an ingest writes. A database with nothing to migrate is only read, so a read-only file serves. A file
    /// that cannot be used (not a database, another program's database, unreadable, in a folder that cannot be created)
    /// fails with <see cref="DatabaseUnusableException"/> naming the path and what to do, never a stack trace.
    /// </summary>
    public static void Migrate(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (IsReadOnly(connectionString))
        {
            RequireCurrentSchema(connectionString, path);
            return;
        }

        try
        {
            if (!string.IsNullOrEmpty(path) && path != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            using (var context = new PapersDbContext(Options(connectionString)))
            {
                RefuseForeignDatabase(connectionString, path);
                if (context.Database.GetPendingMigrations().Any())
                {
                    // Every migrator holds the ingest lock (the OS frees it when its holder dies), so a row left in EF's own
                    // lock table at this point belongs to a migration that was killed: clear it, or Migrate would wait on it.
                    using var writer = Ingestion.IngestLock.Acquire(connectionString, CancellationToken.None);
                    ClearStaleMigrationLock(connectionString);
                    context.Database.Migrate();
                }
            }

            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode";
                if (!string.Equals(command.ExecuteScalar() as string, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    command.CommandText = "PRAGMA journal_mode = WAL;";
                    command.ExecuteNonQuery();
                }
            }

            Search.SearchIndex.EnsureComplete(connection);
            Search.TermCounts.EnsureComplete(connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 /* NOTADB */ or 11 /* CORRUPT */)
        {
            throw new DatabaseUnusableException(path, $"it is not a SQLite database, or it is damaged ({e.Message}). Move it away and start again: the digests will be ingested into a new one.", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 8 /* READONLY */ or 14 /* CANTOPEN */ or 23 /* AUTH */)
        {
            throw new DatabaseUnusableException(path, $"it cannot be opened or written ({e.Message}). Check that the file and its folder exist and are writable by this user, or give another path with --DailyPapers:Database.", e);
        }
        catch (Ingestion.IngestRefusedException e)
        {
            throw new DatabaseUnusableException(path, $"its schema must be brought up to date but {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnusableException(path, $"its folder cannot be created or reached ({e.Message}). Give a path in a writable folder with --DailyPapers:Database.", e);
        }
    }

    /// <summary>A database opened read-only is served as it is, if this version can read it.</summary>
    private static void RequireCurrentSchema(string connectionString, string path)
    {
        try
        {
            using var context = new PapersDbContext(Options(connectionString));
            var pending = context.Database.GetPendingMigrations().ToList();
            if (pending.Count > 0)
            {
                throw new DatabaseUnusableException(path, $"it is read-only and was written by an older version ({pending.Count} schema migration(s) to apply). Make it writable once so it can be brought up to date, or ingest into a new file.");
            }
        }
        catch (SqliteException e)
        {
            throw new DatabaseUnusableException(path, $"it is read-only and cannot be read ({e.Message}).", e);
        }
    }

    /// <summary>A database holding tables but none of ours belongs to another program: never write ours into it.</summary>
    private static void RefuseForeignDatabase(string connectionString, string path)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // EF writes its lock table first thing in a migration, so a file killed at that moment holds it alone: that file is ours.
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name <> '__EFMigrationsLock'),
                   (SELECT COUNT(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory')
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        if (reader.GetInt64(0) > 0 && reader.GetInt64(1) == 0)
        {
            throw new DatabaseUnusableException(path, "it is a SQLite database of another program (it has tables but none of DailyPapers'). Give DailyPapers a file of its own with --DailyPapers:Database.");
        }
    }

    private static void ClearStaleMigrationLock(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = '__EFMigrationsLock'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            command.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The id of the newest logged change (0 before any): it grows with every ingest that changed stored rows.</summary>
    public static long LatestChange(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(Id), 0) FROM Changes";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The newest logged change, read on a connection of its own: proves the database can be opened and read.</summary>
    public static long LatestChange(string connectionString, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        using var connection = Connection(provider, connectionString);
        connection.Open();
        return LatestChange(connection);
    }

    /// <summary>The changes logged after <paramref name="afterId"/>, oldest first, and whether older ones were pruned in between.</summary>
    public static (List<(long Id, string Tag)> Changes, bool Gap) ChangesAfter(DbConnection connection, long afterId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Tag FROM Changes WHERE Id > @after ORDER BY Id";
        command.Bind("@after", afterId);
        var changes = new List<(long Id, string Tag)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                changes.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        // Rows after ours were pruned: the log no longer says everything that changed since.
        var gap = changes.Count > 0 && changes[0].Id > afterId + 1 && afterId > 0;
        return (changes, gap);
    }

    /// <summary>The stored days just before and just after a date (each found by one step along the date index).</summary>
    public static IEnumerable<DateOnly> Neighbours(DbConnection connection, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(Date) FROM Days WHERE Date < @date UNION ALL SELECT MIN(Date) FROM Days WHERE Date > @date";
        command.Bind("@date", date);
        var found = new List<DateOnly>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!reader.IsDBNull(0))
            {
                found.Add(reader.GetFieldValue<DateOnly>(0));
            }
        }

        return found;
    }
}

/// <summary>The configured database cannot be used; the message names the file and what to do.</summary>
public sealed class DatabaseUnusableException : Exception
{
    public DatabaseUnusableException()
    {
    }

    public DatabaseUnusableException(string message)
        : base(message)
    {
    }

    public DatabaseUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatabaseUnusableException(string path, string problem, Exception? innerException = null)
        : base($"The database {path} cannot be used: {problem}", innerException)
    {
        Path = path;
    }

    public string? Path { get; }
}
