using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;
using System.Data.Common;

namespace DailyPapers.Core.Ingestion;

/// <summary>The importer's prepared statements: one set per run, reused for every file.</summary>
internal sealed class Writer : IDisposable
{
    private readonly DbConnection _connection;
    private readonly SqlDialect _sql;
    private readonly Dictionary<string, int> _authorIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _slugs = new(StringComparer.Ordinal);

    // Every stored paper by arXiv id, and the day whose listing its content is: one read per run instead of one per paper.
    private readonly Dictionary<string, int> _paperIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int?> _contentDays = [];
    private readonly DbCommand _listingsOfPapers;

    // What this run wrote or unlinked: the stored listing columns (latest date, top votes, paper counts) are refreshed
    // for these rows at each commit, and only these can have become unreferenced, so no step ever walks the archive.
    private readonly HashSet<int> _batchPapers = [];
    private readonly HashSet<int> _contentPending = [];
    private readonly HashSet<int> _batchAuthors = [];
    private readonly HashSet<int> _runPapers = [];
    private readonly HashSet<int> _runAuthors = [];
    private readonly HashSet<string> _batchTags = new(StringComparer.Ordinal);
    private readonly DbCommand _refreshPapers;
    private readonly DbCommand _refreshAuthors;
    private readonly DbCommand _papersOfFile;
    // SQLite's trigram table of author names; PostgreSQL indexes Authors.FoldedName itself (pg_trgm), so needs neither.
    private readonly DbCommand? _indexAuthor;
    private readonly DbCommand? _unindexAuthor;
    private readonly DbCommand _insertPaperAuthors;
    private readonly Search.SearchIndex _search;
    private readonly Search.TermCounts _terms;

    // Files are written in batches: each file's replacement lies whole inside one transaction, and committing every
    // file on its own would rewrite the same index pages into the WAL thousands of times.
    private const int FilesPerCommit = 256;
    private DbTransaction? _batch;
    private int _filesInBatch;
    private bool _pendingMarked;
    private readonly List<DbCommand> _commands = [];
    private readonly DbCommand _touchFile;
    private readonly DbCommand _insertFile;
    private readonly DbCommand _updateFile;
    private readonly DbCommand _deleteDays;
    private readonly DbCommand _insertDay;
    private readonly DbCommand _dayIdsOfFile;
    private readonly DbCommand _insertPaper;
    private readonly DbCommand _updatePaper;
    private readonly DbCommand _deletePaperAuthors;
    private readonly DbCommand _insertAuthor;
    private readonly DbCommand _insertAppearance;

    // PostgreSQL: listings written by COPY (binary) at the next flush, before anything reads or deletes them.
    private readonly Data.Postgres.CopyRows? _appearances;
    private readonly Data.Postgres.CopyRows? _paperAuthors;

    public Writer(DbConnection connection)
    {
        _connection = connection;
        _sql = SqlDialect.Of(connection);
        if (_sql.IsPostgres)
        {
            _appearances = new Data.Postgres.CopyRows(
                "Appearances", "DayId", "PaperId", "Position", "Votes", "Title", "ThumbnailUrl", "VideoUrl", "VideoPosterUrl", "SummaryMarkdown",
                "SummaryHtml", "AuthorsTruncated", "Line", "Authors", "ArxivVersion", "TitleHtml", "SummaryText");
            _paperAuthors = new Data.Postgres.CopyRows("PaperAuthors", "PaperId", "Position", "AuthorId", "Name");
        }
        using (var command = connection.CreateCommand())
        {
            // Keys are computed again from the names, so a database keyed by an older rule still finds every author.
            command.CommandText = "SELECT Id, Name, Slug FROM Authors ORDER BY Id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _authorIds.TryAdd(AuthorNames.Key(reader.GetString(1)), reader.GetInt32(0));
                _slugs.Add(reader.GetString(2));
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id, ArxivId, ContentDayId FROM Papers";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _paperIds[reader.GetString(1)] = reader.GetInt32(0);
                _contentDays[reader.GetInt32(0)] = reader.IsDBNull(2) ? null : reader.GetInt32(2);
            }
        }

