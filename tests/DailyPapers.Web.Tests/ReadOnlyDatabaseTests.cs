using System.Diagnostics;
using System.Net;
using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;
using DailyPapers.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DailyPapers.Web.Tests;

/// <summary>
/// A database the app may only read (a read-only file in a read-only folder, as on a read-only mount) is served as it
/// is: pages, search and readiness work, ingest is off, and not one byte of the file changes.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyDatabaseTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dailypapers-readonly", Guid.NewGuid().ToString("N"));

    [ReadOnlyFact]
    public async Task A_read_only_database_serves_pages_and_search_and_is_never_written()
    {
        var folder = Path.Combine(_root, "db");
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "papers.db");
        var connectionString = PapersDatabase.ConnectionString(database);
        PapersDatabase.Migrate(connectionString);
        new DigestImporter(connectionString).Ingest(Path.Combine(AppFactory.RepositoryRoot, "data"));
        // A reader's library, saved while the file was writable: read there, never changed, its visits not recorded.
        var key = Web.Pages.Library.LibraryKey.New();
        using (var db = new SqliteDatabase(connectionString).NewContext())
        {
            var library = new Library { KeyHash = Web.Pages.Library.LibraryKey.Hash(key), CreatedUtc = DateTime.UtcNow };
            library.Papers.Add(new LibraryPaper { ArxivId = "2404.00399", SavedUtc = DateTime.UtcNow });
            library.Follows.Add(new LibraryFollow { Kind = LibraryFollow.SearchKind, Value = "Aurora", FollowedUtc = DateTime.UtcNow });
            db.Libraries.Add(library);
            db.SaveChanges();
        }

        SqliteConnection.ClearAllPools();
        var before = File.ReadAllBytes(database);
        var entries = Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order().ToList();

        ReadOnlyFiles.Protect(folder, database);
        try
        {
            PapersDatabase.CanWrite(database).Should().BeFalse("the test needs a database this process cannot write");
            using (var app = new ReadOnlyApp(database, Path.Combine(AppFactory.RepositoryRoot, "data"), output))
            {
                using var client = app.CreateClient();
                (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
                var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
                home.Should().Contain("Aurora-M", "the latest seed day is served from the read-only file");
                var search = await client.GetStringAsync(new Uri("/search?q=diffusion", UriKind.Relative));
                search.Should().Contain("/papers/");
                (await client.GetAsync(new Uri("/papers/2404.00399", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
                (await client.GetAsync(new Uri("/api/days", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

                (await client.GetStringAsync(new Uri($"/api/libraries/{key}", UriKind.Relative))).Should().Contain("2404.00399");
                (await client.GetStringAsync(new Uri($"/library/{key}", UriKind.Relative))).Should().Contain("Aurora-M");
                using (var put = await client.PutAsync(new Uri($"/api/libraries/{key}/papers/2401.08541", UriKind.Relative), null))
                {
                    put.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
                    put.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
                }

                using var form = new HttpRequestMessage(HttpMethod.Post, new Uri($"/library/{key}/papers", UriKind.Relative))
                {
                    Content = new FormUrlEncodedContent([new("id", "2401.08541"), new("do", "save")]),
                };
                form.Headers.Add("Sec-Fetch-Site", "same-origin");
                (await client.SendAsync(form)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
                using var create = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/libraries", UriKind.Relative));
                (await client.SendAsync(create)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            }

            SqliteConnection.ClearAllPools();
        }
        finally
        {
            ReadOnlyFiles.Release(folder, database);
        }

        File.ReadAllBytes(database).Should().Equal(before, "serving never writes");
        Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order().Should().Equal(entries, "no -wal, -shm or lock file appears beside it");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private sealed class ReadOnlyApp(string database, string data, ITestOutputHelper output) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseTestLogging(output);
            builder.UseSetting("DailyPapers:DataDirectory", data);
            builder.UseSetting("DailyPapers:Database", database);
            builder.UseSetting("DailyPapers:IngestBeforeServing", "true");
        }
    }
}

/// <summary>
/// Makes a file and its folder read-only for this process: permission bits for an ordinary user; for root, whom
/// permission bits do not stop, the immutable attribute (chattr +i), which root obeys too.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class ReadOnlyFiles
{
    public static bool TryProtect(string folder, string file)
    {
        Protect(folder, file);
        return !PapersDatabase.CanWrite(file);
    }

    public static void Protect(string folder, string file)
    {
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (PapersDatabase.CanWrite(file))
        {
            Chattr("+i", file, folder);
        }
    }

    public static void Release(string folder, string file)
    {
        Chattr("-i", folder, file);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static void Chattr(string flag, params string[] paths)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("chattr", [flag, .. paths]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit(10_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No chattr: the probe that follows says whether the file is read-only.
        }
    }
}

/// <summary>
/// Runs where this process can be denied writing a file (an ordinary user, or root with chattr and the right to use it);
/// elsewhere (root in a container without CAP_LINUX_IMMUTABLE) skipped with the reason, unless
/// DAILYPAPERS_REQUIRE_READONLY=1 makes that a failure.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ReadOnlyFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Possible = new(Probe);

    public ReadOnlyFactAttribute()
    {
        if (!Possible.Value && Environment.GetEnvironmentVariable("DAILYPAPERS_REQUIRE_READONLY") != "1")
        {
            Skip = "Needs a file this process cannot write: run as an ordinary user, or as root where chattr +i is allowed (CAP_LINUX_IMMUTABLE).";
        }
    }

    private static bool Probe()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var folder = Path.Combine(Path.GetTempPath(), "dailypapers-readonly-probe", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "probe.db");
        File.WriteAllBytes(file, [0]);
        try
        {
            return ReadOnlyFiles.TryProtect(folder, file);
        }
        finally
        {
            ReadOnlyFiles.Release(folder, file);
            Directory.Delete(folder, recursive: true);
        }
    }
}
