using System.CommandLine;
using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;

namespace DailyPapers.Web.Infrastructure;

/// <summary>
/// The command line: <c>serve</c> (the default) runs the web app, <c>ingest</c> ingests a folder of digests. Options
/// the commands do not define (<c>--urls</c>, <c>--DailyPapers:Database=…</c>) are ASP.NET Core configuration and pass
/// through to it. <c>--help</c> lists every command and option.
/// </summary>
internal static class CommandLine
{
    public const int Success = 0;
    public const int UsageError = 1;
    public const int FilesRejected = 2;
    public const int DatabaseUnusable = 3;

    public static RootCommand Build(Func<string[], int> serve)
    {
        var root = new RootCommand("DailyPapers: browse the daily research-paper digests of l-yohai/daily_papers_ko.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var serveCommand = new Command("serve", "Run the web app (the default): ingest the data directory, then serve it. Any ASP.NET Core option passes through, e.g. --urls http://127.0.0.1:5080 or --DailyPapers:Database=/srv/papers.db.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serveCommand.SetAction(result => serve([.. result.UnmatchedTokens]));
        root.SetAction(result => serve([.. result.UnmatchedTokens]));
        root.Subcommands.Add(serveCommand);
        root.Subcommands.Add(Ingest());
        return root;
    }

    private static Command Ingest()
    {
        var directory = new Argument<DirectoryInfo>("directory")
        {
            Description = "The folder of digest files; every *.md under it is read. A relative path is taken from the current directory (under 'dotnet run', the project's folder).",
        };
        directory.AcceptExistingOnly();
        var database = new Option<FileInfo?>("--db")
        {
            Description = "The SQLite file to ingest into. Default: the configured DailyPapers:Database.",
        };
        var replace = new Option<bool>("--replace")
        {
            Description = "Replace what the database holds from another folder, or let an emptied folder empty it.",
        };
        var command = new Command("ingest", "Ingest a folder of digests into the database and report what changed. Exit code 0: every file ingested; 2: some files rejected (the good ones are stored); 1: a usage error or a refused ingest; 3: the database cannot be used.")
        {
            directory,
            database,
            replace,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(result => Run(
            result.GetValue(directory)!.FullName, result.GetValue(database)?.FullName, result.GetValue(replace), [.. result.UnmatchedTokens], Console.Out, Console.Error));
        return command;
    }

    private static int Run(string directory, string? database, bool replace, string[] configuration, TextWriter output, TextWriter error)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = configuration });
        DatabaseLocation location;
        try
        {
            var options = AppSetup.ReadOptions(builder.Configuration);
            if (database is not null && options.Provider != DatabaseProvider.Sqlite)
            {
                error.WriteLine("ingest: --db names a SQLite file, but DailyPapers:Provider is Postgres; the server is ConnectionStrings:Postgres.");
                return UsageError;
            }

            location = AppSetup.Locate(options, builder.Configuration, builder.Environment.ContentRootPath);
            if (location.Provider == DatabaseProvider.Sqlite)
            {
                // An ingest opens the file for writing whatever its permissions say; one it cannot write fails clearly.
                location = location with { ConnectionString = PapersDatabase.ConnectionString(database ?? options.ResolveDatabase(builder.Environment.ContentRootPath)), ReadOnlyPath = null };
            }
        }
        catch (InvalidSettingException e)
        {
            error.WriteLine("ingest: " + e.Message);
            return UsageError;
        }

        var target = location.Provider == DatabaseProvider.Postgres
            ? DailyPapers.Core.Data.Postgres.PostgresDatabase.Describe(location.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(location.ConnectionString).DataSource;
        try
        {
            location.Migrate();
        }
        catch (DatabaseUnusableException e)
        {
            error.WriteLine("ingest: " + e.Message);
            return DatabaseUnusable;
        }

        IngestReport report;
        try
        {
            report = location.Importer().Ingest(directory, new IngestOptions(replace, message => error.WriteLine("ingest: " + message)));
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

        output.WriteLine($"Ingested {directory} into {target}");
        output.WriteLine($"  files:    {report.FilesSeen} ({report.FilesIngested} ingested, {report.FilesUnchanged} unchanged, {report.FilesRemoved} removed, {report.FilesRejected} rejected)");
        output.WriteLine($"  days:     {report.DaysStored}");
        output.WriteLine($"  papers:   {report.PapersStored} ({report.PapersRead} read in this run)");
        output.WriteLine($"  authors:  {report.AuthorsStored}");
        output.WriteLine($"  warnings: {report.Warnings}, errors: {report.Errors}");
        output.WriteLine($"  time:     {report.Elapsed.TotalMilliseconds:0} ms");
        return report.FilesRejected > 0 ? FilesRejected : Success;
    }
}
