using DailyPapers.Web.Infrastructure;

if (args.Length > 0 && args[0] == "ingest")
{
    return IngestCommand.Run(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddDailyPapers();

var app = builder.Build();
app.IngestOnStartup();
app.UseDailyPapers();
app.Run();
return 0;

/// <summary>The web app's entry point, public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
