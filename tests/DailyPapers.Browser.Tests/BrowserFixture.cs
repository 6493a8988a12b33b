using System.Net;
using System.Net.Sockets;
using DailyPapers.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace DailyPapers.Browser.Tests;

/// <summary>
/// The app on a real Kestrel port on 127.0.0.1 with a fresh SQLite file ingested from the seeds, and headless Debian
/// Chromium driven by Playwright. Both start with the test class and stop with it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync, which disposes the server.")]
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "dailypapers-browser-tests", Guid.NewGuid().ToString("N"));
    private AppServer? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    public static string RepositoryRoot => DailyPapers.Testing.Repository.Root;

    public static string Artifacts { get; } = Path.Combine(RepositoryRoot, "tests", "artifacts");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (Environment.GetEnvironmentVariable("DAILYPAPERS_REQUIRE_BROWSER") != "1")
            {
                return; // Every test here is skipped; see BrowserFactAttribute.
            }

            throw new InvalidOperationException($"Chromium is required at {ChromiumPath} (DAILYPAPERS_REQUIRE_BROWSER=1): apt-get install chromium fonts-noto-cjk");
        }

        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(Artifacts);
        _app = new AppServer(Path.Combine(RepositoryRoot, "data"), Path.Combine(_root, "browser.db"));
        BaseUrl = _app.Listen();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh page in its own context (Korean locale, desktop size unless told otherwise).</summary>
    /// <param name="origin">The site the page may reach (default: the fixture's own server).</param>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null, string? origin = null)
    {
        origin ??= BaseUrl;
        options ??= new BrowserNewContextOptions();
        options.Locale ??= "ko-KR";
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 900 };
        var context = await _browser!.NewContextAsync(options);
        // The machine has no network: requests for thumbnails and videos on other hosts are answered empty at once.
        await context.RouteAsync(url => !url.StartsWith(origin, StringComparison.Ordinal), route => route.AbortAsync());
        var page = await context.NewPageAsync();
        // Generous: on a machine busy with other work a page load has taken over ten seconds; a broken page still fails.
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public async Task<IResponse> OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        return response ?? throw new XunitException($"no response for {path}");
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    /// <summary>Waits for an element a person would look for, failing with its description when it never shows.</summary>
    public static async Task<ILocator> ExpectAsync(IPage page, string selector, string description)
    {
        var locator = page.Locator(selector).First;
        try
        {
            // The page's generous default timeout (NewPageAsync): a slow machine must not fail it, only a missing element.
            await locator.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        }
        catch (TimeoutException)
        {
            throw new XunitException($"{description} was missing on {page.Url} (looked for '{selector}')");
        }

        return locator;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await AppServer.StopAsync(_app, _root);
    }

}

/// <summary>
/// The app on a real Kestrel port on 127.0.0.1, over a data folder and a SQLite file, ingesting before it serves.
/// <paramref name="replace"/> is what <c>--replace</c> on the server's command line gives it; a host owned by one test logs to its <paramref name="output"/>.
/// </summary>
internal sealed class AppServer(string dataDirectory, string database, bool replace = false, Xunit.Abstractions.ITestOutputHelper? output = null) : WebApplicationFactory<Program>
{
    /// <summary>Starts listening on a free loopback port; returns the base address.</summary>
    public string Listen()
    {
        var port = FreePort();
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        StartServer();
        return $"http://127.0.0.1:{port}";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As `dotnet run` does: static web assets resolve from the build (in Production the test host, whose content
        // root is the project folder, answers fingerprinted asset URLs with empty bodies).
        builder.UseEnvironment("Development");
        builder.UseTestLogging(output);
        builder.UseSetting("DailyPapers:DataDirectory", dataDirectory);
        builder.UseSetting("DailyPapers:Database", database);
        builder.UseSetting("DailyPapers:IngestBeforeServing", "true");
        builder.ConfigureServices(s => s.AddSingleton(new DailyPapers.Web.Infrastructure.StartupIngest(replace)));
    }

    /// <summary>Stops a server (if one was started) and removes the folder holding its data and database.</summary>
    public static async Task StopAsync(AppServer? app, string root)
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless, and one never made (the browser tests skipped) is no loss.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
