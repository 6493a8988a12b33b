using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Core.Data;

/// <summary>
/// The database the app runs on, made once at start-up from the configured provider (<see cref="For"/>): a SQLite file
/// (<see cref="SqliteDatabase"/>) or a PostgreSQL server (<see cref="Postgres.PostgresDatabase"/>). Whatever differs
/// between the two is asked of this one object, so nothing outside Data asks which provider it is: connections, the
/// DbContext, migrations, the writers' lock, change notices and the SQL dialect.
/// </summary>
public abstract class Database
{
    private protected Database(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The file or the server, for messages (never a password).</summary>
    public abstract string Name { get; }

    /// <summary>What the hand-written SQL of the ingest and search writes differently here.</summary>
    internal abstract SqlDialect Dialect { get; }

    /// <summary>The database of <paramref name="provider"/> that <paramref name="connectionString"/> names.</summary>
    public static Database For(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Postgres => new Postgres.PostgresDatabase(connectionString),
        _ => new SqliteDatabase(connectionString),
    };

    /// <summary>A new, closed connection of its own (outside any request's DbContext).</summary>
    public abstract DbConnection Connection();

    /// <summary>An open connection for an ingest, set up for writing many rows in few transactions.</summary>
    public abstract DbConnection OpenIngestConnection();

    /// <summary>A new DbContext on this database, for code that runs outside the app's service container.</summary>
    public abstract PapersDbContext NewContext();

    /// <summary>Registers the app's pooled <see cref="PapersDbContext"/> on this database; <paramref name="configure"/> adds the app's own options.</summary>
    public abstract void AddContextPool(IServiceCollection services, Action<DbContextOptionsBuilder> configure);

    /// <summary>
    /// Applies the pending migrations, nothing more; a database that cannot be used fails with
    /// <see cref="DatabaseUnusableException"/> naming it and what to do.
    /// </summary>
    public abstract void Migrate();

    /// <summary>
    /// Takes the lock that lets one writer at a time write, across processes (and, on a server, across machines), waiting
    /// while another holds it; <paramref name="waiting"/> is told once. The holder's death frees it. Where the lock cannot
    /// live (a read-only folder), <see cref="WriteLockUnavailableException"/>: writing would fail as well.
    /// </summary>
    public IDisposable LockWriters(CancellationToken cancellationToken, Action<string>? waiting = null) => LockWriters(waiting, held: null, cancellationToken);

    /// <param name="held">Called after every try that found the lock held, so tests can count the tries rather than wait on the clock.</param>
    internal abstract IDisposable LockWriters(Action<string>? waiting, Action? held, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="changed"/> when another process commits changes (<see cref="ChangeLog"/>), and once as soon as
    /// it listens, until cancelled. Throws a <see cref="DbException"/> or <see cref="IOException"/> when the connection it
    /// listens on fails. A database that sends no notices only waits: its readers poll the log.
    /// </summary>
    public abstract Task ListenForChangesAsync(Action changed, CancellationToken cancellationToken);

    /// <summary>The database's file, held open to tell when it is deleted or replaced at its path; null for a server.</summary>
    public virtual DatabaseFile? HoldFile() => null;

    /// <summary>The newest logged change, read on a connection of its own: proves the database can be opened and read.</summary>
    public long LatestChange()
    {
        using var connection = Connection();
        connection.Open();
        return ChangeLog.LatestChange(connection);
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
