using DailyPapers.Web.Infrastructure;

return CommandLine.Build(Serve).Parse(args).Invoke();

static int Serve(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddDailyPapers();

    var app = builder.Build();
    app.IngestOnStartup();
    app.UseDailyPapers();
    app.Run();
    return 0;
}

/// <summary>The web app's entry point, public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
