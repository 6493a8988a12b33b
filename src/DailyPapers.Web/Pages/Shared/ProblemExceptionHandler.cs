using Microsoft.AspNetCore.Diagnostics;

namespace DailyPapers.Web.Pages.Shared;

/// <summary>
/// An exception that escapes a handler under /api/ or /feeds/ is answered as every other error there is: problem details
/// (status 500 and a title; neither the exception's message nor its stack trace, which go to the log). Elsewhere it
/// declines, and the exception handler re-executes the error page.
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // The middleware has set the path to the error page's by now; the feature keeps the path that failed.
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path;
        if (!Api.AnswersWithProblems(path))
        {
            return false;
        }

        // An exception handled here is not logged by the middleware (ASP.NET Core 10): it is logged here.
        LogFailure(logger, exception, httpContext.Request.Method, Library.LibraryPaths.Mask(path));
        await TypedResults.Problem(
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Internal server error",
            detail: "The server failed while answering this request; the failure is logged.").ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An unhandled exception answered {Method} {Path} with 500")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
}