        _search = new Search.SearchIndex(connection);
        _terms = new Search.TermCounts(connection);
        _touchFile = Prepare("UPDATE SourceFiles SET Length = @length, LastWriteUtc = @lastWrite WHERE Id = @id", "@length", "@lastWrite", "@id");
        _insertFile = Prepare(
            "INSERT INTO SourceFiles (Path, ContentHash, Length, LastWriteUtc, IngestedUtc, HasErrors, Warnings) VALUES (@path, @hash, @length, @lastWrite, @now, @errors, @warnings) RETURNING Id",
            "@path", "@hash", "@length", "@lastWrite", "@now", "@errors", "@warnings");
        _updateFile = Prepare(
            "UPDATE SourceFiles SET ContentHash = @hash, Length = @length, LastWriteUtc = @lastWrite, IngestedUtc = @now, HasErrors = @errors, Warnings = @warnings WHERE Id = @id",
            "@hash", "@length", "@lastWrite", "@now", "@errors", "@warnings", "@id");
        _deleteDays = Prepare("DELETE FROM Days WHERE SourceFileId = @file", "@file");
        _insertDay = Prepare(
            "INSERT INTO Days (Date, SourceFileId, Line, NotesMarkdown, NotesHtml, PaperCount) VALUES (@date, @file, @line, @notes, @notesHtml, @count) RETURNING Id",
            "@date", "@file", "@line", "@notes", "@notesHtml", "@count");
        if (!_sql.IsPostgres)
        {
            _indexAuthor = Prepare(Search.AuthorIndex.InsertSql, "@id", "@name");
            _unindexAuthor = Prepare(Search.AuthorIndex.DeleteSql, "@id");
        }
        _papersOfFile = Prepare("SELECT a.PaperId FROM Days d JOIN Appearances a ON a.DayId = d.Id WHERE d.SourceFileId = @file", "@file");
        _refreshPapers = Prepare(
            $"""
            UPDATE Papers SET
                LatestDate = (SELECT MAX(d.Date) FROM Appearances a JOIN Days d ON d.Id = a.DayId WHERE a.PaperId = Papers.Id),
                TopVotes = (SELECT MAX(a.Votes) FROM Appearances a WHERE a.PaperId = Papers.Id)
            WHERE Id IN ({_sql.Ids("@ids")})
            """,
            "@ids");
        _refreshAuthors = Prepare(
            $"""
            UPDATE Authors SET
                PaperCount = (SELECT COUNT(*) FROM PaperAuthors pa WHERE pa.AuthorId = Authors.Id),
                VoteCount = (SELECT COALESCE(SUM(p.TopVotes), 0) FROM PaperAuthors pa JOIN Papers p ON p.Id = pa.PaperId WHERE pa.AuthorId = Authors.Id),
                Name = COALESCE((
                    SELECT pa.Name FROM PaperAuthors pa JOIN Papers p ON p.Id = pa.PaperId WHERE pa.AuthorId = Authors.Id
                    GROUP BY pa.Name ORDER BY COUNT(*) DESC, MAX(p.LatestDate) DESC, pa.Name LIMIT 1), Name)
            WHERE Id IN ({_sql.Ids("@ids")})
            """,
            "@ids");
        _dayIdsOfFile = Prepare("SELECT Date FROM Days WHERE SourceFileId = @file", "@file");
        _insertPaper = Prepare(
            $"INSERT INTO Papers (ArxivId, {ContentColumns}) VALUES (@arxiv, {string.Join(", ", ContentParameters)}) RETURNING Id",
            ["@arxiv", .. ContentParameters]);
        _updatePaper = Prepare(
            $"UPDATE Papers SET {string.Join(", ", ContentColumns.Split(", ").Zip(ContentParameters, (c, p) => $"{c} = {p}"))} WHERE Id = @id",
            [.. ContentParameters, "@id"]);
        // A paper's content is its best listing's: one with a summary, then one with authors, then the latest.
        _listingsOfPapers = Prepare(
            $"""
            SELECT a.PaperId, a.DayId, a.Title, a.ThumbnailUrl, a.VideoUrl, a.VideoPosterUrl, a.SummaryMarkdown, a.SummaryHtml, a.AuthorsTruncated, a.Line, a.Authors, a.ArxivVersion, a.TitleHtml, a.SummaryText
            FROM Appearances a JOIN Days d ON d.Id = a.DayId
            WHERE a.PaperId IN ({_sql.Ids("@ids")})
            ORDER BY a.PaperId, a.SummaryMarkdown <> '' DESC, a.Authors <> '[]' DESC, d.Date DESC
            """,
            "@ids");
        _deletePaperAuthors = Prepare("DELETE FROM PaperAuthors WHERE PaperId = @paper RETURNING AuthorId", "@paper");
        _insertPaperAuthors = Prepare(
            $"INSERT INTO PaperAuthors (PaperId, Position, AuthorId, Name) SELECT @paper, key, {_sql.Int("value ->> 0")}, value ->> 1 FROM {_sql.Rows("@authors")}",
            "@paper", "@authors");
        _insertAuthor = Prepare("INSERT INTO Authors (Key, Name, FoldedName, Slug, PaperCount, VoteCount) VALUES (@key, @name, @folded, @slug, 0, 0) RETURNING Id", "@key", "@name", "@folded", "@slug");
        _insertAppearance = Prepare(
            """
            INSERT INTO Appearances (DayId, PaperId, Position, Votes, Title, ThumbnailUrl, VideoUrl, VideoPosterUrl, SummaryMarkdown, SummaryHtml, AuthorsTruncated, Line, Authors, ArxivVersion, TitleHtml, SummaryText)
            VALUES (@day, @paper, @position, @votes, @title, @thumbnail, @video, @poster, @summary, @summaryHtml, @truncated, @line, @authors, @version, @titleHtml, @summaryText)
            """,
            "@day", "@paper", "@position", "@votes", "@title", "@thumbnail", "@video", "@poster", "@summary", "@summaryHtml", "@truncated", "@line", "@authors", "@version", "@titleHtml", "@summaryText");
    }

    public void Touch(int fileId, long length, DateTime lastWriteUtc)
    {
        Run(_touchFile, Batch(), length, lastWriteUtc, fileId);
    }

    /// <summary>Makes everything written so far durable (and visible to readers), with its listing columns up to date.</summary>
    public void Commit()
    {
        if (_batch is not null)
        {
            RefreshListingColumns(_batch);
            _search.Flush(_batch);
        }

        _batch?.Commit();
        _batch?.Dispose();
        _batch = null;
        _filesInBatch = 0;
        _pendingMarked = false;
    }

    private DbTransaction Batch() => _batch ??= _connection.BeginTransaction();

    /// <summary>Removes a vanished file with its days (their appearances cascade; papers whose content they held lose it).</summary>
    public void DeleteFile(int fileId)
    {
        var transaction = Batch();
        ForgetDaysOf(transaction, fileId);
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM SourceFiles WHERE Id = @id";
        command.Bind("@id", fileId);
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
            command.Bind(name, value);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Drops papers no day lists any more, authors of no paper, and their search rows, among the rows this run touched
    /// or a stopped run marked; settles similar papers and term counts (<see cref="SettlePending"/>); then stores the
    /// paper and author totals.
    /// </summary>
    public void DeleteUnreferencedRows()
    {
        var transaction = Batch();
        // A run stopped after a batch that unlisted a paper left it marked: it is a candidate for deletion like this run's.
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT PaperId FROM PendingSimilarity";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _runPapers.Add(reader.GetInt32(0));
            }
        }

        // Papers of the last batch settle their content first: an author it no longer names is then unreferenced.
        RefreshContent(transaction);

        var papers = IdList(_runPapers);
        using (var command = _connection.CreateCommand())
        {
            // Their authors lose a paper, or the paper goes with them: either way their counts change.
            command.Transaction = transaction;
            command.CommandText = $"SELECT AuthorId FROM PaperAuthors WHERE PaperId IN ({_sql.Ids("@ids")})";
            command.Bind("@ids", papers);
            ReadIds(command, _runAuthors, _batchAuthors);
        }

        var deleted = new List<int>();
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM Papers WHERE Id IN ({_sql.Ids("@ids")}) AND NOT EXISTS (SELECT 1 FROM Appearances a WHERE a.PaperId = Papers.Id) RETURNING Id, ArxivId";
            command.Bind("@ids", papers);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                deleted.Add(reader.GetInt32(0));
                _batchTags.Add(ChangeTags.Paper(reader.GetString(1)));
            }
        }

        _search.Delete(transaction, deleted);
        SettlePending(transaction);
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM Authors WHERE Id IN ({_sql.Ids("@ids")}) AND NOT EXISTS (SELECT 1 FROM PaperAuthors pa WHERE pa.AuthorId = Authors.Id) RETURNING Id, Slug";
            command.Bind("@ids", IdList(_runAuthors));
            var gone = new List<int>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    gone.Add(reader.GetInt32(0));
                    _batchTags.Add(ChangeTags.Author(reader.GetString(1)));
                }
            }

            foreach (var id in gone)
            {
                if (_unindexAuthor is not null)
                {
                    Run(_unindexAuthor, transaction, id);
                }
            }
        }

        // The all-time ranking and the author list page through every row; they read the totals here instead of counting.
        Execute("INSERT INTO Meta (Key, Value) SELECT 'PaperCount', CAST(COUNT(*) AS TEXT) FROM Papers WHERE true ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value");
        Execute("INSERT INTO Meta (Key, Value) SELECT 'AuthorCount', CAST(COUNT(*) AS TEXT) FROM Authors WHERE true ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value");
    }

    /// <summary>Brings the batch's listing columns up to date and logs what it changed for running apps to evict.</summary>
    private void RefreshListingColumns(DbTransaction transaction)
    {
        RefreshContent(transaction);

        var papers = IdList(_batchPapers);
        if (_batchPapers.Count > 0)
        {
            Run(_refreshPapers, transaction, papers);

            // An author's vote total follows their papers' best votes, which a new listing can raise without a relink.
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT AuthorId FROM PaperAuthors WHERE PaperId IN ({_sql.Ids("@ids")})";
            command.Bind("@ids", papers);
            ReadIds(command, _runAuthors, _batchAuthors);
        }

        var authors = IdList(_batchAuthors);

        if (_batchAuthors.Count > 0)
        {
            Run(_refreshAuthors, transaction, authors);
        }

        MarkPending(transaction);
        var count = _batchTags.Count + _batchPapers.Count + _batchAuthors.Count;
        if (count > ChangeTags.MaxPerBatch)
        {
            // Past a few thousand pages, evicting them one by one costs the app more than rendering everything afresh.
            Execute($"INSERT INTO Changes (Tag) VALUES ('{ChangeTags.Everything}')");
        }
        else if (count > 0)
        {
            Execute(
                $"""
                INSERT INTO Changes (Tag)
                {_sql.Texts("@tags")}
                UNION ALL SELECT 'paper:' || ArxivId FROM Papers WHERE Id IN ({_sql.Ids("@papers")})
                UNION ALL SELECT 'author:' || Slug FROM Authors WHERE Id IN ({_sql.Ids("@authors")})
                """,
                ("@tags", System.Text.Json.JsonSerializer.Serialize(_batchTags)), ("@papers", papers), ("@authors", authors));
        }

        if (count > 0)
        {
            // Delivered when this transaction commits: every web node reads the log at once.
            _sql.NotifyChanges(Batch());
        }

        _batchTags.Clear();
        _batchPapers.Clear();
        _batchAuthors.Clear();
    }

    /// <summary>
    /// Marks the batch's papers and the weeks and months of its days as owing their similar papers and term counts, in
    /// the batch's transaction: those are settled once at the end of the run (<see cref="SettlePending"/>), so a full
    /// ingest counts each period and scores each paper once rather than once per batch that touches it.
    /// </summary>
    private void MarkPending(DbTransaction transaction)
    {
        if (_pendingMarked)
        {
            return;
        }

        _pendingMarked = true;
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO PendingSimilarity (PaperId) {_sql.Ids("@ids")} WHERE true ON CONFLICT DO NOTHING";
            command.Bind("@ids", IdList(_batchPapers));
            command.ExecuteNonQuery();
        }

        var periods = Search.TermCounts.PeriodsOf(_batchTags.Select(t => ChangeTags.TryParseDay(t, out var day) ? day : (DateOnly?)null).OfType<DateOnly>());
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO PendingTermCounts (Period, Start) SELECT {_sql.Int("value ->> 0")}, {_sql.Date("value ->> 1")} FROM {_sql.Rows("@periods")} WHERE true ON CONFLICT DO NOTHING";
            command.Bind("@periods", System.Text.Json.JsonSerializer.Serialize(periods.Select(p => new object[] { (int)p.Period, p.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Whether an earlier run stopped before settling what it marked (<see cref="MarkPending"/>), or the similarity index
    /// is empty while papers are stored (a database from before it, or one whose index an upgrade dropped).
    /// </summary>
    public bool HasPending()
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _batch;
        command.CommandText = """
            SELECT EXISTS (SELECT 1 FROM PendingSimilarity) OR EXISTS (SELECT 1 FROM PendingTermCounts)
                OR (NOT EXISTS (SELECT 1 FROM SimilarityDocuments) AND EXISTS (SELECT 1 FROM Papers))
            """;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>
    /// Brings similar papers and term counts up to date for everything marked (by this run, or by one stopped before
    /// its end), inside the run's last transaction, and clears the marks with it.
    /// </summary>
    private void SettlePending(DbTransaction transaction)
    {
        MarkPending(transaction);
        // Marked papers are among this run's: DeleteUnreferencedRows read them in.
        var papers = new HashSet<int>(_runPapers);
        var periods = new List<(TermPeriod Period, DateOnly Start)>();
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT Period, Start FROM PendingTermCounts";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                periods.Add(((TermPeriod)reader.GetInt32(0), reader.GetFieldValue<DateOnly>(1)));
            }
        }

        // Similar-paper lists follow the settled content; pages showing a rewritten list are evicted with it.
        _batchTags.UnionWith(Search.SimilarPapers.Update(transaction, papers).Select(ChangeTags.Paper));
        _terms.Refresh(transaction, periods);
        if (periods.Count > 0)
        {
            // Rising terms are shown on listings; a settle-only run (or one whose last batch wrote nothing) logs this.
            _batchTags.Add(ChangeTags.Terms);
        }

        Execute("DELETE FROM PendingSimilarity");
        Execute("DELETE FROM PendingTermCounts");
    }

    /// <summary>Keeps the change log short: a running app that fell further behind than this evicts everything.</summary>
    public void PruneChanges() =>
        Execute($"DELETE FROM Changes WHERE Id <= (SELECT MAX(Id) FROM Changes) - {ChangeTags.Kept}");

    private static string IdList(IEnumerable<int> ids) => "[" + string.Join(',', ids) + "]";

    private static void ReadIds(DbCommand command, HashSet<int> run, HashSet<int> batch)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            run.Add(id);
            batch.Add(id);
        }
    }

    private void TouchPaper(int paperId)
    {
        _runPapers.Add(paperId);
        _batchPapers.Add(paperId);
        _contentPending.Add(paperId);
    }

    private void TouchAuthor(int authorId)
    {
        _runAuthors.Add(authorId);
        _batchAuthors.Add(authorId);
    }

    /// <summary>Remembers a file rejected whole, so later runs report it without reading it until it changes.</summary>
    public void RememberRejection(string path, string hash, long length, DateTime lastWriteUtc, int line, string errors) =>
        Execute(
            """
            INSERT INTO RejectedFiles (Path, ContentHash, Length, LastWriteUtc, RejectedUtc, Line, Errors) VALUES (@path, @hash, @length, @written, @now, @line, @errors)
            ON CONFLICT (Path) DO UPDATE SET ContentHash = excluded.ContentHash, Length = excluded.Length, LastWriteUtc = excluded.LastWriteUtc,
                RejectedUtc = CASE WHEN RejectedFiles.ContentHash = excluded.ContentHash THEN RejectedFiles.RejectedUtc ELSE excluded.RejectedUtc END,
                Line = excluded.Line, Errors = excluded.Errors
            """,
            ("@path", path), ("@hash", hash), ("@length", length), ("@written", lastWriteUtc), ("@now", DateTime.UtcNow), ("@line", line), ("@errors", errors));

    public void ForgetRejection(string path) => Execute("DELETE FROM RejectedFiles WHERE Path = @path", ("@path", path));

    public void SetMeta(string key, string value) =>
        Execute("INSERT INTO Meta (Key, Value) VALUES (@k, @v) ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value", ("@k", key), ("@v", value));

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
            var dayId = Insert(_insertDay, transaction, day.Date, fileId, day.Line, day.NotesMarkdown, day.NotesHtml, day.Papers.Count);
            _batchTags.Add(ChangeTags.Day(day.Date));
            foreach (var paper in day.Papers)
            {
                var paperId = PaperFor(transaction, dayId, paper);
                object?[] listing =
                [
                    dayId, paperId, paper.Position, paper.Votes, paper.Title, paper.ThumbnailUrl, paper.VideoUrl, paper.VideoPosterUrl, paper.SummaryMarkdown,
                    paper.SummaryHtml, paper.AuthorsTruncated, paper.Line, System.Text.Json.JsonSerializer.Serialize(paper.Authors), paper.ArxivId.Version, paper.TitleHtml, paper.SummaryText,
                ];
                if (_appearances is not null)
                {
                    _appearances.Add(listing);
                }
                else
                {
                    Run(_insertAppearance, transaction, listing);
                }

                TouchPaper(paperId);
            }
        }

        if (++_filesInBatch >= FilesPerCommit)
        {
            Commit();
        }

        return fileId;
    }

    /// <summary>The stored paper a listing is of; a paper seen for the first time is stored with this listing's content.</summary>
    private int PaperFor(DbTransaction transaction, int dayId, ParsedPaper paper)
    {
        if (_paperIds.TryGetValue(paper.ArxivId.Value, out var id))
        {
            return id;
        }

        var listing = Listing.From(dayId, paper);
        id = Insert(_insertPaper, transaction, [paper.ArxivId.Value, .. listing.ContentValues()]);
        StoreAuthors(transaction, id, listing.Authors);
        _search.Put(transaction, id, isNew: true, listing.Title, listing.SummaryMarkdown, listing.Authors);
        _paperIds[paper.ArxivId.Value] = id;
        _contentDays[id] = dayId;
        return id;
    }

    /// <summary>
    /// Gives each paper of the batch the content of its best listing (<see cref="_listingsOfPapers"/>) when that is not
    /// the listing it already has: a later listing with a summary replaces an earlier one, a listing without one never
    /// replaces a listing with one, and a paper whose listing went with a replaced file takes the best one left.
    /// Nothing is read from the digest files again.
    /// </summary>
    private void RefreshContent(DbTransaction transaction)
    {
        _appearances?.Flush(transaction);
        _paperAuthors?.Flush(transaction);
        if (_contentPending.Count == 0)
        {
            return;
        }

        var best = new List<(int PaperId, Listing Listing)>();
        _listingsOfPapers.Transaction = transaction;
        _listingsOfPapers.Parameters[0].Value = IdList(_contentPending);
        _contentPending.Clear();
        using (var reader = _listingsOfPapers.ExecuteReader())
        {
            while (reader.Read())
            {
                var paperId = reader.GetInt32(0);
                if (best.Count > 0 && best[^1].PaperId == paperId)
                {
                    continue;
                }

                best.Add((paperId, new Listing(
                    reader.GetInt32(1), reader.GetString(2), Text(reader, 3), Text(reader, 4), Text(reader, 5), reader.GetString(6), reader.GetString(7),
                    reader.GetBoolean(8), reader.GetInt32(9), System.Text.Json.JsonSerializer.Deserialize<List<string>>(reader.GetString(10)) ?? [],
                    reader.IsDBNull(11) ? null : reader.GetInt32(11), reader.GetString(12), reader.GetString(13))));
            }
        }

        foreach (var (paperId, listing) in best)
        {
            if (_contentDays.GetValueOrDefault(paperId) == listing.DayId)
            {
                continue;
            }

            Run(_updatePaper, transaction, [.. listing.ContentValues(), paperId]);
            _paperAuthors?.Flush(transaction);
            Bind(_deletePaperAuthors, transaction, [paperId]);
            ReadIds(_deletePaperAuthors, _runAuthors, _batchAuthors);
            StoreAuthors(transaction, paperId, listing.Authors);
            _search.Put(transaction, paperId, isNew: false, listing.Title, listing.SummaryMarkdown, listing.Authors);
            _contentDays[paperId] = listing.DayId;
        }

        // What follows (listing columns, counts, deletions) reads the links.
        _paperAuthors?.Flush(transaction);

        static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
    }

    private void ForgetDaysOf(DbTransaction transaction, int fileId)
    {
        _appearances?.Flush(transaction);
        _dayIdsOfFile.Transaction = transaction;
        _dayIdsOfFile.Parameters[0].Value = fileId;
        using (var reader = _dayIdsOfFile.ExecuteReader())
        {
            while (reader.Read())
            {
                _batchTags.Add(ChangeTags.Day(reader.GetFieldValue<DateOnly>(0)));
            }
        }

        // Their papers lose a listing: their content, columns and existence are settled again at the commit.
        _papersOfFile.Transaction = transaction;
        _papersOfFile.Parameters[0].Value = fileId;
        using var papers = _papersOfFile.ExecuteReader();
        while (papers.Read())
        {
            TouchPaper(papers.GetInt32(0));
        }
    }

    private const string ContentColumns = "ArxivVersion, Title, TitleHtml, ThumbnailUrl, VideoUrl, VideoPosterUrl, SummaryMarkdown, SummaryHtml, SummaryText, AuthorsTruncated, ContentDayId, Line";

    private static readonly string[] ContentParameters = ["@version", "@title", "@titleHtml", "@thumbnail", "@video", "@poster", "@summary", "@summaryHtml", "@summaryText", "@truncated", "@day", "@line"];

    /// <summary>What one day's listing says of a paper: the content a paper takes from its best listing.</summary>
    private sealed record Listing(
        int DayId, string Title, string? ThumbnailUrl, string? VideoUrl, string? VideoPosterUrl, string SummaryMarkdown, string SummaryHtml,
        bool AuthorsTruncated, int Line, IReadOnlyList<string> Authors, int? ArxivVersion, string TitleHtml, string SummaryText)
    {
        public static Listing From(int dayId, ParsedPaper paper) => new(
            dayId, paper.Title, paper.ThumbnailUrl, paper.VideoUrl, paper.VideoPosterUrl, paper.SummaryMarkdown, paper.SummaryHtml, paper.AuthorsTruncated, paper.Line,
            paper.Authors, paper.ArxivId.Version, paper.TitleHtml, paper.SummaryText);

        public object?[] ContentValues() => [ArxivVersion, Title, TitleHtml, ThumbnailUrl, VideoUrl, VideoPosterUrl, SummaryMarkdown, SummaryHtml, SummaryText, AuthorsTruncated, DayId, Line];
    }

    /// <summary>
    /// One statement per paper: the authors travel as one JSON array of [id, spelling] pairs that the database expands
    /// (<see cref="SqlDialect.Rows"/>), which binds a single parameter instead of four per author.
    /// </summary>
    private void StoreAuthors(DbTransaction transaction, int paperId, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        var links = new List<object[]>(names.Count);
        foreach (var name in names)
        {
            var authorId = AuthorId(transaction, name);
            TouchAuthor(authorId);
            links.Add([authorId, name]);
        }

        if (_paperAuthors is not null)
        {
            for (var position = 0; position < links.Count; position++)
            {
                _paperAuthors.Add(paperId, position, links[position][0], links[position][1]);
            }

            return;
        }

        Run(_insertPaperAuthors, transaction, paperId, System.Text.Json.JsonSerializer.Serialize(links));
    }

    private int AuthorId(DbTransaction transaction, string name)
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

        var folded = AuthorNames.Fold(name);
        id = Insert(_insertAuthor, transaction, key, name, folded, slug);
        if (_indexAuthor is not null)
        {
            Run(_indexAuthor, transaction, id, folded);
        }
        _authorIds[key] = id;
        return id;
    }

    private DbCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Bind(name, null);
        }

        _commands.Add(command);
        return command;
    }

    private static void Bind(DbCommand command, DbTransaction? transaction, object?[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static void Run(DbCommand command, DbTransaction? transaction, params object?[] values)
    {
        Bind(command, transaction, values);
        command.ExecuteNonQuery();
    }

    private static int Insert(DbCommand command, DbTransaction transaction, params object?[] values)
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
        _terms.Dispose();
    }
}
