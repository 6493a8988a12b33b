using System.Diagnostics;
using AngleSharp;
using System.Net;
using System.Net.Sockets;
using DailyPapers.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Web.Tests;

/// <summary>The app finds its own files wherever it is started, and never keeps an empty answer in its cache.</summary>
public sealed class AppFoldersTests
{
    [Fact]
    public async Task Started_from_the_root_folder_the_app_serves_its_stylesheet_and_script()
    {
        var database = Path.Combine(Path.GetTempPath(), "dailypapers-folders-" + Guid.NewGuid().ToString("N") + ".db");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "DailyPapers.Web.dll")}\" --urls http://127.0.0.1:{port} --DailyPapers:Database={database} --DailyPapers:WatchDataDirectory=false")
        {
            WorkingDirectory = "/",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var app = Process.Start(start)!;
        var output = app.StandardOutput.ReadToEndAsync();
        var error = app.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var html = await ReadyHomeAsync(client, app);
            var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
            var assets = new[] { document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!, document.QuerySelector("script[src]")!.GetAttribute("src")! };

            foreach (var asset in assets.Append("/css/site.css"))
            {
                using var response = await client.GetAsync(new Uri(asset, UriKind.Relative));
                response.StatusCode.Should().Be(HttpStatusCode.OK, asset);
                (await response.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(500, $"{asset} is the real file, not an empty answer");
                response.Content.Headers.ContentType!.MediaType.Should().BeOneOf("text/css", "text/javascript", "application/javascript");
            }
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            File.Delete(database);
        }
    }

    [Fact]
    public void A_build_manifest_names_the_project_folder_and_a_broken_one_names_none()
    {
        var folder = Directory.CreateTempSubdirectory("dailypapers-manifest").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "project", "wwwroot"));
            var manifest = Path.Combine(folder, "m.json");
            File.WriteAllText(manifest, $$"""{"ContentRoots":["{{Path.Combine(folder, "project", "wwwroot").Replace("\\", "/", StringComparison.Ordinal)}}/"]}""");
            AppFolders.ProjectFolder(manifest).Should().Be(Path.Combine(folder, "project"));

            File.WriteAllText(manifest, "{not json");
            AppFolders.ProjectFolder(manifest).Should().BeNull();
            AppFolders.ProjectFolder(Path.Combine(folder, "missing.json")).Should().BeNull();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_empty_answer_is_never_stored_in_the_page_cache()
    {
        var http = new DefaultHttpContext();
        http.Response.ContentLength = 0;
        var context = new OutputCacheContext { HttpContext = http, AllowCacheStorage = true };

        await new ListingsByDefault().ServeResponseAsync(context, CancellationToken.None);

        context.AllowCacheStorage.Should().BeFalse();
        http.Response.ContentLength = 10;
        context.AllowCacheStorage = true;
        await new ListingsByDefault().ServeResponseAsync(context, CancellationToken.None);
        context.AllowCacheStorage.Should().BeTrue();
    }

    private static async Task<string> ReadyHomeAsync(HttpClient client, Process app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            app.HasExited.Should().BeFalse("the app must keep running");
            try
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the app never served its home page");
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
