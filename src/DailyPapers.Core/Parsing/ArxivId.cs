using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DailyPapers.Core.Parsing;

/// <summary>
/// A normalised arXiv identifier: new style (<c>2401.08541</c>) or old style (<c>hep-th/9901001</c>),
/// with the version suffix split off and remembered.
/// </summary>
public readonly partial record struct ArxivId(string Value, int? Version)
{
    public override string ToString() => Value;

    public string VersionedValue => Version is { } v ? $"{Value}v{v}" : Value;

    /// <summary>Parses a bare identifier such as <c>2401.08541v2</c>, <c>arXiv:2401.08541</c> or <c>math.GT/0309136</c>.</summary>
    public static bool TryParse(string? text, out ArxivId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        var s = text.Trim();
        if (s.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase))
        {
            s = s[6..];
        }

        var match = IdPattern().Match(s);
        if (!match.Success)
        {
            return false;
        }

        int? version = match.Groups["v"].Success
            ? int.Parse(match.Groups["v"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
        var value = match.Groups["new"].Success
            ? match.Groups["new"].Value
            // Old-style ids drop the optional subject class: math.GT/0309136 is math/0309136.
            : $"{match.Groups["archive"].Value.ToLowerInvariant()}/{match.Groups["number"].Value}";
        id = new ArxivId(value, version);
        return true;
    }

    /// <summary>Finds the arXiv id in a paper link: arxiv.org abs/pdf/html pages or Hugging Face paper pages.</summary>
    public static bool TryFromUrl(string? url, [NotNullWhen(true)] out ArxivId? id)
    {
        id = null;
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        var host = uri.Host.ToLowerInvariant();
        var path = Uri.UnescapeDataString(uri.AbsolutePath).Trim('/');
        string? candidate = null;
        if (host is "arxiv.org" or "www.arxiv.org" or "export.arxiv.org")
        {
            foreach (var prefix in (string[])["abs/", "pdf/", "html/"])
            {
                if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    candidate = path[prefix.Length..];
                    break;
                }
            }
        }
        else if (host is "huggingface.co" or "www.huggingface.co" && path.StartsWith("papers/", StringComparison.OrdinalIgnoreCase))
        {
            candidate = path["papers/".Length..];
        }

        if (candidate is null)
        {
            return false;
        }

        if (candidate.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            candidate = candidate[..^4];
        }

        if (TryParse(candidate, out var parsed))
        {
            id = parsed;
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(?:(?<new>[0-9]{4}\.[0-9]{4,5})|(?<archive>[a-zA-Z][a-zA-Z\-]*)(?:\.[a-zA-Z]{2})?/(?<number>[0-9]{7}))(?:v(?<v>[0-9]{1,4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
