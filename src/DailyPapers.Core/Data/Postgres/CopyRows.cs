using System.Data.Common;
using Npgsql;

namespace DailyPapers.Core.Data.Postgres;

/// <summary>
/// Rows held back and written to one PostgreSQL table by binary <c>COPY</c> (Npgsql's importer), inside the ingest's
/// transaction: one stream for thousands of rows instead of a round trip per row. The writer flushes them before it
/// reads or deletes anything they could touch, and before it commits.
/// </summary>
internal sealed class CopyRows(string table, params string[] columns)
{
    private readonly List<object?[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params object?[] values)
    {
        if (values.Length != columns.Length)
        {
            throw new ArgumentException($"{table} takes {columns.Length} values, not {values.Length}.", nameof(values));
        }

        _rows.Add(values);
    }

    public void Flush(DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (_rows.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)transaction.Connection!;
        if (_rows.Exists(r => Array.Exists(r, v => v is Words)))
        {
            FlushText(connection);
            return;
        }

        using (var importer = connection.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in _rows)
            {
                importer.StartRow();
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case null:
                            importer.WriteNull();
                            break;
                        case int number:
                            importer.Write(number, NpgsqlTypes.NpgsqlDbType.Integer);
                            break;
                        case bool flag:
                            importer.Write(flag, NpgsqlTypes.NpgsqlDbType.Boolean);
                            break;
                        case double real:
                            importer.Write(real, NpgsqlTypes.NpgsqlDbType.Double);
                            break;
                        case string text:
                            importer.Write(text, NpgsqlTypes.NpgsqlDbType.Text);
                            break;
                        default:
                            throw new ArgumentException($"{table}: no COPY mapping for {value.GetType().Name}.", nameof(transaction));
                    }
                }
            }

            importer.Complete();
        }

        _rows.Clear();
    }

    /// <summary>
    /// Rows holding a <c>tsvector</c> go as text: the server reads the vector as it reads the literal
    /// (<see cref="Search.SearchVector"/>), where the binary format would need the client to parse it.
    /// </summary>
    private void FlushText(NpgsqlConnection connection)
    {
        using (var importer = connection.BeginTextImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN"))
        {
            foreach (var row in _rows)
            {
                importer.Write(string.Join('\t', row.Select(Text)));
                importer.Write('\n');
            }
        }

        _rows.Clear();
    }

    private static string Text(object? value) => value switch
    {
        null => "\\N",
        Words words => Escape(words.Text),
        string text => Escape(text),
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // COPY's text format: backslash, tab, newline and carriage return are written as escapes.
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    /// <summary>A <c>tsvector</c> value, given as its text (<see cref="Search.SearchVector"/>).</summary>
    public sealed record Words(string Text);
}
