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

    /// <summary>The id of the newest logged change (0 before any): it grows with every ingest that changed stored rows.</summary>
    public static long LatestChange(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(Id), 0) FROM Changes";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The newest logged change, read on a connection of its own: proves the database can be opened and read.</summary>
    public static long LatestChange(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return LatestChange(connection);
    }

    /// <summary>The changes logged after <paramref name="afterId"/>, oldest first, and whether older ones were pruned in between.</summary>
    public static (List<(long Id, string Tag)> Changes, bool Gap) ChangesAfter(SqliteConnection connection, long afterId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Tag FROM Changes WHERE Id > $after ORDER BY Id";
        command.Parameters.AddWithValue("$after", afterId);
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
    public static IEnumerable<DateOnly> Neighbours(SqliteConnection connection, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(Date) FROM Days WHERE Date < $date UNION ALL SELECT MIN(Date) FROM Days WHERE Date > $date";
        command.Parameters.AddWithValue("$date", date);
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
