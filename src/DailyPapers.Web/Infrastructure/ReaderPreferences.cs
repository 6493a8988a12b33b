using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DailyPapers.Web.Infrastructure;

/// <summary>
/// What a reader chose for every page: the colour theme (light, dark, or the system's) and the listing density (dense
/// cards with two lines of summary, the default, or full summaries). Kept in cookies and set by plain links to <c>/prefs</c>, so
/// it works without JavaScript; the server writes the choice into the page, so a dark page never flashes light.
/// </summary>
public sealed record ReaderPreferences(string Theme, string Density)
{
    public const string ThemeCookie = "dp-theme";
    public const string DensityCookie = "dp-density";

    public static readonly IReadOnlyList<string> Themes = ["system", "light", "dark"];
    public static readonly IReadOnlyList<string> Densities = ["compact", "full"];

    public bool Compact => Density == "compact";

    /// <summary>The color-scheme the page declares: the chosen one, or both for the system to pick.</summary>
    public string ColorScheme => Theme == "system" ? "light dark" : Theme;

    public static ReaderPreferences From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var theme = context.Request.Cookies[ThemeCookie];
        var density = context.Request.Cookies[DensityCookie];
        return new ReaderPreferences(
            theme is not null && Themes.Contains(theme) ? theme : "system",
            density is not null && Densities.Contains(density) ? density : "compact");
    }

    /// <summary>The part of a cached page's key that the preferences decide.</summary>
    public static KeyValuePair<string, string> CacheKey(HttpContext context)
    {
        var preferences = From(context);
        return new("prefs", preferences.Theme + "/" + preferences.Density);
    }

    /// <summary>A link that sets one preference and comes back to <paramref name="returnTo"/>.</summary>
    public static string Link(string name, string value, string returnTo) =>
        $"/prefs?{name}={Uri.EscapeDataString(value)}&return={Uri.EscapeDataString(returnTo)}";

    public static void MapPreferences(IEndpointRouteBuilder app) => app.MapRead("/prefs", Set);

    /// <summary><c>GET /prefs?theme=dark&amp;return=/days</c>: stores the choice for a year and goes back (only to a page of this site).</summary>
    public static Results<RedirectHttpResult, ProblemHttpResult> Set(string? theme, string? density, string? @return, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((theme is not null && !Themes.Contains(theme)) || (density is not null && !Densities.Contains(density)))
        {
            var (name, value) = theme is not null && !Themes.Contains(theme) ? ("theme", theme) : ("density", density);
            return TypedResults.Problem(
                detail: $"'{Pages.Shared.ParameterText.Shorten(value)}'은(는) 고를 수 있는 값이 아닙니다: {string.Join(", ", name == "theme" ? Themes : Densities)}.",
                statusCode: StatusCodes.Status400BadRequest, title: $"잘못된 매개변수 '{name}'");
        }

        // Secure whenever the request came over HTTPS, directly or through a trusted proxy's forwarded headers.
        var options = new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true, Secure = context.Request.IsHttps };
        if (theme is not null)
        {
            context.Response.Cookies.Append(ThemeCookie, theme, options);
        }

        if (density is not null)
        {
            context.Response.Cookies.Append(DensityCookie, density, options);
        }

        return TypedResults.Redirect(LocalPath(@return));
    }

    /// <summary>
    /// <paramref name="returnTo"/> when it is a path of this site, else <c>/</c>: never an open redirect, never a 500. A
    /// path here is printable ASCII (this site's own links are percent-encoded) that starts with one slash, holds no
    /// backslash, and whose path part still does after percent-decoding, with no control or white space
    /// (<c>/%2F/host</c>, <c>/%09/host</c> and <c>/%5Chost</c> go to <c>/</c>), and that a URI parser takes as relative.
    /// </summary>
    public static string LocalPath(string? returnTo)
    {
        static bool Safe(string path) =>
            path.Length > 0 && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
            && path.All(c => c is > ' ' and < (char)0x7F and not '\\');

        if (returnTo is null || returnTo.Length > 2048 || !Safe(returnTo) || !Uri.TryCreate(returnTo, UriKind.Relative, out _))
        {
            return "/";
        }

        // The path, decoded, may hold anything but what could move a browser off this site; the query stays encoded.
        var end = returnTo.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(end < 0 ? returnTo : returnTo[..end]);
        return path.Length > 1 && (path[1] is '/' or '\\' || path.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')) ? "/" : returnTo;
    }
}
