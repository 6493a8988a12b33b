using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DailyPapers.Testing;

/// <summary>
/// A throwaway PostgreSQL server for the tests: Debian's <c>postgresql</c> binaries, a cluster made by <c>initdb</c> in a
/// temporary folder, started by <c>pg_ctl</c> on a free loopback port, one per test process. Under root the server runs
/// as the <c>postgres</c> user (PostgreSQL refuses root). A watchdog stops the server and removes its folder when the
/// test process ends, however it ends, so no server outlives the tests.
/// </summary>
internal sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Instance = new(() => new PostgresServer(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    private readonly string _folder;
    private readonly string _bin;

    private PostgresServer()
    {
        _bin = BinFolder() ?? throw new InvalidOperationException(Missing);
        _folder = Path.Combine(Path.GetTempPath(), "dailypapers-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", ["postgres:postgres", _folder], asPostgres: false);
        }

        var data = Path.Combine(_folder, "data");
        Run(Path.Combine(_bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], asRoot);
        Port = FreePort();
        // Durability is not what these tests measure: a crash loses the throwaway cluster anyway.
        var settings = $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-o", settings, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start"], asRoot);
        StartWatchdog(data, asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(data, asRoot);
    }

    public const string Missing = "Needs PostgreSQL's server programs (Debian: apt-get install postgresql; or set DAILYPAPERS_PG_BIN " +
        "to the folder holding initdb and pg_ctl). The test starts a throwaway server of its own on a loopback port.";

    public static PostgresServer Shared => Instance.Value;

    public int Port { get; }

    /// <summary>Where the PostgreSQL programs are, or null when PostgreSQL is not installed.</summary>
    public static string? BinFolder()
    {
        if (Environment.GetEnvironmentVariable("DAILYPAPERS_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    /// <summary>A new, empty database on the shared server, for one test.</summary>
    public string CreateDatabase()
    {
        var name = $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using var connection = new Npgsql.NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    private void StartWatchdog(string data, bool asRoot)
    {
        // Polls this process; when it is gone (finished, killed or crashed), stops the server and removes its folder.
        var stop = $"{Path.Combine(_bin, "pg_ctl")} -D {data} -m immediate stop";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {(asRoot ? $"runuser -u postgres -- {stop}" : stop)} >/dev/null 2>&1; rm -rf {_folder}";
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        Process.Start(start);
    }

    private void Stop(string data, bool asRoot)
    {
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asRoot);
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The watchdog finishes the job.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error}{output.Result}");
        }
    }
}
