using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Core.Data;

/// <summary>
/// A SQLite file (<c>DailyPapers:Provider = Sqlite</c>, the default), in WAL mode so pages read while an ingest writes.
/// Its connection strings are made from its path by <see cref="PapersDatabase"/>.
/// </summary>
public sealed class SqliteDatabase : Database
{
    public SqliteDatabase(string connectionString)
        : base(connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        // A read-only database is named by a URI (PapersDatabase.ReadOnlyConnectionString); messages and locks want its path.
        Path = builder.DataSource.StartsWith("file:", StringComparison.Ordinal) ? new Uri(builder.DataSource).LocalPath : builder.DataSource;
        IsReadOnly = builder.Mode == SqliteOpenMode.ReadOnly;
    }

    /// <summary>The file (empty or <c>:memory:</c> for a database that has none).</summary>
    public string Path { get; }

    /// <summary>Opened read-only: this process cannot write the file, so it is served as it is.</summary>
    public bool IsReadOnly { get; }

    public override string Name => Path;

    internal override SqlDialect Dialect => SqlDialect.Sqlite;

    public override DbConnection Connection() => new SqliteConnection(ConnectionString);

    public override DbConnection OpenIngestConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            // Durable at each checkpoint rather than each commit (WAL keeps the file consistent), and a larger page cache.
            // Sorts larger than the cache (an index made over a whole archive's similarity postings) spill to a temporary
            // file, not to memory: held in memory, that sort was 300 MB of a ×100 archive's first ingest.
            connection.Execute(null, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override PapersDbContext NewContext() => new(PapersDatabase.Options(ConnectionString));

    public override void AddContextPool(IServiceCollection services, Action<DbContextOptionsBuilder> configure) =>
        services.AddDbContextPool<PapersDbContext>(o => configure(o.UseSqlite(ConnectionString)));

    internal override IDisposable LockWriters(Action<string>? waiting, Action? held, CancellationToken cancellationToken) =>
        FileLock.Take(Path, cancellationToken, waiting, held);

    /// <summary>SQLite sends no notices: readers poll the change log.</summary>
    public override Task ListenForChangesAsync(Action changed, CancellationToken cancellationToken) =>
        Task.Delay(Timeout.Infinite, cancellationToken);

    public override DatabaseFile? HoldFile() => DatabaseFile.Open(ConnectionString, Path);

    /// <summary>
    /// Creates the file if needed, applies the EF Core migrations that are pending and switches the file to WAL. A database
    /// with nothing to migrate is only read, so a read-only file serves. A file that cannot be used (not a database, another
    /// program's database, unreadable, in a folder that cannot be created) fails with <see cref="DatabaseUnusableException"/>
    /// naming the path and what to do, never a stack trace.
    /// </summary>
    public override void Migrate()
    {
        if (IsReadOnly)
        {
            RequireCurrentSchema();
            return;
        }

        try
        {
            if (!string.IsNullOrEmpty(Path) && Path != ":memory:" && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            using var connection = new SqliteConnection(ConnectionString);
            connection.Open();
            using (var context = NewContext())
            {
                RefuseForeignDatabase(connection);
                if (context.Database.GetPendingMigrations().Any())
                {
                    // Every migrator holds the writers' lock (the OS frees it when its holder dies), so a row left in EF's own
                    // lock table at this point belongs to a migration that was killed: clear it, or Migrate would wait on it.
                    using var writer = LockWriters(CancellationToken.None);
                    ClearStaleMigrationLock(connection);
                    context.Database.Migrate();
                }
            }

            if (!string.Equals(connection.Text(null, "PRAGMA journal_mode"), "wal", StringComparison.OrdinalIgnoreCase))
            {
                connection.Execute(null, "PRAGMA journal_mode = WAL;");
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 /* NOTADB */ or 11 /* CORRUPT */)
        {
            throw new DatabaseUnusableException(Path, $"it is not a SQLite database, or it is damaged ({e.Message}). Move it away and start again: the digests will be ingested into a new one.", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 8 /* READONLY */ or 14 /* CANTOPEN */ or 23 /* AUTH */)
        {
            throw new DatabaseUnusableException(Path, $"it cannot be opened or written ({e.Message}). Check that the file and its folder exist and are writable by this user, or give another path with --DailyPapers:Database.", e);
        }
        catch (WriteLockUnavailableException e)
        {
            throw new DatabaseUnusableException(Path, $"its schema must be brought up to date but {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnusableException(Path, $"its folder cannot be created or reached ({e.Message}). Give a path in a writable folder with --DailyPapers:Database.", e);
        }
    }

    /// <summary>A database opened read-only is served as it is, if this version can read it.</summary>
    private void RequireCurrentSchema()
    {
        try
        {
            using var context = NewContext();
            var pending = context.Database.GetPendingMigrations().ToList();
            if (pending.Count > 0)
            {
                throw new DatabaseUnusableException(Path, $"it is read-only and was written by an older version ({pending.Count} schema migration(s) to apply). Make it writable once so it can be brought up to date, or ingest into a new file.");
            }
        }
        catch (SqliteException e)
        {
            throw new DatabaseUnusableException(Path, $"it is read-only and cannot be read ({e.Message}).", e);
        }
    }

    /// <summary>A database holding tables but none of ours belongs to another program: never write ours into it.</summary>
    private void RefuseForeignDatabase(SqliteConnection connection)
    {
        // EF writes its lock table first thing in a migration, so a file killed at that moment holds it alone: that file is ours.
        var (others, ours) = connection.Query(
            null,
            """
            SELECT (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name <> '__EFMigrationsLock'),
                   (SELECT COUNT(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory')
            """,
            r => (r.GetInt64(0), r.GetInt64(1)))[0];
        if (others > 0 && ours == 0)
        {
            throw new DatabaseUnusableException(Path, "it is a SQLite database of another program (it has tables but none of DailyPapers'). Give DailyPapers a file of its own with --DailyPapers:Database.");
        }
    }

    private static void ClearStaleMigrationLock(SqliteConnection connection)
    {
        if (connection.Number(null, "SELECT COUNT(*) FROM sqlite_master WHERE name = '__EFMigrationsLock'") > 0)
        {
            connection.Execute(null, "DELETE FROM \"__EFMigrationsLock\"");
        }
    }
}
