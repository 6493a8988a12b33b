using System.Data.Common;
using Npgsql;

namespace DailyPapers.Core.Data;

/// <summary>
/// The few places where the ingest's SQL differs between SQLite and PostgreSQL. Everything else is written once: table
/// and column names unquoted (PostgreSQL's are lower case, see <see cref="Postgres.PostgresPapersDbContext"/>),
/// parameters as <c>@name</c>, <c>RETURNING</c> and <c>ON CONFLICT</c>, which both understand. Sets of values travel as
/// one JSON parameter, so a statement binds one value however many rows it touches.
/// </summary>
internal sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(false);
    public static readonly SqlDialect Postgres = new(true);

    private SqlDialect(bool postgres) => IsPostgres = postgres;

    public bool IsPostgres { get; }

    public static SqlDialect Of(DbConnection connection) => connection is NpgsqlConnection ? Postgres : Sqlite;

    /// <summary>A query of one integer column <c>value</c>: the numbers of the JSON array in <paramref name="parameter"/>.</summary>
    public string Ids(string parameter) => IsPostgres
        ? $"SELECT CAST(value AS integer) AS value FROM jsonb_array_elements(CAST({parameter} AS jsonb))"
        : $"SELECT value FROM json_each({parameter})";

    /// <summary>A query of one text column <c>value</c>: the strings of the JSON array in <paramref name="parameter"/>.</summary>
    public string Texts(string parameter) => IsPostgres
        ? $"SELECT value FROM jsonb_array_elements_text(CAST({parameter} AS jsonb))"
        : $"SELECT value FROM json_each({parameter})";

    /// <summary>
    /// A table of the JSON array in <paramref name="parameter"/>: each element as <c>value</c> (read its fields with
    /// <c>value -&gt;&gt; n</c>, which gives text on PostgreSQL: see <see cref="Int"/>) and its 0-based position as <c>key</c>.
    /// </summary>
    public string Rows(string parameter) => IsPostgres
        ? $"(SELECT value, ord - 1 AS key FROM jsonb_array_elements(CAST({parameter} AS jsonb)) WITH ORDINALITY AS e(value, ord)) AS j"
        : $"json_each({parameter})";

    /// <summary>A JSON field read as an integer.</summary>
    public string Int(string expression) => IsPostgres ? $"CAST({expression} AS integer)" : expression;

    /// <summary>A JSON field read as a floating-point number.</summary>
    public string Real(string expression) => IsPostgres ? $"CAST({expression} AS double precision)" : expression;

    /// <summary>A JSON field (yyyy-MM-dd) read as a date; SQLite stores dates as that text already.</summary>
    public string Date(string expression) => IsPostgres ? $"CAST({expression} AS date)" : expression;
}

/// <summary>Parameters for commands of either provider.</summary>
internal static class DbCommandExtensions
{
    public static DbParameter Bind(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
