using System.Text.Json;

namespace DailyPapers.Web.Infrastructure;

/// <summary>
/// Where the app's own files are (appsettings.json, wwwroot), found from the app's folder rather than the working
/// folder, so `cd / &amp;&amp; dotnet /srv/app/DailyPapers.Web.dll` serves a styled site: the published app's folder when
/// wwwroot is beside it (as <c>dotnet publish</c> lays it out), else the project folder a build's static web assets
/// manifest names (a build run from anywhere). An explicit <c>--contentRoot</c> or ASPNETCORE_CONTENTROOT still wins.
/// </summary>
internal static class AppFolders
{
    public static string? ContentRoot(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT")))
        {
            return null;
        }

        var app = AppContext.BaseDirectory;
        if (Directory.Exists(Path.Combine(app, "wwwroot")))
        {
            return app;
        }

        return ProjectFolder(Path.Combine(app, typeof(AppFolders).Assembly.GetName().Name + ".staticwebassets.runtime.json"));
    }

    /// <summary>The folder whose wwwroot a build's manifest serves, or null when there is no such manifest or folder.</summary>
    internal static string? ProjectFolder(string manifest)
    {
        if (!File.Exists(manifest))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(manifest));
            if (!json.RootElement.TryGetProperty("ContentRoots", out var roots) || roots.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var root in roots.EnumerateArray())
            {
                var folder = Path.TrimEndingDirectorySeparator(root.GetString() ?? "");
                if (Path.GetFileName(folder) == "wwwroot" && Directory.Exists(folder))
                {
                    return Path.GetDirectoryName(folder);
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A manifest that cannot be read leaves the default (the working folder), as before.
        }

        return null;
    }
}
