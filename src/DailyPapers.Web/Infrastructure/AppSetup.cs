using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Library;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Infrastructure;

internal static partial class AppSetup
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The database {Database} cannot be written by this process: it is served as it is, and the data folder is not ingested")]
    private static partial void LogReadOnly(ILogger logger, string database);

    public static void AddDailyPapers(this WebApplicationBuilder builder, StartupIngest? startup = null)
    {
        var options = ReadOptions(builder.Configuration);
        var location = Locate(options, builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(location);
        builder.Services.AddSingleton(startup ?? new StartupIngest(Replace: false));
        builder.Services.AddSingleton<OpenedDatabase>();
        // Checked at start-up: a wrong PublicUrl is a configuration error named with the setting, not a broken feed later.
        PublicOrigin.Parse(options.PublicUrl);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<PublicOrigin>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<DailyPapers.Web.Pages.Feeds.FeedContext>();
        // A 1,000-character Korean query is about 9 KB once percent-encoded; Kestrel's default request line is 8 KB.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = 32 * 1024);
        builder.Services.AddSingleton(location.Database);
        // A context serves one request, its queries one after another: EF Core's check for concurrent use is not needed.
        location.Database.AddContextPool(builder.Services, o => o.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).EnableThreadSafetyChecks(false));

        builder.Services.AddHostedService<ChangeMonitor>();
        builder.Services.AddLibraryLimits(options.LibrariesPerHour);
        // Checked at start-up like PublicUrl: a mistyped proxy address is named with its setting.
        TrustProxies(new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions(), options.TrustedProxies);
        builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o => TrustProxies(o, options.TrustedProxies));
        // A library's key travels in its path: ASP.NET Core's own logs below Warning print request paths and route values
        // (request starting, the matched route, handler arguments), so they stay off whatever the configuration names for
        // these categories (a rule added here wins over the configuration's for the same category). The app's own logs
        // mask the key (LibraryPaths.Mask).
        foreach (var category in (string[])["Microsoft.AspNetCore", "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.HttpLogging", "Microsoft.AspNetCore.StaticFiles", "Microsoft.AspNetCore.Http"])
        {
            builder.Logging.AddFilter(category, LogLevel.Warning);
        }
        builder.Services.AddSingleton<DataFolderIngest>();
        builder.Services.AddHostedService<DataFolderWatcher>();
        builder.Services.AddScoped<OpenConnectionFilter>();
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(OpenConnectionFilter)));
            // One page lists a week (/weeks/2024-W05, its own route) or a month. AddPageRoute would make every link to the
            // page use the month route; a second selector keeps both routes usable for links (asp-route-week / -month).
            o.Conventions.AddPageRouteModelConvention("/Days/Period", model => model.Selectors.Add(new Microsoft.AspNetCore.Mvc.ApplicationModels.SelectorModel
            {
                AttributeRouteModel = new Microsoft.AspNetCore.Mvc.ApplicationModels.AttributeRouteModel { Template = "/months/{month}" },
            }));
        });
        // Routes are written in lower case already; lower-casing generated links would also change values (2024-W05, old arXiv ids).
        builder.Services.AddRouting(o => o.LowercaseUrls = false);
        // Korean text is written as it is, not as &#xAC00; references: a third of the bytes, and readable source.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddApiDescription();
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/problem+json"]);
        });
        builder.Services.AddOutputCache(o =>
        {
            // Bounded memory whatever visitors ask for: past this, the least recently used pages make room.
            o.SizeLimit = 64 * 1024 * 1024;
            o.AddBasePolicy(p => p.Expire(TimeSpan.FromHours(1)).Tag(PageCache.Every).SetVaryByQuery("*").VaryByValue(ReaderPreferences.CacheKey).AddPolicy<ListingsByDefault>());
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.WriteIndented = false;
            // Korean as text, not \uXXXX: about half the bytes of a Korean summary. HTML-sensitive characters stay escaped.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
    }

    /// <summary>The <c>DailyPapers</c> section; a value that cannot be read is a configuration error naming the setting.</summary>
    internal static DailyPapersOptions ReadOptions(IConfiguration configuration)
    {
        HostArguments.CheckSection(configuration);
        try
        {
            return configuration.GetSection(DailyPapersOptions.Section).Get<DailyPapersOptions>() ?? new DailyPapersOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidSettingException($"{e.Message} (DailyPapers:Provider takes {string.Join(" or ", Enum.GetNames<DatabaseProvider>())}.)", e);
        }
    }

    /// <summary>
    /// Where the data lives: the one place the configured provider is read. On PostgreSQL, the server
    /// <c>ConnectionStrings:Postgres</c> names, and no SQLite file is made or read; on SQLite, the configured file, served
    /// read-only with ingest off when this process cannot write it.
    /// </summary>
    internal static DatabaseLocation Locate(DailyPapersOptions options, IConfiguration configuration, string contentRoot)
    {
        var dataDirectory = options.ResolveDataDirectory(contentRoot);
        var rescan = TimeSpan.FromMinutes(Math.Max(1, options.RescanMinutes));
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidSettingException("DailyPapers:Provider is Postgres but ConnectionStrings:Postgres is not set (e.g. --ConnectionStrings:Postgres=\"Host=db.lan;Database=dailypapers;Username=papers\").");
            }

            DailyPapers.Core.Data.Postgres.PostgresDatabase database;
            try
            {
                database = DailyPapers.Core.Data.Postgres.PostgresDatabase.ForWebNodes(connectionString);
            }
            catch (ArgumentException e)
            {
                throw new InvalidSettingException($"ConnectionStrings:Postgres is not a PostgreSQL connection string: {e.Message}", e);
            }

            return new DatabaseLocation(
                database, dataDirectory, options.IngestOnStartup, options.OutputCache, options.WatchDataDirectory && options.IngestOnStartup,
                options.IngestBeforeServing, rescan);
        }

        var databasePath = options.ResolveDatabase(contentRoot);
        // A database this process cannot write (a read-only file, folder or mount) is served as it is, with ingest off.
        var readOnly = File.Exists(databasePath) && !PapersDatabase.CanWrite(databasePath);
        return new DatabaseLocation(
            new SqliteDatabase(readOnly ? PapersDatabase.ReadOnlyConnectionString(databasePath) : PapersDatabase.ConnectionString(databasePath)),
            dataDirectory,
            options.IngestOnStartup && !readOnly,
            options.OutputCache,
            options.WatchDataDirectory && options.IngestOnStartup && !readOnly,
            options.IngestBeforeServing,
            rescan,
            readOnly ? databasePath : null);
    }

    /// <summary>
    /// Where the <c>ingest</c> command writes: as <see cref="Locate"/>, but a SQLite file is opened for writing whatever its
    /// permissions say (one it cannot write fails clearly), and <paramref name="databaseFile"/> (<c>--db</c>) names it.
    /// </summary>
    internal static DatabaseLocation LocateForIngest(DailyPapersOptions options, IConfiguration configuration, string contentRoot, string? databaseFile)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            return databaseFile is null
                ? Locate(options, configuration, contentRoot)
                : throw new InvalidSettingException("--db names a SQLite file, but DailyPapers:Provider is Postgres; the server is ConnectionStrings:Postgres.");
        }

        return Locate(options, configuration, contentRoot) with
        {
            Database = new SqliteDatabase(PapersDatabase.ConnectionString(databaseFile ?? options.ResolveDatabase(contentRoot))),
            ReadOnlyPath = null,
        };
    }

    /// <summary>
    /// Migrates the database; ingests the data directory before the first request when so configured, otherwise leaves
    /// the first ingest to <see cref="DataFolderWatcher"/> so the app listens at once.
    /// </summary>
    public static void IngestOnStartup(this WebApplication app)
    {
        var location = app.Services.GetRequiredService<DatabaseLocation>();
        location.Database.Migrate();
        app.Services.GetRequiredService<OpenedDatabase>().File = location.Database.HoldFile();
        if (location.ReadOnlyPath is { } readOnlyPath)
        {
            LogReadOnly(app.Logger, readOnlyPath);
        }

        var ingest = app.Services.GetRequiredService<DataFolderIngest>();
        if (!location.IngestOnStartup)
        {
            ingest.MarkFirstRunDone();
        }
        else if (location.IngestBeforeServing)
        {
            ingest.RunAsync(app.Lifetime.ApplicationStopping).GetAwaiter().GetResult();
        }
    }

    /// <summary>The client's address from <c>X-Forwarded-For</c>, believed from the configured proxies only (<see cref="DailyPapersOptions.TrustedProxies"/>).</summary>
    private static void TrustProxies(Microsoft.AspNetCore.Builder.ForwardedHeadersOptions options, string? proxies)
    {
        options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor;
        options.ForwardLimit = 1;
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var text in (proxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            options.KnownProxies.Add(System.Net.IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidSettingException($"DailyPapers:TrustedProxies: '{text}' is not an IP address. Give the proxies' addresses, comma-separated."));
        }
    }

    public static void UseDailyPapers(this WebApplication app)
    {
        if (!string.IsNullOrWhiteSpace(app.Services.GetRequiredService<DailyPapersOptions>().TrustedProxies))
        {
            // Before anything reads the client's address (the library limit).
            app.UseForwardedHeaders();
        }

        // First, so that every answer to a library's address (error pages included) is private.
        app.Use(LibraryPaths.MarkPrivate);
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error/500");
        }

        app.UseWhen(c => Api.AnswersWithProblems(c.Request.Path), a => a.UseStatusCodePages());
        app.UseWhen(c => !Api.AnswersWithProblems(c.Request.Path), a => a.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.Use(ReadOnlyMethods);
        app.UseResponseCompression();
        app.Use(SecurityHeaders);
        // Files an operator drops into wwwroot after the build (robots.txt, verification files) are served too.
        app.UseStaticFiles();
        app.UseRouting();
        app.Use(ParameterDoor.Check);
        app.UseRateLimiter();
        if (app.Services.GetRequiredService<DatabaseLocation>().OutputCache)
        {
            app.UseOutputCache();
        }

        app.UseMiddleware<ContentETagMiddleware>();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        Pages.Crawl.CrawlEndpoints.MapCrawl(app);
        HealthEndpoints.Map(app);
        ReaderPreferences.MapPreferences(app);
        app.MapApi();
        app.MapLibraries();
        DailyPapers.Web.Pages.Feeds.FeedsApi.MapFeeds(app);
    }

    /// <summary>
    /// Everything but the readers' libraries is read-only: GET and HEAD are served, OPTIONS says so, and any other method
    /// is answered 405 with the methods that are allowed, before any page or endpoint runs. A library's addresses also
    /// take POST, PUT and DELETE (their endpoints answer 405 to a method they do not take).
    /// </summary>
    private static Task ReadOnlyMethods(HttpContext context, Func<Task> next)
    {
        var method = context.Request.Method;
        // A library's failed post re-executed into the error page keeps its method: the page it shows is still an answer.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
            || HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            || ((HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method)) && LibraryPaths.IsPrivate(context.Request.Path)))
        {
            return next();
        }

        context.Response.Headers.Allow = "GET, HEAD, OPTIONS";
        context.Response.StatusCode = HttpMethods.IsOptions(method) ? StatusCodes.Status204NoContent : StatusCodes.Status405MethodNotAllowed;
        return Task.CompletedTask;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        // Digest content is never trusted: even if markup slipped through, no inline script or foreign script runs.
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' https: data:; media-src 'self' https:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        // Served over HTTPS (directly, or through a proxy whose forwarded headers the app trusts): stay on HTTPS. Not
        // for loopback names, where a developer's browser would remember it for every local port.
        if (context.Request.IsHttps && !IsLoopback(context.Request.Host.Host))
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }

        return next();
    }
}

/// <summary>The database file as the app opened it at start (<see cref="DatabaseFile"/>; none on a server), for /readyz to compare with its path.</summary>
public sealed class OpenedDatabase : IDisposable
{
    public DatabaseFile? File { get; set; }

    public void Dispose() => File?.Dispose();
}

/// <summary>Where the data lives, resolved once from configuration.</summary>
public sealed record DatabaseLocation(
    Database Database, string DataDirectory, bool IngestOnStartup, bool OutputCache = true, bool WatchDataDirectory = false,
    bool IngestBeforeServing = true, TimeSpan Rescan = default, string? ReadOnlyPath = null)
{
    /// <summary>An importer that ingests into this database.</summary>
    public DailyPapers.Core.Ingestion.DigestImporter Importer() => new(Database);
}
