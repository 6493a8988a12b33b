using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using DailyPapers.Web.Pages.Shared;

namespace DailyPapers.Web.Pages.Feeds;

/// <summary>
/// Writes a feed as Atom 1.0 (through System.ServiceModel.Syndication's formatter) or as JSON Feed 1.1. Every URL is
/// absolute, made from the site's public origin; every entry links the paper page, arXiv, the PDF and the code and project pages its summary names, names its authors
/// in order, and carries the summary as HTML (math as MathML, as on the pages) with its votes and thumbnail.
/// </summary>
public static class FeedWriter
{
    public const string AtomType = "application/atom+xml; charset=utf-8";

    public const string JsonType = "application/feed+json; charset=utf-8";

    private const string MediaNamespace = "http://search.yahoo.com/mrss/";

    /// <summary>When the feed last changed: its newest listing's day (digests are dated, not timed).</summary>
    public static DateTimeOffset Updated(FeedView feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return feed.Papers.Count == 0 ? DateTimeOffset.UnixEpoch : Day(feed.Papers.Max(p => p.Date));
    }

    public static string Atom(FeedView feed, string origin, Func<string, string> paperPath)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(paperPath);
        var self = new Uri(origin + feed.AtomPath);
        var syndication = new SyndicationFeed(feed.Title, feed.Subtitle, new Uri(origin + feed.PagePath), self.AbsoluteUri, Updated(feed))
        {
            Language = "ko",
            Generator = "DailyPapers",
        };
        syndication.Links.Add(SyndicationLink.CreateSelfLink(self, "application/atom+xml"));
        syndication.Links.Add(new SyndicationLink(new Uri(origin + feed.JsonPath), "alternate", feed.Title, "application/feed+json", 0));
        syndication.AttributeExtensions.Add(new XmlQualifiedName("media", "http://www.w3.org/2000/xmlns/"), MediaNamespace);
        syndication.Items = [.. feed.Papers.Select(p => Entry(p, origin + paperPath(p.ArxivId)))];

        var text = new StringBuilder();
        using (var writer = new CleanXmlWriter(XmlWriter.Create(text, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false })))
        {
            new Atom10FeedFormatter(syndication).WriteTo(writer);
        }

        // StringBuilder output declares UTF-16; the response is UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static SyndicationItem Entry(PaperCard paper, string pageUrl)
    {
        var item = new SyndicationItem(paper.TitleText, new TextSyndicationContent(ContentHtml(paper), TextSyndicationContentKind.Html), new Uri(pageUrl), pageUrl, Day(paper.Date))
        {
            PublishDate = Day(paper.Date),
            Summary = new TextSyndicationContent(Core.Parsing.TextLimit.Shorten(Plain(paper), 299)),
        };
        item.Links.Add(new SyndicationLink(new Uri(paper.AbsUrl), "related", "arXiv " + paper.ArxivId, "text/html", 0));
        item.Links.Add(new SyndicationLink(new Uri(paper.PdfUrl), "related", "PDF", "application/pdf", 0));
        foreach (var link in paper.CodeUrls)
        {
            item.Links.Add(new SyndicationLink(new Uri(link.Url), "related", LinkName(link), "text/html", 0));
        }

        foreach (var author in paper.Authors)
        {
            item.Authors.Add(new SyndicationPerson { Name = author.Name });
        }

        if (paper.Votes is int votes)
        {
            item.Categories.Add(new SyndicationCategory(votes.ToString(CultureInfo.InvariantCulture), "https://huggingface.co/papers#votes", $"추천 {votes}표"));
        }

        if (paper.ThumbnailUrl is { } thumbnail)
        {
            // Media RSS's thumbnail, which feed readers show beside an entry: <media:thumbnail url="…"/>.
            var element = new System.Xml.Linq.XElement(System.Xml.Linq.XName.Get("thumbnail", MediaNamespace), new System.Xml.Linq.XAttribute("url", thumbnail));
            item.ElementExtensions.Add(new SyndicationElementExtension(element.CreateReader()));
        }

        return item;
    }

    public static string Json(FeedView feed, string origin, Func<string, string> paperPath)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(paperPath);
        var json = new JsonFeed(
            "https://jsonfeed.org/version/1.1",
            feed.Title,
            feed.Subtitle,
            origin + feed.PagePath,
            origin + feed.JsonPath,
            "ko",
            [
                .. feed.Papers.Select(p => new JsonFeedItem(
                    origin + paperPath(p.ArxivId),
                    origin + paperPath(p.ArxivId),
                    p.AbsUrl,
                    p.TitleText,
                    ContentHtml(p),
                    Core.Parsing.TextLimit.Shorten(Plain(p), 299),
                    p.ThumbnailUrl,
                    Day(p.Date).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
                    [.. p.Authors.Select(a => new JsonFeedAuthor(a.Name))],
                    new JsonFeedExtension(p.ArxivId, p.Votes, p.PdfUrl, p.CodeUrls.Count == 0 ? null : p.CodeUrls))),
            ]);
        return JsonSerializer.Serialize(json, JsonFeedContext.Readable.JsonFeed);
    }

    /// <summary>The entry's HTML: votes and links, the thumbnail, then the summary as the pages show it.</summary>
    private static string ContentHtml(PaperCard paper)
    {
        var html = new StringBuilder();
        html.Append("<p>");
        if (paper.Votes is int votes)
        {
            html.Append(CultureInfo.InvariantCulture, $"추천 {votes}표 · ");
        }

        html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Encode(paper.AbsUrl)}\">arXiv:{Encode(paper.ArxivId)}</a> · <a href=\"{Encode(paper.PdfUrl)}\">PDF</a>");
        foreach (var link in paper.CodeUrls)
        {
            html.Append(CultureInfo.InvariantCulture, $" · <a href=\"{Encode(link.Url)}\" rel=\"nofollow noopener\">{LinkName(link)}</a>");
        }

        html.Append("</p>");
        if (paper.ThumbnailUrl is { } thumbnail)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><img src=\"{Encode(thumbnail)}\" alt=\"\"></p>");
        }

        html.Append(paper.SummaryHtml);
        return html.ToString();
    }

    private static string Plain(PaperCard paper) => paper.SummaryText;

    private static string LinkName(Core.Parsing.CodeLink link) => link.Kind == Core.Parsing.CodeLinkKind.Code ? "코드" : "프로젝트";


    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static DateTimeOffset Day(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}

