using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DailyPapers.Web.Tests.Api;

/// <summary>
/// An exception that escapes a handler is answered, in Production, as problem details under /api/ and /feeds/ and as the
/// error page elsewhere; neither tells the exception's message or its stack trace.
/// </summary>
public sealed class UnhandledErrorTests(UnhandledErrorTests.FailingApp failing) : IClassFixture<UnhandledErrorTests.FailingApp>
{
    private const string Secret = "connection to db-internal.lan refused for user papers";

    private readonly WebApplicationFactory<Program> _app = failing.App;

    /// <summary>The app (in Production, as every test host here) with <see cref="FailingEndpoints"/> added.</summary>
    public sealed class FailingApp : IDisposable
    {
        private readonly AppFactory _root = new();

        public FailingApp() => App = _root.WithWebHostBuilder(b => b
            .ConfigureServices(s => s.AddSingleton<IStartupFilter, FailingEndpoints>())
            .ConfigureLogging(l => l.AddProvider(Log)));

        public WebApplicationFactory<Program> App { get; }

        public ExceptionLog Log { get; } = new();

        public void Dispose()
        {
            App.Dispose();
            _root.Dispose();
        }
    }

    /// <summary>The exceptions logged, with their messages.</summary>
    public sealed class ExceptionLog : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(ExceptionLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (exception is not null)
                {
                    log.Entries.Enqueue(formatter(state, exception) + ": " + exception.Message);
                }
            }
        }
    }

    /// <summary>Paths ending in "/failing" (or "/failing.json", "/failing.atom") throw, as a handler whose query failed would.</summary>
    private sealed class FailingEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path.Value!.Contains("/failing", StringComparison.Ordinal)
                ? throw new InvalidOperationException(Secret)
                : Task.CompletedTask);
        };
    }

    [Theory]
    [InlineData("/api/failing")]
    [InlineData("/api/days/2024-01-17/failing")]
    [InlineData("/feeds/failing.json")]
    [InlineData("/feeds/failing.atom")]
    public async Task Under_the_api_and_the_feeds_it_is_problem_details_without_the_exception(string url)
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("status").GetInt32().Should().Be(500);
        problem.RootElement.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
        body.Should().NotContain(Secret).And.NotContain("InvalidOperationException").And.NotContain(" at ");
        failing.Log.Entries.Should().Contain(e => e.Contains(url, StringComparison.Ordinal) && e.EndsWith(Secret, StringComparison.Ordinal), "the operator reads what failed in the log");
    }

    [Fact]
    public async Task Elsewhere_it_is_the_error_page_without_the_exception()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(new Uri("/no/such/failing", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        page.Should().Contain("서버 오류가 났습니다").And.NotContain(Secret).And.NotContain("InvalidOperationException");
    }
}
