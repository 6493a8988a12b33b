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
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteCommand _touchFile;
    private readonly SqliteCommand _insertFile;
    private readonly SqliteCommand _updateFile;
    private readonly SqliteCommand _deleteDays;
    private readonly SqliteCommand _insertDay;
    private readonly SqliteCommand _findPaper;
    private readonly SqliteCommand _insertPaper;
    private readonly SqliteCommand _updatePaper;
    private readonly SqliteCommand _deletePaperAuthors;
    private readonly SqliteCommand _insertPaperAuthor;
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
        _findPaper = Prepare("SELECT p.Id, d.Date FROM Papers p LEFT JOIN Days d ON d.Id = p.ContentDayId WHERE p.ArxivId = $arxiv", "$arxiv");
        const string paperColumns = "ArxivVersion, Title, ThumbnailUrl, VideoUrl, VideoPosterUrl, SummaryMarkdown, SummaryHtml, AuthorsTruncated, ContentDayId, Line";
        string[] paperParameters = ["$version", "$title", "$thumbnail", "$video", "$poster", "$summary", "$summaryHtml", "$truncated", "$day", "$line"];
        _insertPaper = Prepare(
            $"INSERT INTO Papers (ArxivId, {paperColumns}) VALUES ($arxiv, {string.Join(", ", paperParameters)}) RETURNING Id",
            ["$arxiv", .. paperParameters]);
        _updatePaper = Prepare(
            $"UPDATE Papers SET {string.Join(", ", paperColumns.Split(", ").Zip(paperParameters, (c, p) => $"{c} = {p}"))} WHERE Id = $id",
            [.. paperParameters, "$id"]);
        _deletePaperAuthors = Prepare("DELETE FROM PaperAuthors WHERE PaperId = $paper", "$paper");
        _insertPaperAuthor = Prepare("INSERT INTO PaperAuthors (PaperId, Position, AuthorId) VALUES ($paper, $position, $author)", "$paper", "$position", "$author");
        _insertAuthor = Prepare("INSERT INTO Authors (Key, Name, FoldedName, Slug) VALUES ($key, $name, $folded, $slug) RETURNING Id", "$key", "$name", "$folded", "$slug");
        _insertAppearance = Prepare("INSERT INTO Appearances (DayId, PaperId, Rank, Votes) VALUES ($day, $paper, $rank, $votes)", "$day", "$paper", "$rank", "$votes");
    }

    public void Touch(int fileId, long length, DateTime lastWriteUtc)
    {
        Run(_touchFile, null, length, lastWriteUtc, fileId);
    }

    /// <summary>Replaces everything stored from one file with its newly parsed days, in one transaction.</summary>
    public int ReplaceFile(int? storedId, string path, string hash, FileInfo info, bool hasErrors, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<ParsedDay> days, CancellationToken cancellationToken)
    {
        using var transaction = _connection.BeginTransaction();
        var warnings = diagnostics.Count == 0 ? null : string.Join('\n', diagnostics);
        var now = DateTime.UtcNow;
        int fileId;
        if (storedId is { } id)
        {
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
            var notesHtml = day.NotesMarkdown is null ? null : SummaryRenderer.ToHtml(day.NotesMarkdown);
            var dayId = Insert(_insertDay, transaction, day.Date, fileId, day.Line, day.NotesMarkdown, notesHtml);
            foreach (var paper in day.Papers)
            {
                var paperId = StorePaper(transaction, dayId, day.Date, paper);
                Run(_insertAppearance, transaction, dayId, paperId, paper.Rank, paper.Votes);
            }
        }

        transaction.Commit();
        return fileId;
    }

    /// <summary>Gives a paper the content of another day that lists it.</summary>
    public void RefreshPaper(int paperId, int dayId, ParsedPaper paper)
    {
        using var transaction = _connection.BeginTransaction();
        UpdatePaper(transaction, paperId, dayId, paper);
        transaction.Commit();
    }

    private int StorePaper(SqliteTransaction transaction, int dayId, DateOnly date, ParsedPaper paper)
    {
        _findPaper.Transaction = transaction;
        _findPaper.Parameters[0].Value = paper.ArxivId.Value;
        int? existingId = null;
        DateOnly? contentDate = null;
        using (var reader = _findPaper.ExecuteReader())
        {
            if (reader.Read())
            {
                existingId = reader.GetInt32(0);
                contentDate = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1);
            }
        }

        if (existingId is null)
        {
            var id = Insert(_insertPaper, transaction, [paper.ArxivId.Value, .. PaperValues(dayId, paper)]);
            StoreAuthors(transaction, id, paper);
            return id;
        }

        // The latest day that lists a paper speaks for it.
        if (contentDate is null || contentDate <= date)
        {
            UpdatePaper(transaction, existingId.Value, dayId, paper);
        }

        return existingId.Value;
    }

    private void UpdatePaper(SqliteTransaction transaction, int paperId, int dayId, ParsedPaper paper)
    {
        Run(_updatePaper, transaction, [.. PaperValues(dayId, paper), paperId]);
        Run(_deletePaperAuthors, transaction, paperId);
        StoreAuthors(transaction, paperId, paper);
    }

    private static object?[] PaperValues(int dayId, ParsedPaper paper) =>
    [
        paper.ArxivId.Version,
        paper.Title,
        paper.ThumbnailUrl,
        paper.VideoUrl,
        paper.VideoPosterUrl,
        paper.SummaryMarkdown,
        SummaryRenderer.ToHtml(paper.SummaryMarkdown),
        paper.AuthorsTruncated,
        dayId,
        paper.Line,
    ];

    private void StoreAuthors(SqliteTransaction transaction, int paperId, ParsedPaper paper)
    {
        for (var position = 0; position < paper.Authors.Count; position++)
        {
            var authorId = AuthorId(transaction, paper.Authors[position]);
            Run(_insertPaperAuthor, transaction, paperId, position, authorId);
        }
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
        foreach (var command in _commands)
        {
            command.Dispose();
        }
    }
}
