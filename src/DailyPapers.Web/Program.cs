using DailyPapers.Web.Infrastructure;

return CommandLine.Run(args, Serve);

static int Serve(string[] args, bool replace)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppFolders.ContentRoot(args) });
    try
    {
        builder.AddDailyPapers(new StartupIngest(replace));
    }
    catch (InvalidSettingException e)
    {
        Console.Error.WriteLine("dailypapers: " + e.Message);
        return CommandLine.UsageError;
    }

    var app = builder.Build();
    try
    {
        app.IngestOnStartup();
    }
    catch (DailyPapers.Core.Data.DatabaseUnusableException e)
    {
        // One clear line naming the file and what to do, and a non-zero exit: not a stack trace.
        Console.Error.WriteLine("dailypapers: " + e.Message);
        return CommandLine.DatabaseUnusable;
    }

    app.UseDailyPapers();
    // Read before running: a host that failed to start is disposed.
    var urls = app.Configuration["urls"] ?? "http://localhost:5000";
    try
    {
        app.Run();
    }
    catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException or System.Net.Sockets.SocketException)
    {
        Console.Error.WriteLine($"dailypapers: cannot listen on {urls}: {e.Message.TrimEnd('.')}. Another process holds the address; give another with --urls.");
        return CommandLine.CannotListen;
    }

    return 0;
}

/// <summary>The web app's entry point, public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
