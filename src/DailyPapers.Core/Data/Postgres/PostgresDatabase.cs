using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DailyPapers.Core.Data.Postgres;

/// <summary>Opens and migrates a PostgreSQL database (<c>DailyPapers:Provider = Postgres</c>).</summary>
public static class PostgresDatabase
{
    // Session-level advisory locks, one key per purpose, taken on a connection of their own: the server frees them when
    // the holder's connection ends, so a node that dies never leaves one held.
    internal const long MigrationLockKey = 0x4461696C7950_01; // "DailyP" + 1
    internal const long IngestLockKey = 0x4461696C7950_02;

    public static DbContextOptions<PostgresPapersDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<PostgresPapersDbContext>().UseNpgsql(connectionString).Options;

    /// <summary>The server and database a connection string names, without its password, for messages.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
    }

    /// <summary>
    /// Applies the pending PostgreSQL migrations. Nodes starting together take turns: each holds an advisory lock while
    /// it migrates, so one applies the migrations and the others, once they get the lock, find nothing left to apply.
    /// A server that cannot be reached or refuses the login fails with <see cref="DatabaseUnusableException"/> naming it.
    /// </summary>
    public static void Migrate(string connectionString)
    {
        var name = Describe(connectionString);
        try
        {
            using var context = new PostgresPapersDbContext(Options(connectionString));
            using var holder = new NpgsqlConnection(connectionString);
            holder.Open();
            AdvisoryLock(holder, MigrationLockKey, take: true);
            try
            {
                if (context.Database.GetPendingMigrations().Any())
                {
                    context.Database.Migrate();
                }
            }
            finally
            {
                AdvisoryLock(holder, MigrationLockKey, take: false);
            }
        }
        catch (NpgsqlException e)
        {
            throw new DatabaseUnusableException(name, $"it cannot be reached or used ({e.Message}). Check ConnectionStrings:Postgres and that the server is running and accepts this user.", e);
        }
        catch (InvalidOperationException e) when (e.InnerException is NpgsqlException inner)
        {
            throw new DatabaseUnusableException(name, $"it cannot be reached or used ({inner.Message}). Check ConnectionStrings:Postgres and that the server is running and accepts this user.", e);
        }
    }

    /// <summary>Subscribes <paramref name="connection"/> to the notices each ingest commit sends (<see cref="Ingestion.ChangeTags.Channel"/>).</summary>
    public static async Task ListenForChangesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = $"LISTEN {Ingestion.ChangeTags.Channel}";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes (waiting as long as it takes) or frees a session-level advisory lock on <paramref name="holder"/>. Freed
    /// explicitly: a pooled connection keeps its session, and with it the lock, until it is next used.
    /// </summary>
    internal static void AdvisoryLock(NpgsqlConnection holder, long key, bool take)
    {
        using var command = holder.CreateCommand();
        command.CommandText = take ? "SELECT pg_advisory_lock(@key)" : "SELECT pg_advisory_unlock(@key)";
        command.CommandTimeout = 0;
        command.Parameters.AddWithValue("key", key);
        command.ExecuteNonQuery();
    }
}
