using DailyPapers.Core.Ingestion;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Web.Infrastructure;

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
