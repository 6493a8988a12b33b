using DailyPapers.Testing;

namespace DailyPapers.Browser.Tests;

/// <summary>
/// A second app for the browser, over digests where terms truly rise (<see cref="RisingDigests"/>): the seeds the
/// shared fixture serves have none. Started only when the browser tests run.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync, which disposes the server.")]
public sealed class RisingServer : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dailypapers-browser-rising", Guid.NewGuid().ToString("N"));
    private AppServer? _app;

    public string BaseUrl { get; private set; } = "";

    public Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            return Task.CompletedTask; // Every test here is skipped or fails in the shared fixture; see BrowserFactAttribute.
        }

        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(data);
        RisingDigests.Write(data);
        _app = new AppServer(data, Path.Combine(_root, "rising.db"));
        BaseUrl = _app.Listen();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => AppServer.StopAsync(_app, _root);
}
