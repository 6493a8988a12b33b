using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DailyPapers.Web.Infrastructure;

/// <summary>
/// The origin (scheme, host and port) of every absolute URL the site writes: feeds, sitemaps, canonical and Open Graph
/// links, the OpenSearch description. <c>DailyPapers:PublicUrl</c> decides it when set. Without it a request's own origin
/// is used only when its host is one of <c>DailyPapers:Hosts</c> (the loopback names by default); any other Host header,
/// forged or not, gets the address the server listens on. So a forged Host never reaches a page, a feed or the cache.
/// </summary>
public sealed class PublicOrigin
{
    private readonly Uri? _configured;
    private readonly HashSet<string> _hosts;
    private readonly IServer _server;

    public PublicOrigin(DailyPapersOptions options, IServer server)
    {
        ArgumentNullException.ThrowIfNull(options);
        _configured = Parse(options.PublicUrl);
        _hosts = new HashSet<string>(options.Hosts, StringComparer.OrdinalIgnoreCase);
        _server = server;
    }

    /// <summary>The configured public URL, checked: an absolute http(s) URL without query or fragment; null when unset.</summary>
    public static Uri? Parse(string? publicUrl)
    {
        if (string.IsNullOrWhiteSpace(publicUrl))
        {
            return null;
        }

        if (!Uri.TryCreate(publicUrl.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new InvalidSettingException($"DailyPapers:PublicUrl '{publicUrl}' is not an absolute http or https URL without query (e.g. https://papers.example.org).");
        }

        return uri;
    }

    /// <summary>The origin, with the path prefix of PublicUrl when it has one, and no trailing slash.</summary>
    public string For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_configured is not null)
        {
            return _configured.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        var request = context.Request;
        if (request.Host.HasValue && _hosts.Contains(request.Host.Host))
        {
            return $"{request.Scheme}://{request.Host.Value}{request.PathBase}";
        }

        return Listening() + request.PathBase;
    }

    /// <summary>An absolute URL for a path of this site (starting with '/').</summary>
    public string Absolute(HttpContext context, string path) => For(context) + path;

    private string Listening()
    {
        var address = _server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return "http://localhost";
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }
}

/// <summary>A setting that cannot be used; the message names it and shows a valid value. The app stops at start-up with it.</summary>
public sealed class InvalidSettingException : Exception
{
    public InvalidSettingException()
    {
    }

    public InvalidSettingException(string message)
        : base(message)
    {
    }

    public InvalidSettingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
