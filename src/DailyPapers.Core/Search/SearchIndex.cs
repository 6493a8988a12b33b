using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Search;

/// <summary>
/// The write side of full-text search: two FTS5 tables keyed by paper id, kept in step with Papers inside the ingest
/// transaction. <c>SearchTrigram</c> (trigram tokenizer, case- and accent-insensitive) answers terms of three characters
/// or more as substrings; <c>SearchShort</c> (unicode61 over <see cref="SearchText.ShortTermTokens"/>) answers one- and
/// two-character terms. Both are contentless: the text lives in Papers, the tables hold only the index.
/// All SQLite-specific search SQL lives here and in <see cref="PaperSearch"/>.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    internal const string CreateSql = """
        CREATE VIRTUAL TABLE IF NOT EXISTS SearchTrigram USING fts5(title, summary, authors, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1');
        CREATE VIRTUAL TABLE IF NOT EXISTS SearchShort USING fts5(title, summary, authors, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
        """;

    internal const string DropSql = "DROP TABLE IF EXISTS SearchTrigram; DROP TABLE IF EXISTS SearchShort;";

    private readonly SqliteCommand _deleteTrigram;
    private readonly SqliteCommand _deleteShort;
    private readonly SqliteCommand _insertTrigram;
    private readonly SqliteCommand _insertShort;

    public SearchIndex(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _deleteTrigram = Command(connection, "DELETE FROM SearchTrigram WHERE rowid = $id", "$id");
        _deleteShort = Command(connection, "DELETE FROM SearchShort WHERE rowid = $id", "$id");
        _insertTrigram = Command(connection, "INSERT INTO SearchTrigram (rowid, title, summary, authors) VALUES ($id, $title, $summary, $authors)", "$id", "$title", "$summary", "$authors");
        _insertShort = Command(connection, "INSERT INTO SearchShort (rowid, title, summary, authors) VALUES ($id, $title, $summary, $authors)", "$id", "$title", "$summary", "$authors");
    }

    /// <summary>Indexes a paper's current title, summary and authors, replacing what was indexed for it before.</summary>
    public void Put(SqliteTransaction transaction, int paperId, bool isNew, string title, string summary, IReadOnlyList<string> authors)
    {
        ArgumentNullException.ThrowIfNull(authors);
        if (!isNew)
        {
            Run(_deleteTrigram, transaction, paperId);
            Run(_deleteShort, transaction, paperId);
        }

        var names = string.Join(", ", authors);
        Run(_insertTrigram, transaction, paperId, title, summary, names);
        Run(_insertShort, transaction, paperId, SearchText.ShortTermTokens(title), SearchText.ShortTermTokens(summary), names);
    }

    /// <summary>Drops index rows of papers that no longer exist.</summary>
    public static void DeleteMissing(SqliteConnection connection, SqliteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM SearchTrigram WHERE rowid NOT IN (SELECT Id FROM Papers);
            DELETE FROM SearchShort WHERE rowid NOT IN (SELECT Id FROM Papers);
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>Builds the index from Papers when it does not hold every paper (a database from before search, or a damaged index).</summary>
    public static void EnsureComplete(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT (SELECT COUNT(*) FROM Papers) = (SELECT COUNT(*) FROM SearchTrigram) AND (SELECT COUNT(*) FROM Papers) = (SELECT COUNT(*) FROM SearchShort)";
            if (Convert.ToBoolean(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture))
            {
                return;
            }
        }

        using var transaction = connection.BeginTransaction();
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM SearchTrigram; DELETE FROM SearchShort;";
            clear.ExecuteNonQuery();
        }

        var rows = new List<(int Id, string Title, string Summary, List<string> Authors)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = """
                SELECT p.Id, p.Title, p.SummaryMarkdown, a.Name
                FROM Papers p LEFT JOIN PaperAuthors pa ON pa.PaperId = p.Id LEFT JOIN Authors a ON a.Id = pa.AuthorId
                ORDER BY p.Id, pa.Position
                """;
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt32(0);
                if (rows.Count == 0 || rows[^1].Id != id)
                {
                    rows.Add((id, reader.GetString(1), reader.GetString(2), []));
                }

                if (!reader.IsDBNull(3))
                {
                    rows[^1].Authors.Add(reader.GetString(3));
                }
            }
        }

        using var index = new SearchIndex(connection);
        foreach (var row in rows)
        {
            index.Put(transaction, row.Id, isNew: true, row.Title, row.Summary, row.Authors);
        }

        transaction.Commit();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _deleteTrigram.Dispose();
        _deleteShort.Dispose();
        _insertTrigram.Dispose();
        _insertShort.Dispose();
    }
}
