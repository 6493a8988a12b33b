using AngleSharp.Html.Parser;
using Markdig.Syntax.Inlines;

namespace DailyPapers.Core.Parsing;

/// <summary>
/// A paper's media: its thumbnail image, its video link, and HTML that only embeds a video or an image. What is
/// recognised becomes URLs on the paper; what is not is reported and stays in the summary.
/// </summary>
internal sealed class MediaReader(DiagnosticList diagnostics)
{
    private const string HuggingFace = "https://huggingface.co";

    [ThreadStatic]
    private static HtmlParser? t_htmlParser;

    /// <summary>Recognises HTML that only embeds a video or an image; its URLs become data and the HTML itself is dropped.</summary>
    public bool TryHtmlMedia(string html, int line, PaperBuilder paper, ArxivId id)
    {
        var document = (t_htmlParser ??= new HtmlParser()).ParseDocument(html);
        var body = document.Body;
        var elements = body?.QuerySelectorAll("*").ToList() ?? [];
        var mediaOnly = body is not null
            && body.TextContent.Trim().Length == 0
            && elements.Count > 0
            && elements.All(e => e.LocalName is "div" or "p" or "span" or "video" or "source" or "img" or "br" or "figure");
        var video = elements.FirstOrDefault(e => e.LocalName == "video");
        var videoSource = video?.GetAttribute("src") ?? video?.QuerySelector("source[src]")?.GetAttribute("src");
        var image = elements.FirstOrDefault(e => e.LocalName == "img")?.GetAttribute("src");
        if (!mediaOnly || (videoSource is null && image is null))
        {
            if (elements.Count > 0)
            {
                diagnostics.Warning(line, $"paper {id}: raw HTML is kept in the summary as text");
            }

            return false;
        }

        if (videoSource is not null)
        {
            if (paper.Video is not null && paper.Video != videoSource.Trim())
            {
                diagnostics.Warning(line, $"paper {id} has a second video; it is kept in the summary as text");
                return false;
            }

            if (!TryMediaUrl(videoSource, line, id, "video", out paper.Video))
            {
                return false;
            }

            var poster = video!.GetAttribute("poster");
            if (poster is not null && IsWebUrl(poster))
            {
                paper.VideoPoster = poster.Trim();
            }

            return true;
        }

        return paper.Thumbnail is null && TryMediaUrl(image, line, id, "thumbnail", out paper.Thumbnail);
    }

    /// <param name="what">What the URL is for, as a message names it: "thumbnail" or "video".</param>
    public bool TryMediaUrl(string? url, int line, ArxivId id, string what, out string? result)
    {
        if (url is not null && IsWebUrl(url))
        {
            result = url.Trim();
            return true;
        }

        // The digests copy Hugging Face's paper pages, whose placeholder images are site-relative (/avatars/….svg).
        if (url is not null && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && IsWebUrl(HuggingFace + url))
        {
            result = HuggingFace + url.Trim();
            return true;
        }

        diagnostics.Warning(line, $"paper {id}: {what} URL '{DiagnosticList.Shorten(url ?? "")}' is not an http(s) address; it is kept in the summary");
        result = null;
        return false;
    }

    /// <summary>A link to a video: labelled "Watch Video", or to an .mp4, .webm or .mov file.</summary>
    public static bool IsVideoLink(LinkInline link)
    {
        var label = InlineText.PlainText(link).Trim();
        if (label.Equals("Watch Video", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var path = Uri.TryCreate(link.Url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "";
        return path.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".webm", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".mov", StringComparison.OrdinalIgnoreCase);
    }

    // An address holding a control character (a reference such as &#1; decodes to one) is no web address.
    private static bool IsWebUrl(string url) =>
        CleanText.IsClean(url.Trim(), oneLine: true)
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
