using System.Diagnostics;
using System.Security.Cryptography;
using DailyPapers.Core.Parsing;
using System.Data.Common;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// Ingests a folder of digest files into the database, incrementally: an unchanged file is skipped, a changed file
/// replaces its day in one transaction, a file that disappeared takes its day with it. A file that cannot be read or
/// parsed is reported and leaves what was stored from it before untouched.
/// </summary>
/// <remarks>
/// <para>A run is five stages (<see cref="IngestStage"/>): <see cref="ScanStage"/> lists the folder and decides per file
/// whether it must be read, <see cref="ReadStage"/> parses and renders it and cuts each paper's text into terms once
/// (both on a thread of their own, ahead of the writer, in path order), <see cref="IngestRun"/> decides what each file
/// means for the stored data and <see cref="StoreStage"/> writes it, <see cref="DeriveStage"/> keeps the search index,
/// similar papers and term counts, and <see cref="PublishStage"/> logs what changed.</para>
/// <para>Writes go through prepared commands (SQLite, or PostgreSQL with <c>COPY</c> for bulk rows) rather than EF change
/// tracking: ingest is the one bulk path, and the tracking overhead would dominate it. The schema itself belongs to the
/// EF model and each provider's migrations.</para>
/// </remarks>
public sealed class DigestImporter(Database database)
{
    /// <summary>An importer for tests and tools that hold only a connection string.</summary>
    public DigestImporter(string connectionString, DatabaseProvider provider = DatabaseProvider.Sqlite)
        : this(Database.For(provider, connectionString))
    {
    }

    /// <summary>
    /// Starts making the read stage ready (KaTeX, the parser and renderer) in the background, once per process: call it
    /// before opening or migrating the database when an ingest follows, so the first file read does not wait for it.
    /// </summary>
    public static void WarmUp() => ReadStage.WarmUp();

    public IngestReport Ingest(string dataDirectory, CancellationToken cancellationToken = default) =>
        Ingest(dataDirectory, new IngestOptions(), cancellationToken);

    public IngestReport Ingest(string dataDirectory, IngestOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        WarmUp();
        var root = Path.GetFullPath(dataDirectory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The data directory '{dataDirectory}' does not exist.");
        }

        using var writer = IngestLock.Acquire(database, cancellationToken, options.Waiting);
        using var connection = database.OpenIngestConnection();
        // A database from before the search index, the term counts or the code links, or with a damaged index, has them
        // made whole first.
        Search.SearchIndex.EnsureComplete(connection);
        Search.TermCounts.EnsureComplete(connection);
        CodeLinkRows.EnsureComplete(connection);
        return Run(connection, root, options, Stopwatch.GetElapsedTime(started), cancellationToken);
    }

    private static IngestReport Run(DbConnection connection, string root, IngestOptions options, TimeSpan startUp, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var clock = new StageClock();
        // Output of an older parser is read again, so parser fixes reach rows already stored.
        var rereadAll = connection.Text(null, "SELECT Value FROM Meta WHERE Key = 'ParserVersion'") != DigestParser.Version;
        ScanStage scan;
        FolderScan listing;
        var diagnostics = new List<Diagnostic>();
        using (clock.In(IngestStage.Scan))
        {
            scan = ScanStage.Load(connection, root, rereadAll);
            listing = scan.List(diagnostics);
        }

        var files = listing.Files;
        var replacedSample = GuardAgainstWipe(connection, scan, root, files, options);
        var sql = SqlDialect.Of(connection);
        using var derive = new DeriveStage(connection, sql, clock);
        using var store = new StoreStage(connection, sql, derive, new PublishStage(sql, clock));
        var run = new IngestRun(scan, store, rereadAll, cancellationToken);
        run.Diagnostics.AddRange(diagnostics);
        using (clock.In(IngestStage.Store))
        {
            run.RemoveVanished(files, listing.UnreadableFolders);
            foreach (var file in ScanAndRead(scan, files, options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow), derive.TakesVectors, clock, cancellationToken))
            {
                run.Apply(file);
            }

            // A day that moved to another file is free once the file it left has been applied.
            run.ApplyDeferred();

            // A run stopped before its end left similar papers and term counts to settle, even if no file changed since.
            if (run.Changed || rereadAll || DeriveStage.HasPending(connection, store.Open))
            {
                store.Relist(DeriveStage.MarkedPapers(connection, store.Open));
                store.Finish();
                // The change log keeps its latest entries; an app that fell further behind drops every cached page.
                PublishStage.Prune(store.Batch());
                store.SetMeta("ParserVersion", DigestParser.Version);
                store.SetMeta("DataRoot", root);
                run.Changed = true;
            }

            store.Commit();
        }

