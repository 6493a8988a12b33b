using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;
using DailyPapers.Web.Pages.Authors;
using DailyPapers.Web.Pages.Days;
using DailyPapers.Web.Pages.Papers;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Web.Infrastructure;

/// <summary>
/// Reads the change log every two seconds, so an ingest run by the app or from the command line shows up without a
/// restart, and evicts only the pages showing what changed: the changed days and the days beside them (their previous
/// and next links), the papers and authors, and the listings. Where the database sends notices (PostgreSQL), every node
/// also listens for the one each ingest sends as its transaction commits (<see cref="Database.ListenForChangesAsync"/>),
/// so a change shows on every node at once; the two-second read stays as the fallback if that connection drops.
/// </summary>
internal sealed partial class ChangeMonitor(Database database, IOutputCacheStore cache, ILogger<ChangeMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _notified = new(0, 1);
    private long _seen = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = ListenAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await CatchUpAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (System.Data.Common.DbException e)
                {
                    LogFailed(logger, e);
                }

                await _notified.WaitAsync(Interval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }

        await listening.ConfigureAwait(false);
    }

    /// <summary>Wakes the loop whenever an ingest on any node commits; reconnects after a lost connection.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await database.ListenForChangesAsync(Wake, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or TimeoutException)
            {
                LogFailed(logger, e);
                await Task.Delay(Interval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void Wake()
    {
        try
        {
            _notified.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one catch-up reads every change since the last.
        }
    }

    public override void Dispose()
    {
        _notified.Dispose();
        base.Dispose();
    }

    /// <summary>Evicts what the changes logged since the last call touched. The first call only notes where the log stands.</summary>
    internal async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Connection();
        connection.Open();
        var latest = ChangeLog.LatestChange(connection);
        if (_seen < 0 || latest <= _seen)
        {
            _seen = Math.Max(_seen, latest);
            return;
        }

        var (changes, gap) = ChangeLog.ChangesAfter(connection, _seen);
        var tags = changes.Select(c => c.Tag).ToHashSet(StringComparer.Ordinal);
        if (gap || tags.Contains(ChangeTags.Everything))
        {
            await cache.EvictByTagAsync(PageCache.Every, cancellationToken).ConfigureAwait(false);
            LogEvictedAll(logger, latest);
        }
        else
        {
            foreach (var day in tags.ToList())
            {
                if (ChangeTags.TryParseDay(day, out var date))
                {
                    foreach (var neighbour in ChangeLog.Neighbours(connection, date))
                    {
                        tags.Add(ChangeTags.Day(neighbour));
                    }
                }
            }

            tags.Add(PageCache.Listings);
            foreach (var tag in tags)
            {
                await cache.EvictByTagAsync(tag, cancellationToken).ConfigureAwait(false);
            }

            LogEvicted(logger, tags.Count, latest);
        }

        _seen = changes.Count > 0 ? changes[^1].Id : latest;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data changed (log at {Latest}); every cached page dropped")]
    private static partial void LogEvictedAll(ILogger logger, long latest);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data changed (log at {Latest}); cached pages of {Count} tags dropped")]
    private static partial void LogEvicted(ILogger logger, int count, long latest);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the change log")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
