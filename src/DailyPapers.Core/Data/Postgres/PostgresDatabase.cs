using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DailyPapers.Core.Data.Postgres;

/// <summary>A PostgreSQL database (<c>DailyPapers:Provider = Postgres</c>), one server shared by several web nodes.</summary>
public sealed class PostgresDatabase : Database
{
    // Session-level advisory locks, one key per purpose, each taken on a connection of its own (AdvisoryLock).
    private const long MigrationLockKey = 0x4461696C7950_01; // "DailyP" + 1
    private const long WritersLockKey = 0x4461696C7950_02;

    /// <exception cref="ArgumentException">The text is not a PostgreSQL connection string.</exception>
    public PostgresDatabase(string connectionString)
        : base(connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Name = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
    }

    public override string Name { get; }

    internal override SqlDialect Dialect => SqlDialect.Postgres;

    /// <summary>
    /// The database as web nodes use it: every page runs the same few queries, so each is prepared on the server once per
    /// connection, unless the operator's connection string says otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not a PostgreSQL connection string.</exception>
    public static PostgresDatabase ForWebNodes(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 256;
            builder.AutoPrepareMinUsages = 2;
            connectionString = builder.ConnectionString;
        }

        return new PostgresDatabase(connectionString);
    }

    public static DbContextOptions<PostgresPapersDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<PostgresPapersDbContext>().UseNpgsql(connectionString).Options;

    public override DbConnection Connection() => new NpgsqlConnection(ConnectionString);

    public override DbConnection OpenIngestConnection()
    {
        // The ingest's statements, run thousands of times, are prepared on the server after their second use.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override PapersDbContext NewContext() => new PostgresPapersDbContext(Options(ConnectionString));

    public override void AddContextPool(IServiceCollection services, Action<DbContextOptionsBuilder> configure) =>
        services.AddDbContextPool<PapersDbContext, PostgresPapersDbContext>(o => configure(o.UseNpgsql(ConnectionString)));

    /// <summary>
    /// A session-level advisory lock held on a connection of its own, so one node or command writes at a time across every
    /// machine sharing the server; the server frees it if the holder's connection drops.
    /// </summary>
    internal override IDisposable LockWriters(Action<string>? waiting, Action? held, CancellationToken cancellationToken) =>
        AdvisoryLock.Take(ConnectionString, WritersLockKey, cancellationToken, () => waiting?.Invoke($"another ingest is writing to the {Name}; waiting for it to finish"), held);

    /// <summary>
    /// Applies the pending PostgreSQL migrations. Nodes starting together take turns: each holds an advisory lock while
    /// it migrates, so one applies the migrations and the others, once they get the lock, find nothing left to apply.
    /// A server that cannot be reached or refuses the login fails with <see cref="DatabaseUnusableException"/> naming it.
    /// </summary>
    public override void Migrate()
    {
        try
        {
            using var context = NewContext();
            using var turn = AdvisoryLock.Take(ConnectionString, MigrationLockKey, CancellationToken.None);
            if (context.Database.GetPendingMigrations().Any())
            {
                context.Database.Migrate();
            }
        }
        catch (NpgsqlException e)
        {
            throw new DatabaseUnusableException(Name, $"it cannot be reached or used ({e.Message}). Check ConnectionStrings:Postgres and that the server is running and accepts this user.", e);
        }
        catch (InvalidOperationException e) when (e.InnerException is NpgsqlException inner)
        {
            throw new DatabaseUnusableException(Name, $"it cannot be reached or used ({inner.Message}). Check ConnectionStrings:Postgres and that the server is running and accepts this user.", e);
        }
    }

    /// <summary>Listens for the notice each ingest commit sends (<see cref="ChangeLog.Channel"/>) on a connection of its own.</summary>
    public override async Task ListenForChangesAsync(Action changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        connection.Notification += (_, _) => changed();
        connection.Execute(null, $"LISTEN {ChangeLog.Channel}");

        // Changes committed while the connection was being made are caught by the read this asks for.
        changed();
        while (true)
        {
            await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
