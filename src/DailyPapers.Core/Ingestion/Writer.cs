using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Ingestion;

/// <summary>The importer's prepared statements: one set per run, reused for every file.</summary>
internal sealed class Writer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, int> _authorIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _slugs = new(StringComparer.Ordinal);

    // Every stored paper by arXiv id, with the day its content came from: one read per run instead of one per paper.
    private readonly Dictionary<string, (int Id, int? ContentDayId, DateOnly? ContentDate)> _papers = new(StringComparer.Ordinal);
    private readonly HashSet<int> _deletedDayIds = [];
    private readonly SqliteCommand _insertPaperAuthors;
    private readonly Search.SearchIndex _search;

    // Files are written in batches: each file's replacement lies whole inside one transaction, and committing every
    // file on its own would rewrite the same index pages into the WAL thousands of times.
    private const int FilesPerCommit = 256;
    private SqliteTransaction? _batch;
    private int _filesInBatch;
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteCommand _touchFile;
    private readonly SqliteCommand _insertFile;
    private readonly SqliteCommand _updateFile;
    private readonly SqliteCommand _deleteDays;
    private readonly SqliteCommand _insertDay;
    private readonly SqliteCommand _dayIdsOfFile;
    private readonly SqliteCommand _insertPaper;
    private readonly SqliteCommand _updatePaper;
    private readonly SqliteCommand _deletePaperAuthors;
    private readonly SqliteCommand _insertAuthor;
    private readonly SqliteCommand _insertAppearance;

    public Writer(SqliteConnection connection)
    {
        _connection = connection;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id, Key, Slug FROM Authors";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _authorIds[reader.GetString(1)] = reader.GetInt32(0);
                _slugs.Add(reader.GetString(2));
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT p.Id, p.ArxivId, p.ContentDayId, d.Date FROM Papers p LEFT JOIN Days d ON d.Id = p.ContentDayId";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _papers[reader.GetString(1)] = (reader.GetInt32(0), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3));
            }
        }

        _search = new Search.SearchIndex(connection);
        _touchFile = Prepare("UPDATE SourceFiles SET Length = $length, LastWriteUtc = $lastWrite WHERE Id = $id", "$length", "$lastWrite", "$id");
        _insertFile = Prepare(
            "INSERT INTO SourceFiles (Path, ContentHash, Length, LastWriteUtc, IngestedUtc, HasErrors, Warnings) VALUES ($path, $hash, $length, $lastWrite, $now, $errors, $warnings) RETURNING Id",
            "$path", "$hash", "$length", "$lastWrite", "$now", "$errors", "$warnings");
        _updateFile = Prepare(
            "UPDATE SourceFiles SET ContentHash = $hash, Length = $length, LastWriteUtc = $lastWrite, IngestedUtc = $now, HasErrors = $errors, Warnings = $warnings WHERE Id = $id",
            "$hash", "$length", "$lastWrite", "$now", "$errors", "$warnings", "$id");
        _deleteDays = Prepare("DELETE FROM Days WHERE SourceFileId = $file", "$file");
        _insertDay = Prepare(
            "INSERT INTO Days (Date, SourceFileId, Line, NotesMarkdown, NotesHtml) VALUES ($date, $file, $line, $notes, $notesHtml) RETURNING Id",
            "$date", "$file", "$line", "$notes", "$notesHtml");
        _dayIdsOfFile = Prepare("SELECT Id FROM Days WHERE SourceFileId = $file", "$file");
        const string paperColumns = "ArxivVersion, Title, ThumbnailUrl, VideoUrl, VideoPosterUrl, SummaryMarkdown, SummaryHtml, AuthorsTruncated, ContentDayId, Line";
        string[] paperParameters = ["$version", "$title", "$thumbnail", "$video", "$poster", "$summary", "$summaryHtml", "$truncated", "$day", "$line"];
        _insertPaper = Prepare(
            $"INSERT INTO Papers (ArxivId, {paperColumns}) VALUES ($arxiv, {string.Join(", ", paperParameters)}) RETURNING Id",
            ["$arxiv", .. paperParameters]);
        _updatePaper = Prepare(
            $"UPDATE Papers SET {string.Join(", ", paperColumns.Split(", ").Zip(paperParameters, (c, p) => $"{c} = {p}"))} WHERE Id = $id",
            [.. paperParameters, "$id"]);
        _deletePaperAuthors = Prepare("DELETE FROM PaperAuthors WHERE PaperId = $paper", "$paper");
        _insertPaperAuthors = Prepare(
            "INSERT INTO PaperAuthors (PaperId, Position, AuthorId) SELECT $paper, key, value FROM json_each($authors)",
            "$paper", "$authors");
        _insertAuthor = Prepare("INSERT INTO Authors (Key, Name, FoldedName, Slug) VALUES ($key, $name, $folded, $slug) RETURNING Id", "$key", "$name", "$folded", "$slug");
        _insertAppearance = Prepare("INSERT INTO Appearances (DayId, PaperId, Rank, Votes) VALUES ($day, $paper, $rank, $votes)", "$day", "$paper", "$rank", "$votes");
    }

    public void Touch(int fileId, long length, DateTime lastWriteUtc)
    {
        Run(_touchFile, Batch(), length, lastWriteUtc, fileId);
    }

    /// <summary>Makes everything written so far durable (and visible to readers).</summary>
    public void Commit()
    {
        _batch?.Commit();
        _batch?.Dispose();
        _batch = null;
        _filesInBatch = 0;
    }

    private SqliteTransaction Batch() => _batch ??= _connection.BeginTransaction();

    /// <summary>Removes a vanished file with its days (their appearances cascade; papers whose content they held lose it).</summary>
    public void DeleteFile(int fileId)
    {
        var transaction = Batch();
        ForgetDaysOf(transaction, fileId);
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM SourceFiles WHERE Id = $id";
        command.Parameters.AddWithValue("$id", fileId);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a statement inside the current batch, so it commits with the writes before it.</summary>
    public void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = Batch();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Drops papers no day lists any more, authors of no paper, and their search rows.</summary>
    public void DeleteUnreferencedRows()
    {
        Execute("DELETE FROM Papers WHERE NOT EXISTS (SELECT 1 FROM Appearances a WHERE a.PaperId = Papers.Id);");
        Execute("DELETE FROM Authors WHERE NOT EXISTS (SELECT 1 FROM PaperAuthors pa WHERE pa.AuthorId = Authors.Id);");
        Search.SearchIndex.DeleteMissing(_connection, Batch());
    }

    public void SetMeta(string key, string value) =>
        Execute("INSERT INTO Meta (Key, Value) VALUES ($k, $v) ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value", ("$k", key), ("$v", value));

    /// <summary>Replaces everything stored from one file with its newly parsed days; the change commits whole or not at all.</summary>
    public int ReplaceFile(int? storedId, string path, string hash, FileInfo info, bool hasErrors, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<ParsedDay> days, CancellationToken cancellationToken)
    {
        var transaction = Batch();
        var warnings = diagnostics.Count == 0 ? null : string.Join('\n', diagnostics);
        var now = DateTime.UtcNow;
        int fileId;
        if (storedId is { } id)
        {
            ForgetDaysOf(transaction, id);
            Run(_deleteDays, transaction, id);
            Run(_updateFile, transaction, hash, info.Length, info.LastWriteTimeUtc, now, hasErrors, warnings, id);
            fileId = id;
        }
        else
        {
            fileId = Insert(_insertFile, transaction, path, hash, info.Length, info.LastWriteTimeUtc, now, hasErrors, warnings);
        }

        foreach (var day in days)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Notes that render to nothing (link reference definitions) keep their markdown but show no box.
            var notesHtml = day.NotesMarkdown is null ? null : SummaryRenderer.ToHtml(day.NotesMarkdown);
            notesHtml = string.IsNullOrWhiteSpace(notesHtml) ? null : notesHtml;
            var dayId = Insert(_insertDay, transaction, day.Date, fileId, day.Line, day.NotesMarkdown, notesHtml);
            foreach (var paper in day.Papers)
            {
                var paperId = StorePaper(transaction, dayId, day.Date, paper);
                Run(_insertAppearance, transaction, dayId, paperId, paper.Rank, paper.Votes);
            }
        }

        if (++_filesInBatch >= FilesPerCommit)
        {
            Commit();
        }

        return fileId;
    }

    /// <summary>Gives a paper the content of another day that lists it.</summary>
    public void RefreshPaper(int paperId, int dayId, DateOnly date, ParsedPaper paper)
    {
        UpdatePaper(Batch(), paperId, dayId, paper);
        _papers[paper.ArxivId.Value] = (paperId, dayId, date);
    }

    private int StorePaper(SqliteTransaction transaction, int dayId, DateOnly date, ParsedPaper paper)
    {
        if (!_papers.TryGetValue(paper.ArxivId.Value, out var stored))
        {
            var id = Insert(_insertPaper, transaction, [paper.ArxivId.Value, .. PaperValues(dayId, paper)]);
            StoreAuthors(transaction, id, paper);
            _search.Put(transaction, id, isNew: true, paper.Title, paper.SummaryMarkdown, paper.Authors);
            _papers[paper.ArxivId.Value] = (id, dayId, date);
            return id;
        }

        // The latest day that lists a paper speaks for it; a day deleted in this run no longer does (its FK went null).
        var contentDate = stored.ContentDayId is { } contentDay && _deletedDayIds.Contains(contentDay) ? null : stored.ContentDate;
        if (contentDate is null || contentDate <= date)
        {
            UpdatePaper(transaction, stored.Id, dayId, paper);
            _papers[paper.ArxivId.Value] = (stored.Id, dayId, date);
        }

        return stored.Id;
    }

    private void ForgetDaysOf(SqliteTransaction transaction, int fileId)
    {
        _dayIdsOfFile.Transaction = transaction;
        _dayIdsOfFile.Parameters[0].Value = fileId;
        using var reader = _dayIdsOfFile.ExecuteReader();
        while (reader.Read())
        {
            _deletedDayIds.Add(reader.GetInt32(0));
        }
    }

    private void UpdatePaper(SqliteTransaction transaction, int paperId, int dayId, ParsedPaper paper)
    {
        Run(_updatePaper, transaction, [.. PaperValues(dayId, paper), paperId]);
        Run(_deletePaperAuthors, transaction, paperId);
        StoreAuthors(transaction, paperId, paper);
        _search.Put(transaction, paperId, isNew: false, paper.Title, paper.SummaryMarkdown, paper.Authors);
    }

    private static object?[] PaperValues(int dayId, ParsedPaper paper) =>
    [
        paper.ArxivId.Version,
        paper.Title,
        paper.ThumbnailUrl,
        paper.VideoUrl,
        paper.VideoPosterUrl,
        paper.SummaryMarkdown,
        paper.SummaryHtml,
        paper.AuthorsTruncated,
        dayId,
        paper.Line,
    ];

    /// <summary>
    /// One statement per paper: the author ids travel as one JSON array that SQLite expands with json_each, which
    /// binds a single parameter instead of three per author.
    /// </summary>
    private void StoreAuthors(SqliteTransaction transaction, int paperId, ParsedPaper paper)
    {
        if (paper.Authors.Count == 0)
        {
            return;
        }

        var ids = new System.Text.StringBuilder("[");
        foreach (var name in paper.Authors)
        {
            ids.Append(AuthorId(transaction, name)).Append(',');
        }

        ids[^1] = ']';
        Run(_insertPaperAuthors, transaction, paperId, ids.ToString());
    }

    private int AuthorId(SqliteTransaction transaction, string name)
    {
        var key = AuthorNames.Key(name);
        if (_authorIds.TryGetValue(key, out var id))
        {
            return id;
        }

        var slug = AuthorNames.Slug(name);
        for (var n = 2; !_slugs.Add(slug); n++)
        {
            slug = $"{AuthorNames.Slug(name)}-{n}";
        }

        id = Insert(_insertAuthor, transaction, key, name, AuthorNames.Fold(name), slug);
        _authorIds[key] = id;
        return id;
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        _commands.Add(command);
        return command;
    }

    private static void Bind(SqliteCommand command, SqliteTransaction? transaction, object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static void Run(SqliteCommand command, SqliteTransaction? transaction, params object?[] values)
    {
        Bind(command, transaction, values);
        command.ExecuteNonQuery();
    }

    private static int Insert(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
    {
        Bind(command, transaction, values);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        // A batch still open here was interrupted (cancellation or a database failure): it rolls back whole.
        _batch?.Dispose();
        foreach (var command in _commands)
        {
            command.Dispose();
        }

        _search.Dispose();
    }
}
