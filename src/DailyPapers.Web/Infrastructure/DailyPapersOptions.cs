namespace DailyPapers.Web.Infrastructure;

/// <summary>The <c>DailyPapers</c> configuration section: appsettings.json, DailyPapers__X environment variables or --DailyPapers:X=… arguments.</summary>
public sealed class DailyPapersOptions
{
    public const string Section = "DailyPapers";

    /// <summary>The folder of digest files ingested at startup. Relative paths resolve against the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The SQLite file. Default: App_Data/dailypapers.db under the content root (ignored by git).</summary>
    public string? Database { get; set; }

    /// <summary>Ingest the data directory when the web app starts (default true).</summary>
    public bool IngestOnStartup { get; set; } = true;

    /// <summary>Keep rendered pages in memory until an ingest changes what they show (default true). Off, every request renders.</summary>
    public bool OutputCache { get; set; } = true;

    public string ResolveDatabase(string contentRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(Database) ? Path.Combine("App_Data", "dailypapers.db") : Database, contentRoot);

    /// <summary>
    /// A relative data directory resolves against the content root, or, under <c>dotnet run</c> from a checkout, against
    /// the repository root (the folder holding DailyPapers.sln above the content root), so Debug and Release builds
    /// share one folder. Otherwise the copy of the repository's data/ shipped beside the app (the embedded default).
    /// </summary>
    public string ResolveDataDirectory(string contentRoot)
    {
        var underRoot = Path.GetFullPath(DataDirectory, contentRoot);
        if (Path.IsPathRooted(DataDirectory) || Directory.Exists(underRoot))
        {
            return underRoot;
        }

        for (var dir = new DirectoryInfo(contentRoot).Parent; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DailyPapers.sln")))
            {
                var inRepository = Path.GetFullPath(DataDirectory, dir.FullName);
                if (Directory.Exists(inRepository))
                {
                    return inRepository;
                }

                break;
            }
        }

        var shipped = Path.GetFullPath(DataDirectory, AppContext.BaseDirectory);
        return Directory.Exists(shipped) ? shipped : underRoot;
    }
}
