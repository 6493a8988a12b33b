using Microsoft.Extensions.Configuration;

namespace DailyPapers.Web.Infrastructure;

/// <summary>
/// The command-line tokens that are ASP.NET Core configuration (<c>--urls http://…</c>, <c>--DailyPapers:Database=…</c>),
/// checked before the host sees them. The host's own reader takes any <c>--word</c> as a key and the next token as its
/// value, so a typo or an option it does not know silently swallowed the setting after it; here every token must be a
/// setting this app or ASP.NET Core defines, with a value.
/// </summary>
internal static class HostArguments
{
    /// <summary>Settings ASP.NET Core's host and Kestrel read from configuration, besides whole sections below.</summary>
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "http_ports", "https_ports", "environment", "contentRoot", "webroot", "applicationName", "detailedErrors",
        "captureStartupErrors", "shutdownTimeoutSeconds", "preferHostingUrls", "preventHostingStartup", "hostingStartupAssemblies",
        "hostingStartupExcludeAssemblies", "suppressStatusMessages", "AllowedHosts", "FORWARDEDHEADERS_ENABLED",
    };

    /// <summary>Sections whose keys belong to ASP.NET Core, its logging or this app's connection strings.</summary>
    private static readonly string[] HostSections = ["Logging:", "Kestrel:", "ConnectionStrings:"];

    /// <summary>The tokens as <c>--key=value</c> pairs, or the first one that is not a known setting with a value.</summary>
    /// <exception cref="InvalidSettingException">A token names no setting, or a setting has no value.</exception>
    public static string[] Check(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var settings = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                throw new InvalidSettingException($"'{token}' is not an option. Settings are written --Key=value (e.g. --DailyPapers:DataDirectory=/srv/digests); --help lists the options.");
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? token[2..] : token[2..equals];
            if (equals == token.Length - 1 && IsSection(key))
            {
                // A section's own node (--DailyPapers=), as a test host writes out the whole configuration: no value to set.
                continue;
            }

            if (!IsKnown(key))
            {
                throw new InvalidSettingException($"unknown option '{(equals < 0 ? token : token[..equals])}'. {Known()}");
            }

            string value;
            if (equals >= 0)
            {
                value = token[(equals + 1)..];
            }
            else if (i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = tokens[++i];
            }
            else
            {
                throw new InvalidSettingException($"'{token}' needs a value: --{key}=value or --{key} value.");
            }

            settings.Add($"--{key}={value}");
        }

        return [.. settings];
    }

    /// <summary>
    /// The keys of the <c>DailyPapers</c> section, from any source (appsettings.json, environment variables, the command
    /// line), that name no setting: a typo would otherwise leave the default in force without a word.
    /// </summary>
    /// <exception cref="InvalidSettingException">Naming the first unknown key and where it came from.</exception>
    public static void CheckSection(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var child in configuration.GetSection(DailyPapersOptions.Section).GetChildren())
        {
            var known = Settings.FirstOrDefault(s => string.Equals(s, child.Key, StringComparison.OrdinalIgnoreCase));
            var wellFormed = known switch
            {
                null => false,
                // A list: Hosts:0, Hosts:1, … and nothing under them.
                nameof(DailyPapersOptions.Hosts) => child.GetChildren().All(h => int.TryParse(h.Key, out _) && !h.GetChildren().Any()),
                _ => !child.GetChildren().Any(),
            };
            if (!wellFormed)
            {
                var bad = known is null ? child : child.GetChildren().First(c => known != nameof(DailyPapersOptions.Hosts) || !int.TryParse(c.Key, out _) || c.GetChildren().Any());
                throw new InvalidSettingException($"unknown setting '{bad.Path}'{Source(configuration, bad)}. {Known()}");
            }
        }
    }

    private static IEnumerable<string> Settings => typeof(DailyPapersOptions).GetProperties().Select(p => p.Name);

    private static bool IsSection(string key) =>
        HostSections.Any(s => key.Equals(s[..^1], StringComparison.OrdinalIgnoreCase) || (key.StartsWith(s, StringComparison.OrdinalIgnoreCase) && key.Length > s.Length))
        || key.Equals(DailyPapersOptions.Section, StringComparison.OrdinalIgnoreCase)
        || key.Equals(DailyPapersOptions.Section + ":" + nameof(DailyPapersOptions.Hosts), StringComparison.OrdinalIgnoreCase);

    private static bool IsKnown(string key)
    {
        if (HostKeys.Contains(key) || HostSections.Any(s => key.StartsWith(s, StringComparison.OrdinalIgnoreCase) && key.Length > s.Length))
        {
            return true;
        }

        const string prefix = DailyPapersOptions.Section + ":";
        if (!key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var name = key[prefix.Length..];
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? Settings.Contains(name, StringComparer.OrdinalIgnoreCase)
            : string.Equals(name[..colon], nameof(DailyPapersOptions.Hosts), StringComparison.OrdinalIgnoreCase) && int.TryParse(name[(colon + 1)..], out _);
    }

    private static string Known() =>
        $"Known settings: {string.Join(", ", Settings.Select(s => "--DailyPapers:" + s))}, --ConnectionStrings:Postgres, --urls and ASP.NET Core's own (--environment, --Logging:…, --Kestrel:…); --help lists the options.";

    /// <summary>Where a key came from, for the message: the provider that holds it (a file, the environment, the command line).</summary>
    private static string Source(IConfiguration configuration, IConfigurationSection key)
    {
        var provider = (configuration as IConfigurationRoot)?.Providers.LastOrDefault(p => p.TryGet(key.Path, out _) || p.GetChildKeys([], key.Path).Any());
        return provider switch
        {
            Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider json => $" in {json.Source.Path}",
            Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider => $" (the environment variable {key.Path.Replace(":", "__", StringComparison.Ordinal)})",
            Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationProvider => " on the command line",
            _ => "",
        };
    }
}
