using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace DailyPapers.Web.Tests.Pages.Library;

/// <summary>
/// A library's key never reaches the log, even with every category at Debug in the configuration: the framework's
/// request logs, which print paths, stay at Warning, and the app's own messages mask the key.
/// </summary>
public sealed class LibraryLoggingTests
{
    private sealed class Capture : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(Capture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
        }
    }

    [Fact]
    public async Task No_log_line_holds_a_key_even_with_every_category_at_debug()
    {
        var capture = new Capture();
        using var app = new AppFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Logging:LogLevel:Default"] = "Debug",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
                ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Debug",
                ["Logging:LogLevel:Microsoft.AspNetCore.Routing"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore.Mvc"] = "Trace",
            },
        };
        using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(capture)));
        var library = new LibraryClient(logged.CreateClient(new() { AllowAutoRedirect = false }));
        var key = await library.CreateAsync();
        (await library.SaveAsync(key, "2401.08541")).Dispose();
        await library.ListAsync(key);
        (await library.Http.GetAsync(new Uri($"/library/{key}", UriKind.Relative))).Dispose();
        (await library.Http.GetAsync(new Uri($"/library/{key}/export.csv", UriKind.Relative))).Dispose();
        (await library.Http.GetAsync(new Uri($"/feeds/libraries/{key}.atom", UriKind.Relative))).Dispose();
        (await library.Http.GetAsync(new Uri("/days/2024-01-17", UriKind.Relative))).Dispose();

        capture.Lines.Should().Contain(l => l.StartsWith("Debug Microsoft.Extensions.Hosting", StringComparison.Ordinal), "Debug logging is on");
        capture.Lines.Should().NotContain(l => l.Contains(key, StringComparison.Ordinal));
        Web.Pages.Library.LibraryPaths.Mask($"/library/{key}/export.csv").Should().Be("/library/{key}/export.csv");
        Web.Pages.Library.LibraryPaths.Mask($"/api/libraries/{key}").Should().Be("/api/libraries/{key}");
        Web.Pages.Library.LibraryPaths.Mask("/days/2024-01-17").Should().Be("/days/2024-01-17");
    }
}
