using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Core.Data;

/// <summary>
/// The SQLite file by its path: the connection strings to it, whether this process may write it; and, for tests and
/// tools that hold only a connection string, its EF options and migration (<see cref="SqliteDatabase"/> does the work).
/// </summary>
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

    public static DbContextOptions<PapersDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<PapersDbContext>().UseSqlite(connectionString).Options;

    /// <summary>Migrates the file <paramref name="connectionString"/> names (<see cref="SqliteDatabase.Migrate"/>).</summary>
    public static void Migrate(string connectionString) => new SqliteDatabase(connectionString).Migrate();
}
