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

    public static DbContextOptions<PapersDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<PapersDbContext>().UseSqlite(connectionString).Options;

    /// <summary>
    /// Creates the file if needed, applies the EF Core migrations and switches the file to WAL so pages can read while
    /// an ingest writes. Fails loudly: a database that cannot be migrated stops the app.
    /// </summary>
    public static void Migrate(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!string.IsNullOrEmpty(path) && path != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        using (var context = new PapersDbContext(Options(connectionString)))
        {
            context.Database.Migrate();
        }

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }

        Search.SearchIndex.EnsureComplete(connection);
    }

    /// <summary>The data version: it changes whenever an ingest changed stored rows, so caches keyed on it stay true.</summary>
    public static string DataVersion(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Value FROM Meta WHERE Key = 'DataVersion'";
        return command.ExecuteScalar() as string ?? "0";
    }
}
