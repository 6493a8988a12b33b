using System.Globalization;
using System.Security.Cryptography;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;
using System.Data.Common;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// Ingests a folder of digest files into the database, incrementally: an unchanged file is skipped, a changed file
/// replaces its day in one transaction, a file that disappeared takes its day with it. A file that cannot be read or
/// parsed is reported and leaves what was stored from it before untouched.
/// </summary>
/// <remarks>
/// Writes go through prepared commands (SQLite, or PostgreSQL with <c>COPY</c> for bulk rows) rather than EF change
/// tracking: ingest is the one bulk path, and the tracking overhead would dominate it. The schema itself belongs to the
/// EF model and each provider's migrations.
/// </remarks>
public sealed class DigestImporter(Database database)
{
    /// <summary>An importer for tests and tools that hold only a connection string.</summary>
    public DigestImporter(string connectionString, DatabaseProvider provider = DatabaseProvider.Sqlite)
        : this(Database.For(provider, connectionString))
    {
    }

    public IngestReport Ingest(string dataDirectory, CancellationToken cancellationToken = default) =>
        Ingest(dataDirectory, new IngestOptions(), cancellationToken);

    public IngestReport Ingest(string dataDirectory, IngestOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var root = Path.GetFullPath(dataDirectory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The data directory '{dataDirectory}' does not exist.");
        }

        using var writer = IngestLock.Acquire(database, cancellationToken, options.Waiting);
        using var connection = database.OpenIngestConnection();
        // A database from before the search index or the term counts, or with a damaged index, has them made whole first.
        Search.SearchIndex.EnsureComplete(connection);
        Search.TermCounts.EnsureComplete(connection);
        using var run = new Run(connection, root, options, cancellationToken);
        run.Execute();
        return run.Report(System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    private static void ExecuteSql(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static long Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>A file time as both databases keep it: to the microsecond (PostgreSQL's precision; the file system has more).</summary>
    private static long Stamp(DateTime time) => time.Ticks - (time.Ticks % TimeSpan.TicksPerMicrosecond);

    private sealed record StoredFile(int Id, string Path, string Hash, long Length, long LastWriteTicks, bool HasErrors);

    /// <summary>A file rejected whole by an earlier run, with what was reported then.</summary>
    private sealed record Rejection(string Hash, long Length, long LastWriteTicks, DateTime RejectedUtc, IReadOnlyList<Diagnostic> Diagnostics);

    private sealed class Run(DbConnection connection, string root, IngestOptions options, CancellationToken cancellationToken) : IDisposable
    {
        private readonly List<ReadFile> _deferred = [];
        private readonly DateOnly _today = options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        private bool _reparseAll;
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly Dictionary<DateOnly, (int FileId, string Path)> _dayOwners = [];
        private readonly HashSet<string> _unreadableFolders = new(StringComparer.Ordinal);
        private Dictionary<string, StoredFile> _stored = [];
        private Dictionary<string, Rejection> _rejections = [];
        private Writer? _writer;
        private int _seen;
        private int _ingested;
        private int _unchanged;
        private int _removed;
        private int _rejected;
        private int _papersRead;
        private bool _changed;
        private string? _replacedSample;

        public void Execute()
        {
            _stored = LoadStoredFiles();
            _rejections = LoadRejections();
            LoadDayOwners();
            var files = FindDigestFiles();
            _seen = files.Count;
            GuardAgainstWipe(files);
            // Output of an older parser is read again, so parser fixes reach rows already stored.
            _reparseAll = Meta("ParserVersion") != DigestParser.Version;
            if (_reparseAll)
            {
                // A new parser may accept what the old one refused.
                _rejections.Clear();
            }
            _writer = new Writer(connection);
            RemoveVanishedFiles(files);

            // Reading and parsing run ahead on the other core while this thread writes, in path order.
            var read = files.AsParallel().AsOrdered()
                .WithDegreeOfParallelism(Math.Max(1, Environment.ProcessorCount - 1))
                .WithCancellation(cancellationToken)
                .Select(f => Read(f.Path, f.Relative));
            foreach (var file in read)
            {
                Apply(file, final: false);
            }

            // A day that moved to another file is free once the file it left has been applied.
            foreach (var file in _deferred)
            {
                Apply(file, final: true);
            }

            // A run stopped before its end left similar papers and term counts to settle, even if no file changed since.
            if (_changed || _reparseAll || _writer.HasPending())
            {
                _writer.DeleteUnreferencedRows();
                // The change log keeps its latest entries; an app that fell further behind drops every cached page.
                _writer.PruneChanges();
                _writer.SetMeta("ParserVersion", DigestParser.Version);
                _writer.SetMeta("DataRoot", root);
                _changed = true;
            }

            _writer.Commit();
        }

        /// <summary>Refuses a run that would empty the database by accident: another folder's data, or an empty folder.</summary>
        private void GuardAgainstWipe(List<DigestPath> files)
        {
            if (options.Replace || _stored.Count == 0)
            {
                return;
            }

            var storedRoot = Meta("DataRoot");
            if (storedRoot is not null && !string.Equals(storedRoot, root, StringComparison.Ordinal))
            {
                if (HoldsOnlySample())
                {
                    _replacedSample = storedRoot;
                    return;
                }

                throw new IngestRefusedException(
                    $"The database holds digests ingested from {storedRoot}; ingesting {root} would remove them. " +
                    "Pass --replace to replace them with this folder's, or give another database.");
            }

            if (files.Count == 0)
            {
                throw new IngestRefusedException(
                    $"{root} holds no *.md digests; refusing to remove the {_stored.Count} files' days stored from it. " +
                    "If the folder is really empty now, pass --replace.");
            }
        }

        /// <summary>Every stored file is a copy of one of the sample digests, by content: nothing of a user's would be lost.</summary>
        private bool HoldsOnlySample()
        {
            if (options.Sample is null || !Directory.Exists(options.Sample))
            {
                return false;
            }

            var sample = Directory.EnumerateFiles(options.Sample, "*.md", SearchOption.TopDirectoryOnly)
                .Where(f => DigestRead.Refusal(f) is null)
                .Select(f => DigestRead.ReadBounded(f, DigestLimits.MaxBytes))
                .OfType<byte[]>()
                .Select(bytes => Convert.ToHexStringLower(SHA256.HashData(bytes)))
                .ToHashSet(StringComparer.Ordinal);
            return _stored.Values.All(f => sample.Contains(f.Hash));
        }

        private string? Meta(string key)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Value FROM Meta WHERE Key = @key";
            command.Bind("@key", key);
            return command.ExecuteScalar() as string;
        }

        public void Dispose() => _writer?.Dispose();

        public IngestReport Report(TimeSpan elapsed) => new(
            _seen,
            _ingested,
            _unchanged,
            _removed,
            _rejected,
            _papersRead,
            (int)Scalar(connection, "SELECT COUNT(*) FROM Days"),
            (int)Scalar(connection, "SELECT COUNT(*) FROM Papers"),
            (int)Scalar(connection, "SELECT COUNT(*) FROM Authors"),
            _changed,
            _diagnostics,
            elapsed,
            _replacedSample);

        private Dictionary<string, StoredFile> LoadStoredFiles()
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Id, Path, ContentHash, Length, LastWriteUtc, HasErrors FROM SourceFiles";
            using var reader = command.ExecuteReader();
            var stored = new Dictionary<string, StoredFile>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var file = new StoredFile(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), Stamp(reader.GetDateTime(4)), reader.GetBoolean(5));
                stored[file.Path] = file;
            }

            return stored;
        }

        private Dictionary<string, Rejection> LoadRejections()
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Path, ContentHash, Length, LastWriteUtc, RejectedUtc, Errors FROM RejectedFiles";
            using var reader = command.ExecuteReader();
            var rejections = new Dictionary<string, Rejection>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var path = reader.GetString(0);
                rejections[path] = new Rejection(reader.GetString(1), reader.GetInt64(2), Stamp(reader.GetDateTime(3)), reader.GetDateTime(4), RejectionLog.Read(path, reader.GetString(5)));
            }

