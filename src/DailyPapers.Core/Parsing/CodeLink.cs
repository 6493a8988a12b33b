using System.Text.Json;
using System.Text.Json.Serialization;

namespace DailyPapers.Core.Parsing;

/// <summary>What a link beside a paper leads to: its code, or its project page.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CodeLinkKind>))]
public enum CodeLinkKind
{
    /// <summary>A repository on a code host (github.com/owner/repo, gitlab.com/…, bitbucket.org/…).</summary>
    [JsonStringEnumMemberName("code")]
    Code,

    /// <summary>A project page served by a code host's pages (owner.github.io/…, owner.gitlab.io/…).</summary>
    [JsonStringEnumMemberName("project")]
    Project,
}

/// <summary>A repository or project page a paper's summary names, as the summary wrote it (its fragment dropped).</summary>
public sealed record CodeLink([property: JsonPropertyName("url")] string Url, [property: JsonPropertyName("kind")] CodeLinkKind Kind);

/// <summary>
/// Which addresses in a summary are a paper's code or project page, and how a paper's list of them is kept.
/// </summary>
/// <remarks>
/// <para>The rule, by host alone, since that is all an address says for sure:</para>
/// <list type="bullet">
/// <item><b>code</b>: github.com, gitlab.com, bitbucket.org, gitee.com and codeberg.org (with or without <c>www.</c>), when the
/// path names an owner and a repository (two segments or more, the first not one of the host's own pages such as
/// <c>topics</c> or <c>orgs</c>). An owner alone is a profile, not a repository.</item>
/// <item><b>project</b>: a page of GitHub Pages or GitLab Pages (<c>owner.github.io/…</c>, <c>owner.gitlab.io/…</c>), any path.</item>
/// <item>Everything else is neither: Hugging Face (a model, a data set, or a Space, which is a hosted demo rather than
/// its code), arXiv, video sites, and project pages on a domain of their own, which nothing tells apart from any
/// other page.</item>
/// </list>
/// <para>An address is kept as written (http stays http, the host's case stays) but for its fragment (<c>#readme</c>
/// only scrolls the page it names). Two addresses are the same link when they differ only in the scheme, the host's
/// case, a trailing slash or the fragment; the first one written is kept, and the list keeps the summary's order.</para>
/// </remarks>
public static class CodeLinks
{
    /// <summary>
    /// Changes whenever the rule above would pick other links from the same summary: stored rows are then derived again
    /// from their markdown at the next ingest, without reading the digest files again.
    /// </summary>
    public const string Version = "1";

    private static readonly string[] CodeHosts = ["github.com", "gitlab.com", "bitbucket.org", "gitee.com", "codeberg.org"];

    private static readonly string[] PagesHosts = [".github.io", ".gitlab.io"];

    // The hosts' own pages at the first path segment: an owner cannot be called this.
    private static readonly HashSet<string> HostPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "apps", "collections", "enterprise", "explore", "features", "login", "marketplace", "orgs", "pricing",
        "search", "settings", "site", "sponsors", "topics", "trending", "users",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The link <paramref name="url"/> is, if it is a code or project link by the rule above.</summary>
    public static CodeLink? Classify(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !CleanText.IsClean(url, oneLine: true))
        {
            return null;
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var written = (hash < 0 ? url : url[..hash]).Trim();
        if (!Uri.TryCreate(written, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0)
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        if (CodeHosts.Contains(host))
        {
            var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return segments.Length >= 2 && !HostPages.Contains(segments[0]) ? new CodeLink(written, CodeLinkKind.Code) : null;
        }

        return Array.Exists(PagesHosts, p => host.EndsWith(p, StringComparison.Ordinal) && host.Length > p.Length)
            ? new CodeLink(written, CodeLinkKind.Project)
            : null;
    }

    /// <summary>The code and project links among <paramref name="urls"/>, each once, in their order.</summary>
    public static IReadOnlyList<CodeLink> Of(IEnumerable<string?> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<CodeLink>();
        foreach (var url in urls)
        {
            if (Classify(url) is { } link && seen.Add(SameLinkKey(link.Url)))
            {
                links.Add(link);
            }
        }

        return links;
    }

    /// <summary>What two spellings of one link share: no scheme, the host in lower case, no trailing slash.</summary>
    private static string SameLinkKey(string url)
    {
        var uri = new Uri(url);
        var rest = uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var path = (query < 0 ? rest : rest[..query]).TrimEnd('/');
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return uri.IdnHost.ToLowerInvariant() + port + path + (query < 0 ? "" : rest[query..]);
    }

    /// <summary>A paper's links as stored (a JSON array of <c>{"url", "kind"}</c>), or null when it has none.</summary>
    public static string? ToJson(IReadOnlyList<CodeLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        return links.Count == 0 ? null : JsonSerializer.Serialize(links, Json);
    }

    /// <summary>The links a stored value holds; none for null (a paper without links).</summary>
    public static IReadOnlyList<CodeLink> FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<CodeLink>>(json, Json) ?? [];
}