        var stages = clock.Totals();
        return new IngestReport(
            files.Count, run.Ingested, run.Unchanged, run.Removed, run.Rejected, run.PapersRead,
            (int)connection.Number(null, "SELECT COUNT(*) FROM Days"),
            (int)connection.Number(null, "SELECT COUNT(*) FROM Papers"),
            (int)connection.Number(null, "SELECT COUNT(*) FROM Authors"),
            run.Changed, run.Diagnostics, startUp + Stopwatch.GetElapsedTime(started), replacedSample)
        {
            Stages = stages,
            WaitedForRead = clock.WaitedForRead,
        };
    }

    /// <summary>
    /// The scan and read stages, on worker threads a bounded distance ahead of the writer (<see cref="ReadAhead"/>),
    /// files handed over in path order.
    /// </summary>
    private static IEnumerable<ReadFile> ScanAndRead(
        ScanStage scan, IReadOnlyList<DigestPath> files, DateOnly today, bool vectors, StageClock clock, CancellationToken cancellationToken)
    {
        using var ahead = ReadAhead.Start(files, file =>
        {
            var at = Stopwatch.GetTimestamp();
            var scanned = scan.Examine(file);
            var middle = Stopwatch.GetTimestamp();
            var result = ReadStage.Read(scanned, today, vectors);
            clock.Add(IngestStage.Scan, middle - at);
            clock.Add(IngestStage.Read, Stopwatch.GetTimestamp() - middle);
            return result;
        }, Environment.ProcessorCount, cancellationToken);
        foreach (var file in ahead.InOrder(clock.Waited))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return file;
        }
    }

    /// <summary>
    /// Refuses a run that would empty the database by accident: another folder's data, or an empty folder. Returns the
    /// folder of a sample-only database this run replaces.
    /// </summary>
    private static string? GuardAgainstWipe(DbConnection connection, ScanStage scan, string root, IReadOnlyList<DigestPath> files, IngestOptions options)
    {
        if (options.Replace || scan.Stored.Count == 0)
        {
            return null;
        }

        var storedRoot = connection.Text(null, "SELECT Value FROM Meta WHERE Key = 'DataRoot'");
        if (storedRoot is not null && !string.Equals(storedRoot, root, StringComparison.Ordinal))
        {
            if (HoldsOnlySample(scan, options.Sample))
            {
                return storedRoot;
            }

            throw new IngestRefusedException(
                $"The database holds digests ingested from {storedRoot}; ingesting {root} would remove them. " +
                "Pass --replace to replace them with this folder's, or give another database.");
        }

        if (files.Count == 0)
        {
            throw new IngestRefusedException(
                $"{root} holds no *.md digests; refusing to remove the {scan.Stored.Count} files' days stored from it. " +
                "If the folder is really empty now, pass --replace.");
        }

        return null;
    }

    /// <summary>Every stored file is a copy of one of the sample digests, by content: nothing of a user's would be lost.</summary>
    private static bool HoldsOnlySample(ScanStage scan, string? sample)
    {
        if (sample is null || !Directory.Exists(sample))
        {
            return false;
        }

        var hashes = Directory.EnumerateFiles(sample, "*.md", SearchOption.TopDirectoryOnly)
            .Where(f => DigestRead.Refusal(f) is null)
            .Select(f => DigestRead.ReadBounded(f, DigestLimits.MaxBytes))
            .OfType<byte[]>()
            .Select(bytes => Convert.ToHexStringLower(SHA256.HashData(bytes)))
            .ToHashSet(StringComparer.Ordinal);
        return scan.Stored.Values.All(f => hashes.Contains(f.Hash));
    }
}
