using System.Data.Common;
using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Search;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// The store stage: each file's days replace what was stored from it, every listing is kept as written
/// (<c>Appearances</c>), and each paper shows its best listing (<see cref="ListingRank.Beats"/>), chosen before the
/// paper is written: a batch's listings are held until its commit, where each paper's best among them and its stored
/// listings is found, the paper written once with it, then the listings. Files are written in batches of
/// <see cref="FilesPerCommit"/>, each file's replacement whole inside one transaction; at each commit the listing
/// columns (<see cref="ListingTotals"/>) follow, the derived tables are marked as owed (<see cref="DeriveStage"/>) and
/// the changes logged (<see cref="PublishStage"/>).
/// </summary>
internal sealed partial class StoreStage : IDisposable
{
    // Committing every file on its own would rewrite the same index pages into the WAL thousands of times. The first
    // batches are smaller (32 files, then twice as many each time): most of a batch's work is at its commit, and the
    // writer would otherwise idle while the first 256 files are read.
    private const int FilesPerCommit = 256;
    private const int FirstBatch = 32;

    // Statements binding one JSON parameter of many rows: a batch's papers and listings in a few statements, not one per row.
    private const int RowsPerStatement = 500;
    private int _batchLimit = FirstBatch;

    private readonly DbConnection _connection;
    private readonly SqlDialect _sql;
    private readonly DeriveStage _derive;
    private readonly PublishStage _publish;
    private readonly AuthorRows _authors;
    private readonly ListingTotals _totals;
    private readonly Data.Postgres.CopyRows? _copyListings;
    private readonly Statement _updatePaper;
    private readonly Statement _touchFile;
    private readonly Statement _insertFile;
    private readonly Statement _updateFile;
    private readonly Statement _deleteDays;
    private readonly Statement _insertDay;
    private readonly Statement _daysOfFile;
    private readonly Statement _papersOfFile;

    // The stored papers this run met, by arXiv id, and the day whose listing each shows: read by key for each batch's
    // papers (WriteHeld), never the whole table, so a new day costs the same in any archive.
    private readonly Dictionary<string, int> _paperIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int?> _contentDays = [];

    // The batch's listings, held until its commit: (paper, listing, its position and votes, its terms).
    private readonly List<(string ArxivId, Listing Listing, int Position, int? Votes, PaperTerms Terms)> _held = [];
    // Stored papers that lost a listing in this batch: their content is settled again at its commit.
    private readonly HashSet<int> _relisted = [];
    private readonly HashSet<DateOnly> _batchDays = [];
    private DbTransaction? _batch;
    private int _filesInBatch;

    public StoreStage(DbConnection connection, SqlDialect sql, DeriveStage derive, PublishStage publish)
    {
        _connection = connection;
        _sql = sql;
        _derive = derive;
        _publish = publish;
        _authors = new AuthorRows(connection, sql);
        _totals = new ListingTotals(connection, sql, _authors);
        _copyListings = sql.BulkRows("Appearances", ["DayId", "PaperId", "Position", "Votes", "Authors", .. Listing.Columns]);
        _updatePaper = connection.Prepare($"UPDATE Papers SET ContentDayId = @day, {string.Join(", ", Listing.Columns.Select(c => $"{c} = @{c}"))} WHERE Id = @id",
            ["@day", .. Listing.Columns.Select(c => "@" + c), "@id"]);
        _touchFile = connection.Prepare("UPDATE SourceFiles SET Length = @length, LastWriteUtc = @lastWrite WHERE Id = @id", "@length", "@lastWrite", "@id");
        _insertFile = connection.Prepare(
            "INSERT INTO SourceFiles (Path, ContentHash, Length, LastWriteUtc, IngestedUtc, HasErrors, Warnings) VALUES (@path, @hash, @length, @lastWrite, @now, @errors, @warnings) RETURNING Id",
            "@path", "@hash", "@length", "@lastWrite", "@now", "@errors", "@warnings");
        _updateFile = connection.Prepare(
            "UPDATE SourceFiles SET ContentHash = @hash, Length = @length, LastWriteUtc = @lastWrite, IngestedUtc = @now, HasErrors = @errors, Warnings = @warnings WHERE Id = @id",
            "@hash", "@length", "@lastWrite", "@now", "@errors", "@warnings", "@id");
        _deleteDays = connection.Prepare("DELETE FROM Days WHERE SourceFileId = @file", "@file");
        _insertDay = connection.Prepare(
            "INSERT INTO Days (Date, SourceFileId, Line, NotesMarkdown, NotesHtml, PaperCount) VALUES (@date, @file, @line, @notes, @notesHtml, @count) RETURNING Id",
            "@date", "@file", "@line", "@notes", "@notesHtml", "@count");
        _daysOfFile = connection.Prepare("SELECT Date FROM Days WHERE SourceFileId = @file", "@file");
        _papersOfFile = connection.Prepare("SELECT a.PaperId FROM Days d JOIN Appearances a ON a.DayId = d.Id WHERE d.SourceFileId = @file", "@file");
    }

