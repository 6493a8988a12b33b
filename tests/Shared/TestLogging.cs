using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Xunit.Abstractions;

namespace DailyPapers.Testing;

/// <summary>
/// Where the app's log goes in a test host: not the console, where every host's start-up, ingest and shutdown lines and
/// the warnings the hostile fixtures are there to raise (some 300 lines in a full run) buried the results. A test that
/// owns its host passes its output, which xunit shows only when that test fails (and keeps in the trx file). A host
/// shared by many tests has no one test to report to: there only errors, which no test expects, reach the console.
/// </summary>
internal static class TestLogging
{
    public static IWebHostBuilder UseTestLogging(this IWebHostBuilder builder, ITestOutputHelper? output = null) =>
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            if (output is null)
            {
                logging.AddConsole();
                logging.AddFilter<ConsoleLoggerProvider>(level => level >= LogLevel.Error);
            }
            else
            {
                logging.AddProvider(new OutputLoggerProvider(output));
            }
        });

    private sealed class OutputLoggerProvider(ITestOutputHelper output) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new OutputLogger(output, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class OutputLogger(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            try
            {
                output.WriteLine($"{logLevel}: {category}[{eventId.Id}] {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
            }
            catch (InvalidOperationException)
            {
                // The test has ended and its output is closed (a background service logging as the host stops after it).
            }
        }
    }
}