/// <summary>
/// An XML writer that never hands its inner writer a character XML cannot carry: text, attribute values, CDATA and
/// comments lose what <see cref="Core.Parsing.CleanText"/> forbids. The text stored from digests is clean since the
/// ingest drops such characters, but rows stored before it did may still hold them, and one must not take a feed down.
/// </summary>
internal sealed class CleanXmlWriter(XmlWriter inner) : XmlWriter
{
    private static string? Clean(string? text) => text is null ? null : Core.Parsing.CleanText.Remove(text);

    public override WriteState WriteState => inner.WriteState;

    public override XmlWriterSettings? Settings => inner.Settings;

    public override void WriteString(string? text) => inner.WriteString(Clean(text));

    public override void WriteChars(char[] buffer, int index, int count) => inner.WriteString(Clean(new string(buffer, index, count)));

    public override void WriteCData(string? text) => inner.WriteCData(Clean(text));

    public override void WriteComment(string? text) => inner.WriteComment(Clean(text));

    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

    public override void WriteRaw(string data) => inner.WriteRaw(Clean(data)!);

    public override void WriteRaw(char[] buffer, int index, int count) => WriteRaw(new string(buffer, index, count));

    public override void WriteCharEntity(char ch)
    {
        if (Core.Parsing.CleanText.IsClean([ch]))
        {
            inner.WriteCharEntity(ch);
        }
    }

    public override void WriteSurrogateCharEntity(char lowChar, char highChar)
    {
        if (Core.Parsing.CleanText.IsClean([highChar, lowChar]))
        {
            inner.WriteSurrogateCharEntity(lowChar, highChar);
        }
    }

    public override void WriteStartDocument() => inner.WriteStartDocument();

    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);

    public override void WriteEndDocument() => inner.WriteEndDocument();

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);

    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);

    public override void WriteEndElement() => inner.WriteEndElement();

    public override void WriteFullEndElement() => inner.WriteFullEndElement();

    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);

    public override void WriteEndAttribute() => inner.WriteEndAttribute();

    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);

    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, Clean(text));

    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);

    public override void Flush() => inner.Flush();

    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

internal sealed record JsonFeed(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("home_page_url")] string HomePageUrl,
    [property: JsonPropertyName("feed_url")] string FeedUrl,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("items")] IReadOnlyList<JsonFeedItem> Items);

internal sealed record JsonFeedItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("external_url")] string ExternalUrl,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("content_html")] string ContentHtml,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("image")] string? Image,
    [property: JsonPropertyName("date_published")] string DatePublished,
    [property: JsonPropertyName("authors")] IReadOnlyList<JsonFeedAuthor> Authors,
    [property: JsonPropertyName("_daily_papers")] JsonFeedExtension Extension);

internal sealed record JsonFeedAuthor([property: JsonPropertyName("name")] string Name);

/// <summary>JSON Feed's extension object (keys starting with '_'): what the entry's generic fields cannot say.</summary>
internal sealed record JsonFeedExtension(
    [property: JsonPropertyName("arxiv_id")] string ArxivId,
    [property: JsonPropertyName("votes")] int? Votes,
    [property: JsonPropertyName("pdf_url")] string PdfUrl,
    [property: JsonPropertyName("code_urls")] IReadOnlyList<Core.Parsing.CodeLink>? CodeUrls);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonFeed))]
internal sealed partial class JsonFeedContext : JsonSerializerContext
{
    /// <summary>Korean written as text rather than \uXXXX escapes; characters that matter to HTML are still escaped.</summary>
    public static JsonFeedContext Readable { get; } = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