    /// <summary>The batch's transaction if one is open: a run that wrote nothing reads outside any.</summary>
    public DbTransaction? Open => _batch;

    /// <summary>The batch's transaction, begun by the first write after a commit.</summary>
    public DbTransaction Batch() => _batch ??= _connection.BeginTransaction();

    /// <summary>Remembers a stored file's new time stamp (same content): the next run skips it by stat alone.</summary>
    public void Touch(int fileId, FileInfo info) => _touchFile.Execute(Batch(), info.Length, info.LastWriteTimeUtc, fileId);

    /// <summary>Removes a vanished file with its days (their listings cascade; papers whose content they held lose it).</summary>
    public void DeleteFile(int fileId)
    {
        var transaction = Batch();
        ForgetDaysOf(transaction, fileId);
        transaction.Execute("DELETE FROM SourceFiles WHERE Id = @id", ("@id", fileId));
    }

    /// <summary>Replaces everything stored from one file with its newly read days; the change commits whole or not at all.</summary>
    public int ReplaceFile(ReadFile file, bool hasErrors, IReadOnlyList<ParsedDay> days, CancellationToken cancellationToken)
    {
        var transaction = Batch();
        var (info, diagnostics) = (file.Scan.Info!, file.Digest!.Diagnostics);
        var warnings = diagnostics.Count == 0 ? null : RejectionLog.Write(diagnostics);
        var now = DateTime.UtcNow;
        int fileId;
        if (file.Stored is { } stored)
        {
            ForgetDaysOf(transaction, stored.Id);
            _deleteDays.Execute(transaction, stored.Id);
            _updateFile.Execute(transaction, file.Scan.Hash, info.Length, info.LastWriteTimeUtc, now, hasErrors, warnings, stored.Id);
            fileId = stored.Id;
        }
        else
        {
            fileId = _insertFile.Insert(transaction, file.Relative, file.Scan.Hash, info.Length, info.LastWriteTimeUtc, now, hasErrors, warnings);
        }

        foreach (var day in days)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dayId = _insertDay.Insert(transaction, day.Date, fileId, day.Line, day.NotesMarkdown, day.NotesHtml, day.Papers.Count);
            _batchDays.Add(day.Date);
            _publish.Tags.Add(ChangeTags.Day(day.Date));
            foreach (var paper in day.Papers)
            {
                _held.Add((paper.ArxivId.Value, Listing.Of(dayId, day.Date, paper), paper.Position, paper.Votes, file.Terms![paper]));
            }
        }

        if (++_filesInBatch >= _batchLimit)
        {
            Commit();
        }

