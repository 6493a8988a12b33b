namespace DailyPapers.Web.Pages.Library;

/// <summary>
/// The addresses that carry a library's key, and what every answer to them gets: never cached anywhere (not in the
/// output cache, not by the browser or a proxy), never indexed, never sent on as a referrer, and never logged with the
/// key in it.
/// </summary>
internal static class LibraryPaths
{
    public const string Page = "/library";
    public const string Api = "/api/libraries";
    public const string Feeds = "/feeds/libraries";

    public static bool IsPrivate(PathString path) =>
        path.StartsWithSegments(Page) || path.StartsWithSegments(Api) || path.StartsWithSegments(Feeds);

    /// <summary>The path with the key in it replaced by <c>{key}</c>, for logs.</summary>
    public static string Mask(PathString path)
    {
        foreach (var prefix in (string[])[Page, Api, Feeds])
        {
            if (path.StartsWithSegments(prefix, out var rest) && rest.Value is { Length: > 1 } tail)
            {
                var end = tail.IndexOf('/', 1);
                return prefix + "/{key}" + (end < 0 ? "" : tail[end..]);
            }
        }

        return path.Value ?? "";
    }

    /// <summary>Marks the answer private (<c>Cache-Control: private, no-store</c>, no referrer, no index) whatever wrote it, error pages included.</summary>
    public static Task MarkPrivate(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (IsPrivate(context.Request.Path))
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.CacheControl = "private, no-store";
                headers["Referrer-Policy"] = "no-referrer";
                headers["X-Robots-Tag"] = "noindex";
                headers.ETag = default;
                return Task.CompletedTask;
            });
        }

        return next();
    }
}
