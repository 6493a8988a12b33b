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

        var options = new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true };
        if (theme is not null)
        {
            context.Response.Cookies.Append(ThemeCookie, theme, options);
        }

        if (density is not null)
        {
            context.Response.Cookies.Append(DensityCookie, density, options);
        }

        // Only a path of this site: never an open redirect.
        var target = @return is { Length: > 0 } r && r[0] == '/' && !r.StartsWith("//", StringComparison.Ordinal) && !r.StartsWith("/\\", StringComparison.Ordinal) ? r : "/";
        return TypedResults.Redirect(target);
    }
}