            return rejections;
        }

        private void LoadDayOwners()
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT d.Date, d.SourceFileId, f.Path FROM Days d JOIN SourceFiles f ON f.Id = d.SourceFileId";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _dayOwners[reader.GetFieldValue<DateOnly>(0)] = (reader.GetInt32(1), reader.GetString(2));
            }
        }

        /// <summary>
        /// The scan stage (<see cref="FolderScan"/>): the digests under the root, in a stable order. Folders that cannot be
        /// read are reported, and what was stored from them stays; links out of the folder are reported, and what was
        /// stored from them goes, since it may be an older read of what they point to.
        /// </summary>
        private List<DigestPath> FindDigestFiles()
        {
            var scan = FolderScan.Run(root);
            _diagnostics.AddRange(scan.Errors);
            _unreadableFolders.UnionWith(scan.UnreadableFolders);
            foreach (var link in scan.OutsideLinks)
            {
                var folder = link.EndsWith('/');
                var stored = _stored.Keys.Any(p => folder ? p.StartsWith(link, StringComparison.Ordinal) : p == link);
                _diagnostics.Add(new Diagnostic(Severity.Warning, link, 0,
                    $"the {(folder ? "folder" : "file")} is a symbolic link to outside the data folder; it is not read" + (stored ? "; what was stored from it is removed" : "")));
            }

            return [.. scan.Files];
        }

        private void RemoveVanishedFiles(List<DigestPath> files)
        {
            var present = files.Select(f => f.Relative).ToHashSet(StringComparer.Ordinal);
            foreach (var path in _rejections.Keys.Where(p => !present.Contains(p) && !_unreadableFolders.Any(folder => p.StartsWith(folder, StringComparison.Ordinal))).ToList())
            {
                _writer!.ForgetRejection(path);
                _rejections.Remove(path);
            }

            foreach (var stored in _stored.Values.Where(s => !present.Contains(s.Path)).OrderBy(s => s.Path, StringComparer.Ordinal))
            {
                if (_unreadableFolders.Any(folder => stored.Path.StartsWith(folder, StringComparison.Ordinal)))
                {
                    continue;
                }

                _writer!.DeleteFile(stored.Id);
                foreach (var date in _dayOwners.Where(o => o.Value.FileId == stored.Id).Select(o => o.Key).ToList())
                {
                    _dayOwners.Remove(date);
                }

                _stored.Remove(stored.Path);
                _removed++;
                _changed = true;
            }
        }

        /// <summary>What reading one file found, before anything is written: the part of ingest that runs in parallel.</summary>
        /// <param name="Remembered">The file is the one an earlier run rejected, unchanged: it was not parsed again.</param>
        private sealed record ReadFile(string Relative, StoredFile? Stored, FileInfo? Info, string? Hash, ParsedDigest? Digest, Diagnostic? Error, bool Unchanged, Rejection? Remembered = null);

        /// <summary>Stats, reads, hashes, decodes and parses one file. Touches no shared state, so files are read in parallel.</summary>
        /// <param name="path">The file's real path, under the root's (<see cref="FolderScan"/>).</param>
        private ReadFile Read(string path, string relative)
        {
            _stored.TryGetValue(relative, out var stored);
            _rejections.TryGetValue(relative, out var rejected);
            try
            {
                return ReadCore(path, relative, _reparseAll ? stored is null ? null : stored with { Hash = "", HasErrors = true } : stored, stored, rejected, _today);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never a stack trace for bad data: whatever the parser trips on is this file's error, and the run goes on.
                return new ReadFile(relative, stored, null, null, null, new Diagnostic(Severity.Error, relative, 0, $"the file could not be parsed ({e.GetType().Name}: {e.Message}); please report it"), false);
            }
        }

        /// <param name="compare">What the file is compared with to skip it (a blank copy when everything is read again).</param>
        /// <param name="rejected">How an earlier run rejected this path, if it did: the same content is not parsed again.</param>
        /// <param name="today">The day the run reads as today: digests dated past the end of the next year are refused.</param>
        private static ReadFile ReadCore(string path, string relative, StoredFile? compare, StoredFile? stored, Rejection? rejected, DateOnly today)
        {
            byte[]? bytes;
            FileInfo info;
            try
            {
                if (DigestRead.Refusal(path) is { } refusal)
                {
                    // Never opened: a FIFO would block the ingest, a device would never end.
                    return new ReadFile(relative, stored, null, null, null, new Diagnostic(Severity.Error, relative, 0, refusal), false);
                }

                info = new FileInfo(path);
                if (compare is { HasErrors: false } && compare.Length == info.Length && compare.LastWriteTicks == Stamp(info.LastWriteTimeUtc))
                {
                    return new ReadFile(relative, stored, null, null, null, null, Unchanged: true);
                }

                if (rejected is not null && rejected.Length == info.Length && rejected.LastWriteTicks == Stamp(info.LastWriteTimeUtc))
                {
                    return new ReadFile(relative, stored, info, rejected.Hash, null, null, false, rejected);
                }

                if (info.Length > DigestLimits.MaxBytes)
                {
                    // Not even read: a digest is tens of kilobytes.
                    return new ReadFile(relative, stored, null, null, null, new Diagnostic(
                        Severity.Error, relative, 0, $"the file is {info.Length:N0} bytes (at most {DigestLimits.MaxBytes:N0}); it is not read"), false);
                }

                bytes = DigestRead.ReadBounded(path, DigestLimits.MaxBytes);
                if (bytes is null)
                {
                    return new ReadFile(relative, stored, null, null, null, new Diagnostic(
                        Severity.Error, relative, 0, $"the file said it was {info.Length:N0} bytes but holds more than {DigestLimits.MaxBytes:N0} (it grew while being read, or is not a file of fixed size); it is not read"), false);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new ReadFile(relative, stored, null, null, null, new Diagnostic(Severity.Error, relative, 0, $"the file cannot be read ({e.Message})"), false);
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (compare is { HasErrors: false } && compare.Hash == hash)
            {
                return new ReadFile(relative, stored, info, hash, null, null, Unchanged: true);
            }

            if (rejected is not null && rejected.Hash == hash)
            {
                return new ReadFile(relative, stored, info, hash, null, null, false, rejected);
            }

            var text = DigestText.TryDecode(bytes, relative, out var decodeError, out var dropped);
            var error = decodeError ?? (text is null ? null : DigestLimits.Check(text, relative));
            if (text is null || error is not null)
            {
                return new ReadFile(relative, stored, info, hash, null, error, false);
            }

            var digest = DigestRenderer.Render(DigestParser.Parse(text, relative, today));
            return new ReadFile(relative, stored, info, hash, dropped.Count == 0 ? digest : digest with { Diagnostics = [.. dropped, .. digest.Diagnostics] }, null, false);
        }

        /// <summary>Decides what a read file means for the stored data and writes it, in path order.</summary>
        private void Apply(ReadFile file, bool final)
        {
            var (relative, stored) = (file.Relative, file.Stored);
            if (file.Unchanged)
            {
                Forget(relative);
                if (file.Info is not null && stored is not null)
                {
                    // Same content under a new time stamp: remember the time stamp so the next run skips it by stat alone.
                    _writer!.Touch(stored.Id, file.Info.Length, file.Info.LastWriteTimeUtc);
                }

                _unchanged++;
                return;
            }

            if (file.Remembered is { } remembered)
            {
                // Rejected (or stored with errors) before and unchanged since: its errors again, without reading it. What
                // was stored from it stays as it is: its own days if they were stored, else its previous version's.
                var since = $" (unchanged since {remembered.RejectedUtc:yyyy-MM-dd HH:mm} UTC; not read again)";
                _diagnostics.AddRange(remembered.Diagnostics.Select(d => d with { Message = d.Message + since }));
                if (stored?.Hash != remembered.Hash)
                {
                    KeptPreviousVersion(relative, stored);
                }

                if (file.Info is { } seen && (seen.Length != remembered.Length || Stamp(seen.LastWriteTimeUtc) != remembered.LastWriteTicks))
                {
                    // Same bytes under a new time stamp: the next run knows it by stat alone.
                    Remember(file, remembered.Diagnostics);
                }

                _rejected++;
                return;
            }

            if (file.Error is { } error)
            {
                Reject(relative, error.Line, error.Message, stored);
                if (file.Info is not null)
                {
                    // Refused for what it holds (size, encoding, limits), not for a passing read failure: remember it.
                    Remember(file, [error]);
                }

                return;
            }

            var (digest, hash, info) = (file.Digest!, file.Hash!, file.Info!);
            if (!final && digest.Days.Any(day => _dayOwners.TryGetValue(day.Date, out var owner) && owner.FileId != stored?.Id))
            {
                // Another file holds one of its days; it may be giving it up later in this run.
                _deferred.Add(file);
                return;
            }

            _diagnostics.AddRange(digest.Diagnostics);
            var accepted = new List<ParsedDay>();
            foreach (var day in digest.Days)
            {
                if (_dayOwners.TryGetValue(day.Date, out var owner) && owner.FileId != stored?.Id)
                {
                    _diagnostics.Add(new Diagnostic(Severity.Error, relative, day.Line, $"day {day.Date:yyyy-MM-dd} is already provided by {owner.Path}; this file's copy is not stored"));
                    continue;
                }

                accepted.Add(day);
            }

            var hasErrors = digest.HasErrors || accepted.Count < digest.Days.Count;
            if (digest.Days.Count == 0 || (digest.HasErrors && accepted.Count == digest.Days.Count))
            {
                // Its errors are its own (not a day another file holds): it says the same until it changes.
                Remember(file, digest.Diagnostics);
            }
            else
            {
                Forget(relative);
            }

            if (accepted.Count == 0)
            {
                _rejected++;
                KeptPreviousVersion(relative, stored);

                return;
            }

            if (hasErrors)
            {
                _rejected++;
            }

            if (!_reparseAll && stored is { HasErrors: true } && stored.Hash == hash && SameDays(stored.Id, accepted))
            {
                // Read again only to report its errors again; nothing it would write has changed.
                return;
            }

            var fileId = _writer!.ReplaceFile(stored?.Id, relative, hash, info, hasErrors, digest.Diagnostics, accepted, cancellationToken);
            foreach (var date in _dayOwners.Where(o => o.Value.FileId == fileId).Select(o => o.Key).ToList())
            {
                _dayOwners.Remove(date);
            }

            foreach (var day in accepted)
            {
                _dayOwners[day.Date] = (fileId, relative);
                _papersRead += day.Papers.Count;
            }

            if (!hasErrors)
            {
                _ingested++;
            }

            _changed = true;
        }

        private void Remember(ReadFile file, IReadOnlyList<Diagnostic> diagnostics)
        {
            var info = file.Info!;
            var line = diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)?.Line ?? 0;
            _writer!.RememberRejection(file.Relative, file.Hash ?? "", info.Length, info.LastWriteTimeUtc, line, RejectionLog.Write(diagnostics));
        }

        private void Forget(string relative)
        {
            if (_rejections.Remove(relative))
            {
                _writer!.ForgetRejection(relative);
            }
        }

        private bool SameDays(int fileId, List<ParsedDay> days)
        {
            var storedDates = _dayOwners.Where(o => o.Value.FileId == fileId).Select(o => o.Key).Order().ToList();
            return storedDates.SequenceEqual(days.Select(d => d.Date).Order());
        }

        private bool HoldsDays(StoredFile? stored) => stored is not null && _dayOwners.Any(o => o.Value.FileId == stored.Id);

        /// <summary>Says that a rejected file's earlier version still provides its days, when it does.</summary>
        private void KeptPreviousVersion(string relative, StoredFile? stored)
        {
            if (HoldsDays(stored))
            {
                _diagnostics.Add(new Diagnostic(Severity.Error, relative, 0, "the file was rejected; the days stored from its previous version are kept"));
            }
        }

        private void Reject(string relative, int line, string message, StoredFile? stored)
        {
            var kept = HoldsDays(stored) ? "; the days stored from its previous version are kept" : "";
            _diagnostics.Add(new Diagnostic(Severity.Error, relative, line, message + kept));
            _rejected++;
        }
    }
}
