using System.Net;
using System.Text.Json;

namespace DailyPapers.Bench;

/// <summary>
/// The soak's fuzzing round: every page, feed and API route of a running server, each parameter in turn given each
/// hostile value (every C0 control, DEL, C1 controls, non-characters, lone surrogates and other invalid UTF-8, format
/// characters, an overlong value). Counts the answers of 500 or more (target 0) and redirects that leave the site.
/// </summary>
internal static class FuzzRound
{
    /// <summary>Page and feed routes with a sample value for each parameter; the API's come from its OpenAPI document.</summary>
    private static readonly (string Template, string[] Parameters)[] Pages =
    [
        ("/days/{date}?page={page}", ["date", "page"]),
        ("/days?year={year}&date={date}", ["year", "date"]),
        ("/weeks/{week}?page={page}", ["week", "page"]),
        ("/months/{month}?page={page}", ["month", "page"]),
        ("/papers/{id}", ["id"]),
        ("/top?period={period}&date={date}&page={page}", ["period", "date", "page"]),
        ("/authors?q={q}", ["q"]),
        ("/authors/{slug}?sort={sort}&page={page}", ["slug", "sort", "page"]),
        ("/search?q={q}&page={page}&sort={sort}&from={date}&to={date}&minVotes={page}", ["q", "page", "sort", "date"]),
        ("/trends?q={q}", ["q"]),
        ("/prefs?theme={theme}&density={density}&return={return}", ["theme", "density", "return"]),
        ("/feeds/latest.{format}", ["format"]),
        ("/feeds/days/{date}.atom", ["date"]),
        ("/feeds/weeks/{week}.json", ["week"]),
        ("/feeds/months/{month}.atom", ["month"]),
        ("/feeds/authors/{slug}.json", ["slug"]),
        ("/feeds/search.atom?q={q}", ["q"]),
        ("/feeds/top.json?period={period}&date={date}", ["period", "date"]),
    ];

    private static readonly Dictionary<string, string> Samples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["date"] = "2024-01-17", ["page"] = "1", ["year"] = "2024", ["week"] = "2024-W03", ["month"] = "2024-01", ["id"] = "2401.08541",
        ["period"] = "week", ["q"] = "diffusion", ["slug"] = "xintao-wang", ["sort"] = "votes", ["theme"] = "dark", ["density"] = "full",
        ["return"] = "/days", ["format"] = "atom",
    };

    /// <summary>Hostile values, already percent-encoded as they travel.</summary>
    public static IReadOnlyList<string> Values { get; } =
    [
        .. Enumerable.Range(0, 0x20).Select(c => $"a%{c:X2}b"),
        "%7F", "%C2%80", "%C2%85", "%C2%9F", "%EF%BF%BE", "%EF%BF%BF", "%EF%B7%90", "%ED%A0%80", "%ED%BF%BF", "%FF", "%C0%80", "%E3%80",
        "%F4%90%80%80", "%E2%80%8B", "%E2%81%A1", "%F3%A0%81%81", "%E3%85%A4", "%00%00", "%25", "%2F..%2F..%2Fetc%2Fpasswd", "..%5C..",
        "%2F%2Fevil.example", "%09%2F%2Fevil.example", new string('x', 5000), string.Concat(Enumerable.Repeat("%EB%AA%A8", 2000)),
        "-1", "0", "99999999999999999999", "2024-13-45", "9999-W99",
    ];

    public static (int Requests, int Failures, int Offsite, List<string> Examples) Run(string baseUrl)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var routes = Pages.ToList();
        routes.AddRange(ApiRoutes(http));
        var requests = 0;
        var failures = 0;
        var offsite = 0;
        var examples = new List<string>();
        foreach (var (template, parameters) in routes)
        {
            foreach (var parameter in parameters.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                foreach (var value in Values)
                {
                    var url = Fill(template, parameter, value);
                    requests++;
                    try
                    {
                        using var response = http.GetAsync(new Uri(url, UriKind.Relative)).GetAwaiter().GetResult();
                        var location = response.Headers.Location;
                        var leaves = location is not null && (location.IsAbsoluteUri || location.OriginalString.StartsWith("//", StringComparison.Ordinal) || location.OriginalString.Contains('\\', StringComparison.Ordinal));
                        if ((int)response.StatusCode >= 500 || leaves)
                        {
                            failures += (int)response.StatusCode >= 500 ? 1 : 0;
                            offsite += leaves ? 1 : 0;
                            if (examples.Count < 10)
                            {
                                examples.Add($"{(int)response.StatusCode} {Shorten(url)}{(leaves ? " → " + location : "")}");
                            }
                        }
                    }
                    catch (HttpRequestException e)
                    {
                        failures++;
                        if (examples.Count < 10)
                        {
                            examples.Add($"no answer ({e.Message}) {Shorten(url)}");
                        }
                    }
                }
            }
        }

        return (requests, failures, offsite, examples);
    }

    /// <summary>Every /api route of the OpenAPI document with its path and query parameters.</summary>
    private static IEnumerable<(string, string[])> ApiRoutes(HttpClient http)
    {
        using var document = JsonDocument.Parse(http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)).GetAwaiter().GetResult());
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            var names = path.Value.TryGetProperty("get", out var get) && get.TryGetProperty("parameters", out var list)
                ? list.EnumerateArray().Select(p => (Name: p.GetProperty("name").GetString()!, In: p.GetProperty("in").GetString()!)).ToList()
                : [];
            var query = string.Join('&', names.Where(n => n.In == "query").Select(n => $"{n.Name}={{{n.Name}}}"));
            yield return (path.Name + (query.Length > 0 ? "?" + query : ""), [.. names.Select(n => n.Name)]);
        }
    }

    private static string Fill(string template, string hostile, string value)
    {
        var url = template;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(template, "\\{([^}]+)\\}").Select(m => m.Groups[1].Value).Distinct())
        {
            var replacement = string.Equals(name, hostile, StringComparison.OrdinalIgnoreCase) ? value : Samples.GetValueOrDefault(name, "1");
            url = url.Replace("{" + name + "}", replacement, StringComparison.Ordinal);
        }

        return url;
    }

    private static string Shorten(string url) => url.Length > 120 ? url[..117] + "…" : url;
}
