using DailyPapers.Core.Ingestion;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Web.Infrastructure;

/// <summary>
/// Ingests the data directory, one run at a time, and logs what it found. Start-up runs it once before serving; the
/// <see cref="DataFolderWatcher"/> runs it again whenever digest files change, so <c>git pull</c> is the whole update.
/// A run refused because it would remove what a user ingested from another folder is not only logged: it is the
/// <see cref="Refusal"/> that <c>/readyz</c> and every page's banner show until a run succeeds.
/// </summary>
public sealed partial class DataFolderIngest(DatabaseLocation location, StartupIngest startup, OpenedDatabase opened, DailyPapersOptions settings, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache, ILogger<DataFolderIngest> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private volatile bool _firstRunDone;
    private volatile string? _refusal;
    private volatile string? _failure;

    /// <summary>The first ingest since start has finished (or none was asked for): what is stored is what the folder holds.</summary>
    public bool FirstRunDone => _firstRunDone;

    /// <summary>Why the last run was refused (it would have removed data ingested from another folder), or null.</summary>
    public string? Refusal => _refusal;

    /// <summary>Why the last run failed for want of disk space (nothing it began was kept) or did not run because the database file is gone, or null.</summary>
    public string? Failure => _failure;

    public void MarkFirstRunDone() => _firstRunDone = true;

    public void Dispose() => _oneAtATime.Dispose();

    /// <returns>The report, or null when there was nothing to ingest or the run was refused.</returns>
    public async Task<IngestReport?> RunAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!Directory.Exists(location.DataDirectory))
            {
                LogMissingDataDirectory(logger, location.DataDirectory);
                return null;
            }

            if (opened.File?.Changed() is { } changed)
            {
                // Writing on would fill a file nobody can open again (deleted) or one the app does not serve (replaced).
                _failure = "the data folder is not ingested: " + changed;
                LogFailure(logger, _failure);
                return null;
            }

            IngestReport report;
            try
            {
                // --replace given to the server allows its first run only: a folder emptied later is still refused.
                var options = new IngestOptions(Replace: startup.Replace && !_firstRunDone, Sample: EmbeddedSample.Directory, Today: settings.Today);
                report = location.Importer().Ingest(location.DataDirectory, options, cancellationToken);
            }
            catch (IngestRefusedException e)
            {
                LogRefused(logger, e.Message);
                await SetRefusalAsync(e.Message, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (Exception e) when (DailyPapers.Core.Data.StorageFull.Is(e))
            {
                // A sentence, not a stack trace; /readyz says it until a run succeeds. The run's transaction rolled back.
                _failure = $"the last ingest of {location.DataDirectory} failed: the disk holding the database is full ({e.Message}); free some space, and the next change or rescan tries again";
                LogFailure(logger, _failure);
                return null;
            }

            _failure = null;
            await SetRefusalAsync(null, cancellationToken).ConfigureAwait(false);
            if (report.ReplacedSample is { } sample)
            {
                LogReplacedSample(logger, sample, location.DataDirectory);
            }

            foreach (var diagnostic in report.Diagnostics)
            {
                if (diagnostic.Severity == Severity.Error)
                {
                    LogDiagnosticError(logger, diagnostic.ToString());
                }
                else
                {
                    LogDiagnosticWarning(logger, diagnostic.ToString());
                }
            }

            LogIngested(logger, location.DataDirectory, report.Summary);
            return report;
        }
        finally
        {
            _firstRunDone = true;
            _oneAtATime.Release();
        }
    }

    /// <summary>Every cached page carries the banner or its absence: a change drops them all.</summary>
    private async Task SetRefusalAsync(string? refusal, CancellationToken cancellationToken)
    {
        if (_refusal == refusal)
        {
            return;
        }

        _refusal = refusal;
        await cache.EvictByTagAsync(PageCache.Every, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Failure}")]
    private static partial void LogFailure(ILogger logger, string failure);


    [LoggerMessage(Level = LogLevel.Information, Message = "The database held only the sample digests (from {Sample}); they are replaced by the digests of {Directory}")]
    private static partial void LogReplacedSample(ILogger logger, string sample, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "The data directory {Directory} does not exist; serving what the database already holds")]
    private static partial void LogMissingDataDirectory(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest refused, serving what the database already holds: {Reason} Every page says so until it is resolved.")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Diagnostic}")]
    private static partial void LogDiagnosticError(ILogger logger, string diagnostic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Diagnostic}")]
    private static partial void LogDiagnosticWarning(ILogger logger, string diagnostic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Directory}: {Summary}")]
    private static partial void LogIngested(ILogger logger, string directory, string summary);
}

/// <summary>
/// Keeps the database current while the app runs: a file watcher on the data directory notices new, changed, renamed
/// and deleted digests and ingests them a moment later (changes arriving together, as from <c>git pull</c>, make one
/// run), and a periodic rescan catches what a watcher can miss (network folders, overflowing event buffers). An ingest
/// only reads files whose size, time stamp or hash changed, so a rescan with nothing new costs milliseconds.
/// </summary>
internal sealed partial class DataFolderWatcher(DatabaseLocation location, DataFolderIngest ingest, ILogger<DataFolderWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (location.IngestOnStartup && !location.IngestBeforeServing)
        {
            // The app already listens; the first ingest runs here, and /readyz answers 503 until it is done.
            await Task.Yield();
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }

        if (!location.WatchDataDirectory || !Directory.Exists(location.DataDirectory))
        {
            return;
        }

        using var changed = new SemaphoreSlim(0);
        // No "*.md" filter: a folder of digests moved in whole (or made by git) shows as one event on the folder.
        using var watcher = new FileSystemWatcher(location.DataDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void Signal(object sender, EventArgs e) => changed.Release();
        watcher.Created += Signal;
        watcher.Changed += Signal;
        watcher.Deleted += Signal;
        watcher.Renamed += Signal;
        watcher.Error += Signal;
        watcher.EnableRaisingEvents = true;
        LogWatching(logger, location.DataDirectory, location.Rescan);

        while (!stoppingToken.IsCancellationRequested)
        {
            // Wake on a change or when the rescan is due; then let a burst of changes settle before reading them.
            await changed.WaitAsync(location.Rescan, stoppingToken).ConfigureAwait(false);
            await Task.Delay(Settle, stoppingToken).ConfigureAwait(false);
            while (changed.CurrentCount > 0)
            {
                await changed.WaitAsync(stoppingToken).ConfigureAwait(false);
            }

            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Run(() => ingest.RunAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Directory} for digest changes (full rescan every {Rescan})")]
    private static partial void LogWatching(ILogger logger, string directory, TimeSpan rescan);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An ingest of the watched data directory failed; the next change or rescan tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>What the server's command line asked of its first ingest: <c>--replace</c> lets it replace another folder's data.</summary>
public sealed record StartupIngest(bool Replace);
