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

/// <summary>What the server's command line asked of its first ingest: <c>--replace</c> lets it replace another folder's data.</summary>
public sealed record StartupIngest(bool Replace);
