using DailyPapers.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DailyPapers.Web.Tests;

/// <summary>
/// A web node on a shared PostgreSQL database, as several behind a load balancer are; only one of them ingests its data
/// folder at start-up. Tests that make many reader libraries through one node are not held by the hourly limit.
/// </summary>
internal sealed class PostgresNode(string data, string database, bool ingest, Xunit.Abstractions.ITestOutputHelper output) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseTestLogging(output);
        builder.UseSetting("DailyPapers:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Postgres", database);
        builder.UseSetting("DailyPapers:DataDirectory", data);
        builder.UseSetting("DailyPapers:IngestOnStartup", ingest ? "true" : "false");
        builder.UseSetting("DailyPapers:IngestBeforeServing", "true");
        builder.UseSetting("DailyPapers:WatchDataDirectory", "false");
        builder.UseSetting("DailyPapers:LibrariesPerHour", "1000");
    }
}
