using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DailyPapers.Web.Pages.Shared;

namespace DailyPapers.Web.Pages.Papers;

/// <summary>
/// The paper as a schema.org <c>ScholarlyArticle</c> in JSON-LD, for search engines. Korean is written as text; the
/// encoder still turns <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes into \u escapes, so no title can close the script
/// element it sits in.
/// </summary>
public static class ScholarlyArticle
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Json(PaperCard paper, DateOnly firstListed, string pageUrl, string abstractText)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var article = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ScholarlyArticle",
            ["headline"] = paper.TitleText,
            ["name"] = paper.TitleText,
            ["author"] = paper.Authors.Select(a => new Dictionary<string, string> { ["@type"] = "Person", ["name"] = a.Name }).ToList(),
            ["datePublished"] = Links.Iso(firstListed),
            ["url"] = pageUrl,
            ["sameAs"] = paper.AbsUrl,
            ["identifier"] = new Dictionary<string, string> { ["@type"] = "PropertyValue", ["propertyID"] = "arXiv", ["value"] = paper.ArxivId },
            ["image"] = paper.ThumbnailUrl,
            ["abstract"] = abstractText,
            ["inLanguage"] = "en",
        };
        return JsonSerializer.Serialize(article, Options);
    }
}
