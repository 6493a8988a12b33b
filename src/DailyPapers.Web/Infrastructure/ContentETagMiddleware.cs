using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace DailyPapers.Web.Infrastructure;

/// <summary>
/// Gives every page and API answer an ETag made from its own bytes, so a 304 means "this page is unchanged", whatever
/// else an ingest changed. It sits inside the output cache: a cached page keeps its ETag and the cache itself answers
/// conditional GETs for it; a page rendered afresh is compared here.
/// </summary>
internal sealed class ContentETagMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if ((!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) || IsStaticAsset(context.Request.Path)
            || DailyPapers.Web.Pages.Library.LibraryPaths.IsPrivate(context.Request.Path))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            var etag = new EntityTagHeaderValue("\"" + Base64Url(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)).AsSpan(0, 12)) + "\"", isWeak: true);
            response.Headers.ETag = etag.ToString();
            response.Headers.CacheControl = "public, no-cache";
            if (EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var wanted) &&
                wanted.Any(w => w.Compare(etag, useStrongComparison: false) || w.Equals(EntityTagHeaderValue.Any)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }

        if (buffer.Length > 0)
        {
            response.ContentLength ??= buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    /// <summary>Static files carry ETags of their own.</summary>
    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/favicon.svg");

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
