using DailyPapers.Core.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Infrastructure;

/// <summary>
/// Opens the request's database connection once, before its queries run. Left to EF Core, every query opens and closes
/// the connection, and each open of a pooled SQLite connection registers EF's SQL functions again: under load that
/// re-registration and the finalizers it leaves behind cost more CPU than the queries themselves.
/// </summary>
internal sealed class OpenConnectionFilter(PapersDbContext db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
        await next();
    }

    /// <summary>The same for minimal API endpoints.</summary>
    public static async ValueTask<object?> ForEndpoint(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var db = context.HttpContext.RequestServices.GetRequiredService<PapersDbContext>();
        await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
        return await next(context);
    }
}
