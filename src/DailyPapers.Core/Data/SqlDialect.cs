using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace DailyPapers.Core.Data;

/// <summary>
/// The few places where hand-written SQL (the ingest's, the search's) differs between SQLite and PostgreSQL. Everything
/// else is written once: table and column names unquoted (PostgreSQL's are lower case, see
/// <see cref="Postgres.PostgresPapersDbContext"/>), parameters as <c>@name</c>, <c>RETURNING</c> and <c>ON CONFLICT</c>,
/// which both understand. Sets of values travel as one JSON parameter, so a statement binds one value however many rows
/// it touches.
/// </summary>
internal sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(false);
    public static readonly SqlDialect Postgres = new(true);

    private SqlDialect(bool postgres) => IsPostgres = postgres;

    public bool IsPostgres { get; }

    /// <summary>The dialect of the database <paramref name="connection"/> belongs to (its <see cref="Database.Dialect"/>).</summary>
    public static SqlDialect Of(DbConnection connection) => connection is NpgsqlConnection ? Postgres : Sqlite;

    /// <summary>
    /// Rows to write to <paramref name="table"/> in bulk where the database has a faster path than a statement per row
    /// (PostgreSQL's binary <c>COPY</c>, a round trip for thousands of rows); null where prepared statements are that
    /// path already (SQLite, in the process).
    /// </summary>
    public Postgres.CopyRows? BulkRows(string table, params string[] columns) => IsPostgres ? new Postgres.CopyRows(table, columns) : null;

    /// <summary>The full-text index the database keeps, for the search to ask it in its own syntax.</summary>
    public FullTextIndex FullText => IsPostgres ? FullTextIndex.TsVector : FullTextIndex.Fts5;

    /// <summary>
    /// Tells the web nodes, as <paramref name="transaction"/> commits, that it logged changes (<see cref="ChangeLog"/>).
    /// SQLite has no notices: its readers poll the log.
    /// </summary>
    public void NotifyChanges(DbTransaction transaction)
    {
        if (IsPostgres)
        {
            transaction.Execute($"NOTIFY {ChangeLog.Channel}");
        }
    }

    /// <summary>The first day of the month of a date, <paramref name="monthsLater"/> months on (back, if negative), as a date.</summary>
    public string StartOfMonth(string date, int monthsLater = 0)
    {
        if (IsPostgres)
        {
            var later = monthsLater == 0 ? "" : $" + interval '{monthsLater.ToString(CultureInfo.InvariantCulture)} months'";
            return $"CAST(date_trunc('month', {date}){later} AS date)";
        }

        var shift = monthsLater == 0 ? "" : $", '{monthsLater.ToString("+0;-0", CultureInfo.InvariantCulture)} months'";
        return $"date({date}, 'start of month'{shift})";
    }

    /// <summary>A date's year and month as text (yyyy-MM).</summary>
    public string YearMonth(string date) => IsPostgres ? $"to_char({date}, 'YYYY-MM')" : $"substr({date}, 1, 7)";

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
        ? $"(SELECT value, ord - 1 AS key FROM jsonb_array_elements({Json(parameter)}) WITH ORDINALITY AS e(value, ord)) AS j"
        : $"json_each({Json(parameter)})";

    /// <summary>The JSON of a parameter bound as its UTF-8 bytes (<see cref="JsonRows"/>), read as JSON.</summary>
    public string Json(string parameter) => IsPostgres ? $"CAST(convert_from({parameter}, 'UTF8') AS jsonb)" : $"CAST({parameter} AS TEXT)";

    /// <summary>
    /// Reads a table through the named index: SQLite's planner goes to the row for a key lookup even where an index holds
    /// every column read, and a row's columns past its long texts are on overflow pages. PostgreSQL chooses for itself.
    /// </summary>
    public string IndexedBy(string index) => IsPostgres ? "" : $"INDEXED BY {index}";

    /// <summary>A JSON field read as an integer.</summary>
    public string Int(string expression) => IsPostgres ? $"CAST({expression} AS integer)" : expression;

    /// <summary>A JSON field read as a boolean (SQLite reads JSON's true and false as 1 and 0 already).</summary>
    public string Bool(string expression) => IsPostgres ? $"CAST({expression} AS boolean)" : expression;

    /// <summary>A JSON field read as a floating-point number.</summary>
    public string Real(string expression) => IsPostgres ? $"CAST({expression} AS double precision)" : expression;

    /// <summary>A JSON field (yyyy-MM-dd) read as a date; SQLite stores dates as that text already.</summary>
    public string Date(string expression) => IsPostgres ? $"CAST({expression} AS date)" : expression;
}

/// <summary>The kinds of full-text index: FTS5 tables on SQLite, <c>tsvector</c> columns under GIN indexes on PostgreSQL.</summary>
internal enum FullTextIndex
{
    Fts5,
    TsVector,
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
