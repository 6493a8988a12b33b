using DailyPapers.Core.Data;

namespace DailyPapers.Web.Infrastructure;

/// <summary>The <c>DailyPapers</c> configuration section: appsettings.json, DailyPapers__X environment variables or --DailyPapers:X=… arguments.</summary>
public sealed class DailyPapersOptions
{
    public const string Section = "DailyPapers";

    /// <summary>The folder of digest files ingested at startup. Relative paths resolve against the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Where the tables live: <see cref="DatabaseProvider.Sqlite"/> (the default, a local file: <see cref="Database"/>) or
    /// <see cref="DatabaseProvider.Postgres"/> (a server several web nodes share: <c>ConnectionStrings:Postgres</c>).
    /// </summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file. Default: App_Data/dailypapers.db under the content root (ignored by git).</summary>
    public string? Database { get; set; }

    /// <summary>Ingest the data directory when the web app starts (default true).</summary>
    public bool IngestOnStartup { get; set; } = true;

    /// <summary>
    /// Finish the start-up ingest before listening (default false: the app listens at once and ingests in the background,
    /// serving what is already stored; /readyz says when the first ingest is done).
    /// </summary>
    public bool IngestBeforeServing { get; set; }

    /// <summary>While running, ingest digest files as they appear or change in the data directory (default true; needs IngestOnStartup).</summary>
    public bool WatchDataDirectory { get; set; } = true;

    /// <summary>Minutes between full rescans of the data directory, for changes a file watcher cannot see (default 10).</summary>
    public int RescanMinutes { get; set; } = 10;

    /// <summary>
    /// The day an ingest takes as today (default: the clock's date, read when each ingest starts). A digest dated after
    /// the end of the following year is refused as a mistyped date; set this only to ingest an archive that reaches
    /// further, such as the benchmarks' synthetic ones.
    /// </summary>
    public DateOnly? Today { get; set; }

    /// <summary>Keep rendered pages in memory until an ingest changes what they show (default true). Off, every request renders.</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>How many reader libraries one client address may create an hour (issue 30); past it, 429.</summary>
    public int LibrariesPerHour { get; set; } = 20;

    /// <summary>
    /// The addresses of the reverse proxies or load balancers in front of the app, comma-separated (unset: none). From
    /// these alone the last client address of <c>X-Forwarded-For</c> is taken as the client's, so the per-address
    /// library limit counts readers, not the proxy; a header from anyone else is ignored, as it could be forged.
    /// </summary>
    public string? TrustedProxies { get; set; }

    /// <summary>
    /// The site's public address (https://papers.example.org, or with a path prefix), the origin of every absolute URL in
    /// feeds, sitemaps and link previews. Unset, see <see cref="Hosts"/>.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Without <see cref="PublicUrl"/>: the host names whose requests may use their own origin in absolute URLs (default
    /// the loopback names). Requests naming any other host get the server's listening address instead.
    /// </summary>
    public IList<string> Hosts { get; } = ["localhost", "127.0.0.1", "[::1]"];

    public string ResolveDatabase(string contentRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(Database) ? Path.Combine("App_Data", "dailypapers.db") : Database, contentRoot);

    /// <summary>
    /// A relative data directory resolves against the content root; when nothing is there, the copy of the repository's
    /// data/ shipped beside the app (the embedded default) is used. Under <c>dotnet run</c> the project's launch settings
    /// point it at the checkout's data/ folder.
    /// </summary>
    public string ResolveDataDirectory(string contentRoot)
    {
        var underRoot = Path.GetFullPath(DataDirectory, contentRoot);
        if (Path.IsPathRooted(DataDirectory) || Directory.Exists(underRoot))
        {
            return underRoot;
        }

        var shipped = Path.GetFullPath(DataDirectory, AppContext.BaseDirectory);
        return Directory.Exists(shipped) ? shipped : underRoot;
    }
}

/// <summary>The sample digests shipped beside the app (the repository's data/): the embedded default data folder.</summary>
internal static class EmbeddedSample
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "data");
}
