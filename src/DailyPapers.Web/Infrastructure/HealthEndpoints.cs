using DailyPapers.Core.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace DailyPapers.Web.Infrastructure;

/// <summary>
/// For a proxy or an orchestrator: <c>/healthz</c> answers while the process runs; <c>/readyz</c> answers 200 once the
/// database is reachable and the first ingest is done, and 503 with Retry-After before that; 503 with the reason while
/// the data directory's ingest is refused (it would remove what was ingested from another folder), while the last
/// ingest failed for want of disk space, and once the SQLite file the app opened was deleted or replaced at its path.
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapMethods("/healthz", ["GET", "HEAD"], () => TypedResults.Text("ok\n")).CacheOutput(p => p.NoCache());
        app.MapMethods("/readyz", ["GET", "HEAD"], Ready).CacheOutput(p => p.NoCache());
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Ready(Database database, DataFolderIngest ingest, OpenedDatabase opened, HttpContext context)
    {
        if (opened.File?.Changed() is { } changed)
        {
            // Pooled connections still read the file the app opened: serving goes on, but not for long, and not right.
            return TypedResults.Text(changed + "\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            database.LatestChange();
        }
        catch (System.Data.Common.DbException e)
        {
            context.Response.Headers.RetryAfter = "10";
            return TypedResults.Text($"database not reachable: {e.Message}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (!ingest.FirstRunDone)
        {
            context.Response.Headers.RetryAfter = "5";
            return TypedResults.Text("ingesting the data directory\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (ingest.Failure is { } failure)
        {
            context.Response.Headers.RetryAfter = "60";
            return TypedResults.Text(failure + "\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (ingest.Refusal is { } refusal)
        {
            // Serving, but not what the operator pointed it at: not ready until they choose (see the banner on every page).
            return TypedResults.Text($"the data directory was not ingested: {refusal}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Text("ready\n");
    }
}
