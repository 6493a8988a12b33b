using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DailyPapers.Testing;
using DailyPapers.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Web.Tests;

/// <summary>
/// What an operator meets when the machine fails the app: a full disk, a port in use, a database deleted or replaced
/// under the running app. Each is one sentence naming the path or port with the documented exit code, or a 503 from
/// /readyz saying why, never a stack trace.
/// </summary>
public sealed class OperatorMessagesTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void A_port_in_use_is_one_sentence_naming_it_and_exit_code_5()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var database = Path.Combine(Path.GetTempPath(), "dailypapers-port-" + Guid.NewGuid().ToString("N") + ".db");

        var (exitCode, error) = RunApp($"--urls http://127.0.0.1:{port} --DailyPapers:Database={database} --DailyPapers:IngestOnStartup=false");

        exitCode.Should().Be(CommandLine.CannotListen, error);
        error.Should().Contain($"dailypapers: cannot listen on http://127.0.0.1:{port}: ").And.NotContain("   at ", "no stack trace");
        File.Delete(database);
    }

    [RootFact]
    public void A_full_disk_stops_an_ingest_with_a_sentence_and_exit_code_3()
    {
        using var disk = new TinyDisk();

        var (exitCode, error) = RunApp($"ingest \"{Path.Combine(AppFactory.RepositoryRoot, "data")}\" --db {disk.Path("papers.db")}");

        exitCode.Should().Be(CommandLine.DatabaseUnusable, error);
        error.Should().Contain($"ingest: the disk holding {disk.Path("papers.db")} is full").And.NotContain("   at ").And.NotContain("Unhandled");
    }

    [RootFact]
    public async Task A_server_whose_ingest_found_the_disk_full_is_not_ready_and_says_why()
    {
        using var disk = new TinyDisk();
        await using var app = new Server(Path.Combine(AppFactory.RepositoryRoot, "data"), disk.Path("papers.db"), output);

        var (status, body) = await app.ReadyAsync();

        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.Should().Contain("the disk holding the database is full");
    }

    [Fact]
    public async Task A_database_deleted_under_the_running_app_makes_it_not_ready()
    {
        var folder = Directory.CreateTempSubdirectory("dailypapers-deleted").FullName;
        var database = Path.Combine(folder, "papers.db");
        await using var app = new Server(Path.Combine(AppFactory.RepositoryRoot, "data"), database, output);
        (await app.ReadyAsync()).Status.Should().Be(HttpStatusCode.OK);

        File.Delete(database);

        var (status, body) = await app.ReadyAsync();
        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.Should().Contain($"the database file {database} was deleted");
        (await app.Services.GetRequiredService<DataFolderIngest>().RunAsync(CancellationToken.None)).Should().BeNull("an ingest into a deleted file would be lost");
        app.Services.GetRequiredService<DataFolderIngest>().Failure.Should().Contain("the data folder is not ingested");
        File.Exists(database).Should().BeFalse("checking never makes a new, empty file");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_database_replaced_under_the_running_app_makes_it_not_ready()
    {
        var folder = Directory.CreateTempSubdirectory("dailypapers-replaced").FullName;
        var database = Path.Combine(folder, "papers.db");
        var other = Path.Combine(folder, "other.db");
        await using (var first = new Server(Path.Combine(AppFactory.RepositoryRoot, "data"), other, output))
        {
            (await first.ReadyAsync()).Status.Should().Be(HttpStatusCode.OK);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var app = new Server(Path.Combine(AppFactory.RepositoryRoot, "data"), database, output);
        (await app.ReadyAsync()).Status.Should().Be(HttpStatusCode.OK);

        File.Move(other, database, overwrite: true);

        var (status, body) = await app.ReadyAsync();
        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.Should().Contain($"the database file {database} was replaced");
        Directory.Delete(folder, recursive: true);
    }

    private static (int ExitCode, string Error) RunApp(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "DailyPapers.Web.dll")}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dailypapers {arguments} did not exit");
        }

        return (process.ExitCode, error.Result);
    }

    private sealed class Server(string dataDirectory, string database, Xunit.Abstractions.ITestOutputHelper output) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseTestLogging(output);
            builder.UseSetting("DailyPapers:DataDirectory", dataDirectory);
            builder.UseSetting("DailyPapers:Database", database);
            builder.UseSetting("DailyPapers:IngestBeforeServing", "true");
            builder.UseSetting("DailyPapers:WatchDataDirectory", "false");
        }

        public async Task<(HttpStatusCode Status, string Body)> ReadyAsync()
        {
            using var client = CreateClient();
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A file system of 600 KB: room for an empty database, not for the seed digests' rows.</summary>
    private sealed class TinyDisk : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("dailypapers-tiny").FullName;

        public TinyDisk()
        {
            using var mount = Process.Start(new ProcessStartInfo("mount", $"-t tmpfs -o size=600k tmpfs {_root}") { RedirectStandardError = true })!;
            mount.WaitForExit();
            mount.ExitCode.Should().Be(0, mount.StandardError.ReadToEnd());
        }

        public string Path(string name) => System.IO.Path.Combine(_root, name);

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using (var umount = Process.Start("umount", $"-l {_root}"))
            {
                umount.WaitForExit();
            }

            Directory.Delete(_root, recursive: true);
        }
    }
}

/// <summary>A test that mounts a file system: run as root (as CI does), skipped elsewhere with a message.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "Needs root to mount a small tmpfs (a full disk); CI runs it.";
        }
    }
}