        return fileId;
    }

    /// <summary>Stored papers a stopped run left marked: their existence and derived rows are settled with this run's.</summary>
    public void Relist(IEnumerable<int> paperIds) => _totals.Run.UnionWith(paperIds);

    /// <summary>Makes everything written so far durable (and visible to readers), with its listing columns, marks and change log.</summary>
    public void Commit()
    {
        if (_batch is null)
        {
            return;
        }

        FinishBatch(_batch);
        _batch.Commit();
        _batch.Dispose();
        _batch = null;
        _filesInBatch = 0;
        _batchLimit = Math.Min(FilesPerCommit, _batchLimit * 2);
    }

    /// <summary>
    /// The run's end, in its last transaction: the last batch is written, papers and authors no listing names any more
    /// go, the derived tables settle (this run's marks and a stopped run's), and the totals follow.
    /// </summary>
    public void Finish()
    {
        var transaction = Batch();
        WriteHeld(transaction);
        _derive.Mark(transaction, _totals.Batch, _batchDays);
        var gone = _totals.RemoveUnreferenced(transaction, _publish.Tags);
        // After the removals: an author who lost a paper with them counts one fewer.
        _totals.Refresh(transaction);
        _derive.Removed(transaction, gone);
        _publish.Tags.UnionWith(_derive.Settle(transaction, _totals.Run));
        ListingTotals.StoreTotals(transaction);
        _derive.Flush(transaction);
        _derive.KeepSearchStatistics(transaction);
        _publish.Log(transaction, _totals.Batch, _authors.Batch);
        ClearBatch();
    }

    public void SetMeta(string key, string value) =>
        Batch().Execute("INSERT INTO Meta (Key, Value) VALUES (@k, @v) ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value", ("@k", key), ("@v", value));

    /// <summary>Remembers a file rejected whole, so later runs report it without reading it until it changes.</summary>
    public void RememberRejection(string path, string hash, FileInfo info, int line, string errors) =>
        Batch().Execute(
            """
            INSERT INTO RejectedFiles (Path, ContentHash, Length, LastWriteUtc, RejectedUtc, Line, Errors) VALUES (@path, @hash, @length, @written, @now, @line, @errors)
            ON CONFLICT (Path) DO UPDATE SET ContentHash = excluded.ContentHash, Length = excluded.Length, LastWriteUtc = excluded.LastWriteUtc,
                RejectedUtc = CASE WHEN RejectedFiles.ContentHash = excluded.ContentHash THEN RejectedFiles.RejectedUtc ELSE excluded.RejectedUtc END,
                Line = excluded.Line, Errors = excluded.Errors
            """,
            ("@path", path), ("@hash", hash), ("@length", info.Length), ("@written", info.LastWriteTimeUtc), ("@now", DateTime.UtcNow), ("@line", line), ("@errors", errors));

    public void ForgetRejection(string path) => Batch().Execute("DELETE FROM RejectedFiles WHERE Path = @path", ("@path", path));

    private void FinishBatch(DbTransaction transaction)
    {
        WriteHeld(transaction);
        _totals.Refresh(transaction);
        _derive.Mark(transaction, _totals.Batch, _batchDays);
        _derive.Flush(transaction);
        _publish.Log(transaction, _totals.Batch, _authors.Batch);
        ClearBatch();
    }

    private void ClearBatch()
    {
        _batchDays.Clear();
        _totals.Batch.Clear();
        _authors.Batch.Clear();
    }

    private void ForgetDaysOf(DbTransaction transaction, int fileId)
    {
        foreach (var date in _daysOfFile.Query(transaction, r => r.GetFieldValue<DateOnly>(0), fileId))
        {
            _batchDays.Add(date);
            _publish.Tags.Add(ChangeTags.Day(date));
        }

        // Their papers lose a listing: their content, columns and existence are settled again at the commit.
        var papers = _papersOfFile.Query(transaction, r => r.GetInt32(0), fileId);
        _relisted.UnionWith(papers);
        _totals.Touch(papers);
    }

    public void Dispose()
    {
        // A batch still open here was interrupted (cancellation or a database failure): it rolls back whole.
        _batch?.Dispose();
        foreach (var statement in new[] { _updatePaper, _touchFile, _insertFile, _updateFile, _deleteDays, _insertDay, _daysOfFile, _papersOfFile })
        {
            statement.Dispose();
        }

        _authors.Dispose();
        _totals.Dispose();
    }
}
