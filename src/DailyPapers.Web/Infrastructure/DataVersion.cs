using DailyPapers.Core.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Web.Infrastructure;

/// <summary>
/// The version of the stored data, which every ingest that changes rows bumps. ETags are made from it, and the output
/// cache is emptied when it moves, whichever process ran the ingest.
/// </summary>
public sealed class DataVersion(DatabaseLocation location)
{
    // The build is part of the tag: a new version of the app renders the same data differently.
    private static readonly string Build = typeof(DataVersion).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    private volatile string _current = "";

    public string Current => _current;

    public string ETag { get; private set; } = "";

    /// <returns>True when the version moved.</returns>
    public bool Refresh()
    {
        using var connection = new SqliteConnection(location.ConnectionString);
        connection.Open();
        var version = PapersDatabase.DataVersion(connection);
        if (version == _current)
        {
            return false;
        }

        ETag = $"W/\"{Build}-{version}\"";
        _current = version;
        return true;
    }
}

/// <summary>Polls the data version so an ingest run from the command line shows up in a running app.</summary>
internal sealed partial class DataVersionMonitor(DataVersion version, IOutputCacheStore cache, ILogger<DataVersionMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (version.Refresh())
                {
                    await cache.EvictByTagAsync(AppSetup.DataTag, stoppingToken).ConfigureAwait(false);
                    LogChanged(logger, version.Current);
                }
            }
            catch (SqliteException e)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data version is now {Version}; cached pages dropped")]
    private static partial void LogChanged(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the data version")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Answers conditional GETs with 304 while the data has not changed since the client's copy.</summary>
internal sealed class DataETagMiddleware(RequestDelegate next, DataVersion version)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return next(context);
        }

        // Static assets carry their own ETags.
        var path = context.Request.Path;
        if (path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/favicon.svg"))
        {
            return next(context);
        }

        var etag = version.ETag;
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Contains(etag, StringComparison.Ordinal)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = etag;
            return Task.CompletedTask;
        }

        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                context.Response.Headers.ETag = etag;
                context.Response.Headers.CacheControl = "public, no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
