using System.CommandLine;
using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;

namespace DailyPapers.Web.Infrastructure;

/// <summary>
/// The command line: <c>serve</c> (the default) runs the web app, <c>ingest</c> ingests a folder of digests. Settings
/// (<c>--urls http://…</c>, <c>--DailyPapers:Database=…</c>) are ASP.NET Core configuration and pass through to it once
/// <see cref="HostArguments"/> has checked them: anything else is a usage error, never silently ignored. <c>--help</c>
/// lists every command and option.
/// </summary>
internal static class CommandLine
{
    public const int Success = 0;
    public const int IngestRefused = 1;
    public const int UsageError = 2;
    public const int DatabaseUnusable = 3;
    public const int FilesRejected = 4;
    public const int CannotListen = 5;

    /// <summary>Parses and runs the command; a malformed or unknown option exits with <see cref="UsageError"/>, naming it.</summary>
    public static int Run(string[] args, Func<string[], bool, int> serve)
    {
        var result = Build(serve).Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine("dailypapers: " + error.Message);
            }

            Console.Error.WriteLine("dailypapers: --help lists the commands and options.");
            return UsageError;
        }

        return result.Invoke();
    }

    public static RootCommand Build(Func<string[], bool, int> serve)
    {
        var root = new RootCommand("DailyPapers: browse the daily research-paper digests of l-yohai/daily_papers_ko.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var replace = ReplaceOption("Replace what the database holds from another folder with the data directory's digests, or let an emptied folder empty it (the start-up ingest only). A database holding only the sample digests is replaced without it.");
        var serveCommand = new Command("serve", "Run the web app (the default): ingest the data directory, then serve it. ASP.NET Core settings pass through, e.g. --urls http://127.0.0.1:5080 or --DailyPapers:Database=/srv/papers.db; an unknown option is an error (exit code 2).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serveCommand.Options.Add(replace);
        root.Options.Add(replace);
        serveCommand.SetAction(result => Serve(serve, result, replace));
        root.SetAction(result => Serve(serve, result, replace));
        root.Subcommands.Add(serveCommand);
        root.Subcommands.Add(Ingest());
        return root;
    }

    private static Option<bool> ReplaceOption(string description) => new("--replace") { Description = description };

    private static int Serve(Func<string[], bool, int> serve, ParseResult result, Option<bool> replace)
    {
        string[] settings;
        try
        {
            settings = HostArguments.Check(result.UnmatchedTokens);
        }
        catch (InvalidSettingException e)
        {
            Console.Error.WriteLine("dailypapers: " + e.Message);
            return UsageError;
        }

        return serve(settings, result.GetValue(replace));
    }

    private static Command Ingest()
    {
        var directory = new Argument<DirectoryInfo>("directory")
        {
            Description = "The folder of digest files; every *.md under it is read. A relative path is taken from the current directory (under 'dotnet run', the project's folder).",
        };
        // Named as resolved: under `dotnet run` a relative path is taken from the project's folder, not where one stands.
        directory.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<DirectoryInfo>() is { Exists: false } missing)
            {
                result.AddError($"Directory does not exist: '{missing.FullName}' (a relative path is taken from {Environment.CurrentDirectory}; give an absolute one, e.g. \"$PWD/data\").");
            }
        });
        var database = new Option<FileInfo?>("--db")
        {
            Description = "The SQLite file to ingest into. Default: the configured DailyPapers:Database.",
        };
        var replace = ReplaceOption("Replace what the database holds from another folder, or let an emptied folder empty it. A database holding only the sample digests is replaced without it.");
        var command = new Command("ingest", "Ingest a folder of digests into the database and report what changed. Exit code 0: every file ingested; 1: the ingest was refused (it would remove data; see --replace); 2: a usage error; 3: the database cannot be used; 4: some files rejected (the good ones are stored).")
        {
            directory,
            database,
            replace,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(result => RunIngest(
            result.GetValue(directory)!.FullName, result.GetValue(database)?.FullName, result.GetValue(replace), result.UnmatchedTokens, Console.Out, Console.Error));
        return command;
    }

    private static int RunIngest(string directory, string? database, bool replace, IReadOnlyList<string> tokens, TextWriter output, TextWriter error)
    {
        DatabaseLocation location;
        DateOnly? today;
        WebApplicationBuilder builder;
        try
        {
            var settings = HostArguments.Check(tokens);
            // The same content root as the server's, so both find the same default database (App_Data under it).
            builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = settings, ContentRootPath = AppFolders.ContentRoot(settings) });
            var options = AppSetup.ReadOptions(builder.Configuration);
            today = options.Today;
            location = AppSetup.LocateForIngest(options, builder.Configuration, builder.Environment.ContentRootPath, database);
        }
        catch (InvalidSettingException e)
        {
            error.WriteLine("ingest: " + e.Message);
            return UsageError;
        }

        var target = location.Database.Name;
        // Reading's first costs (KaTeX's engine, compiling the parser) are paid while the database is opened and migrated.
        DigestImporter.WarmUp();
        try
        {
            location.Database.Migrate();
        }
        catch (DatabaseUnusableException e)
        {
            error.WriteLine("ingest: " + e.Message);
            return DatabaseUnusable;
        }
        catch (Exception e) when (StorageFull.Is(e))
        {
            error.WriteLine($"ingest: the disk holding {target} is full ({e.Message}); nothing was changed. Free some space and run the ingest again.");
            return DatabaseUnusable;
        }

        IngestReport report;
        try
        {
            report = location.Importer().Ingest(directory, new IngestOptions(replace, message => error.WriteLine("ingest: " + message), EmbeddedSample.Directory, today));
        }
        catch (IngestRefusedException e)
        {
            error.WriteLine("ingest: " + e.Message);
            return IngestRefused;
        }
        catch (Exception e) when (StorageFull.Is(e))
        {
            error.WriteLine($"ingest: the disk holding {target} is full ({e.Message}); what was stored before this ingest is kept. Free some space and run the ingest again.");
            return DatabaseUnusable;
        }

        if (report.ReplacedSample is { } sample)
        {
            output.WriteLine($"Replaced the sample digests (ingested from {sample}): the database held nothing else.");
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
        // Scan and read run ahead of the writer on a thread of their own: their times overlap the others'.
        output.WriteLine($"  stages:   {string.Join(", ", report.Stages.Select(s => $"{s.Key.ToString().ToLowerInvariant()} {s.Value.TotalMilliseconds:0} ms"))}; the writer waited {report.WaitedForRead.TotalMilliseconds:0} ms for files to be read");
        return report.FilesRejected > 0 ? FilesRejected : Success;
    }
}
