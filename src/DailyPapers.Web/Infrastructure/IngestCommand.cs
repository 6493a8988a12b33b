using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;

namespace DailyPapers.Web.Infrastructure;

/// <summary><c>dotnet run --project src/DailyPapers.Web -- ingest &lt;dir&gt; [--db &lt;path&gt;]</c></summary>
internal static class IngestCommand
{
    public const int Success = 0;
    public const int UsageError = 1;
    public const int FilesRejected = 2;

    private const string Usage = "usage: DailyPapers.Web ingest <data-directory> [--db <sqlite-file>] [--replace]";

    /// <summary>
    /// A relative path as the user meant it: against the current directory, or, since <c>dotnet run</c> starts the app
    /// in the project folder, against the checkout's root when that is where it exists.
    /// </summary>
    private static string CommandLinePath(string path, Func<string, bool> exists)
    {
        if (Path.IsPathRooted(path) || exists(path))
        {
            return Path.GetFullPath(path);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DailyPapers.sln")))
            {
                var fromRoot = Path.GetFullPath(path, dir.FullName);
                return exists(fromRoot) ? fromRoot : Path.GetFullPath(path);
            }
        }

        return Path.GetFullPath(path);
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? directory = null;
        string? database = null;
        var replace = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--db" when i + 1 < args.Length:
                    database = args[++i];
                    break;
                case "--db":
                    error.WriteLine("ingest: --db needs a path");
                    error.WriteLine(Usage);
                    return UsageError;
                case "--replace":
                    replace = true;
                    break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return Success;
                case var a when a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal):
                    rest.Add(a); // configuration overrides such as --DailyPapers:Database=…
                    break;
                case var a when a.StartsWith('-'):
                    error.WriteLine($"ingest: unknown option '{a}'");
                    error.WriteLine(Usage);
                    return UsageError;
                case var a when directory is null:
                    directory = a;
                    break;
                default:
                    error.WriteLine($"ingest: unexpected argument '{args[i]}'");
                    error.WriteLine(Usage);
                    return UsageError;
            }
        }

        if (directory is null)
        {
            error.WriteLine("ingest: the data directory is missing");
            error.WriteLine(Usage);
            return UsageError;
        }

        directory = CommandLinePath(directory, Directory.Exists);
        database = database is null ? null : CommandLinePath(database, path => Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))));
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"ingest: the data directory '{directory}' does not exist");
            return UsageError;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [.. rest] });
        var options = builder.Configuration.GetSection(DailyPapersOptions.Section).Get<DailyPapersOptions>() ?? new DailyPapersOptions();
        var databasePath = database ?? options.ResolveDatabase(builder.Environment.ContentRootPath);
        var connectionString = PapersDatabase.ConnectionString(databasePath);
        PapersDatabase.Migrate(connectionString);
        IngestReport report;
        try
        {
            report = new DigestImporter(connectionString).Ingest(directory, new IngestOptions(replace));
        }
        catch (IngestRefusedException e)
        {
            error.WriteLine("ingest: " + e.Message);
            return UsageError;
        }

        foreach (var diagnostic in report.Diagnostics)
        {
            error.WriteLine(diagnostic);
        }

        output.WriteLine($"Ingested {directory} into {databasePath}");
        output.WriteLine($"  files:    {report.FilesSeen} ({report.FilesIngested} ingested, {report.FilesUnchanged} unchanged, {report.FilesRemoved} removed, {report.FilesRejected} rejected)");
        output.WriteLine($"  days:     {report.DaysStored}");
        output.WriteLine($"  papers:   {report.PapersStored} ({report.PapersRead} read in this run)");
        output.WriteLine($"  authors:  {report.AuthorsStored}");
        output.WriteLine($"  warnings: {report.Warnings}, errors: {report.Errors}");
        output.WriteLine($"  time:     {report.Elapsed.TotalMilliseconds:0} ms");
        return report.FilesRejected > 0 ? FilesRejected : Success;
    }
}
