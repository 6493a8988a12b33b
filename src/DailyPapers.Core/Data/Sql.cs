using System.Data.Common;
using System.Globalization;

namespace DailyPapers.Core.Data;

/// <summary>
/// The one path for hand-written SQL (the ingest's bulk writes, search, the derived tables): statements with
/// <c>@name</c> parameters run on either provider's connection, optionally inside a transaction. A statement run
/// thousands of times is made once as a <see cref="Statement"/> and run with new values.
/// </summary>
internal static class Sql
{
    public static int Execute(this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static int Execute(this DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters) =>
        Execute(transaction.Connection!, transaction, sql, parameters);

    /// <summary>The first column of the first row as a number (0 when there is no row or it is NULL).</summary>
    public static long Number(this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }

    public static long Number(this DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters) =>
        Number(transaction.Connection!, transaction, sql, parameters);

    /// <summary>The first column of the first row as text, or null.</summary>
    public static string? Text(this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Every row, each made by <paramref name="row"/> while the reader stands on it.</summary>
    public static List<T> Query<T>(this DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> row, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return Rows(command, row);
    }

    public static List<T> Query<T>(this DbTransaction transaction, string sql, Func<DbDataReader, T> row, params (string Name, object? Value)[] parameters) =>
        Query(transaction.Connection!, transaction, sql, row, parameters);

    /// <summary>Every row, read without blocking the thread while the server answers (a request's query).</summary>
    public static async Task<List<T>> QueryAsync<T>(this DbConnection connection, string sql, Func<DbDataReader, T> row, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    /// <summary>Makes a statement once, to be run many times with new values for <paramref name="parameters"/>, in that order.</summary>
    public static Statement Prepare(this DbConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Bind(name, null);
        }

        return new Statement(command);
    }

    /// <summary>A JSON array of ids, the one parameter <see cref="SqlDialect.Ids"/> expands.</summary>
    public static string IdList(IEnumerable<int> ids) => "[" + string.Join(',', ids) + "]";

    internal static List<T> Rows<T>(DbCommand command, Func<DbDataReader, T> row)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Bind(name, value);
        }

        return command;
    }
}

/// <summary>A statement made once (<see cref="Sql.Prepare"/>) and run with new values, positionally.</summary>
internal sealed class Statement(DbCommand command) : IDisposable
{
    public int Execute(DbTransaction? transaction, params object?[] values) => Bound(transaction, values).ExecuteNonQuery();

    /// <summary>Runs an <c>INSERT … RETURNING Id</c> and gives the id.</summary>
    public int Insert(DbTransaction? transaction, params object?[] values) =>
        Convert.ToInt32(Bound(transaction, values).ExecuteScalar(), CultureInfo.InvariantCulture);

    public List<T> Query<T>(DbTransaction? transaction, Func<DbDataReader, T> row, params object?[] values) => Sql.Rows(Bound(transaction, values), row);

    /// <summary>A reader over the rows, for callers that stream them.</summary>
    public DbDataReader Read(DbTransaction? transaction, params object?[] values) => Bound(transaction, values).ExecuteReader();

    private DbCommand Bound(DbTransaction? transaction, object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }

    public void Dispose() => command.Dispose();
}
