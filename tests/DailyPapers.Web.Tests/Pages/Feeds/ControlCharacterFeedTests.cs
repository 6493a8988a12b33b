using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace DailyPapers.Web.Tests.Pages.Feeds;

/// <summary>
/// The newest digest holds control characters and non-characters, raw and as character references, in its notes, title,
/// authors and summary. Before the ingest dropped them, one in the newest title took down the latest, top, day, author
/// and search Atom feeds: every feed that lists the paper is still valid XML, or JSON, without them.
/// </summary>
public sealed class ControlCharacterFeedTests(ControlCharacterFeedTests.Archive archive) : IClassFixture<ControlCharacterFeedTests.Archive>
{
    public const string Title = "Quixotic Control Title";

    public sealed class Archive : IDisposable
    {
        public Archive()
        {
            File.WriteAllText(Path.Combine(App.DataDirectory, "2024-04-03.md"),
                "## Daily Papers (2024-04-03)\n" +
                "\n" +
                "Notes\u0007 of the day &#1;.\n" +
                "\n" +
                "### [Quixotic\u0001 Control\u001F Title\u0085&#1;&#xFFFE;\uFFFE](https://arxiv.org/abs/2404.99001)\n" +
                "\n" +
                "Vote: 999\n" +
                "\n" +
                "Authors: Quill\u0002 Ctrlwright, Bo&#x1; Kimchi\u0085\n" +
                "\n" +
                "- 제어\u0007 문자\u001B 요약 &#x85; 그리고 &#xFFFF; 끝\u007F.\n" +
                "- Second\u000B item &#xFDD0;.\n");
        }

        public AppFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    public static TheoryData<string> Feeds =>
    [
        "/feeds/latest", "/feeds/top", "/feeds/days/2024-04-03", "/feeds/authors/quill-ctrlwright", "/feeds/search?q=quixotic",
        "/feeds/weeks/2024-W14", "/feeds/months/2024-04",
    ];

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task Every_atom_feed_listing_the_paper_is_valid_xml_without_them(string feed)
    {
        var text = await GetAsync(Format(feed, "atom"), "application/atom+xml");

        var document = XDocument.Parse(text);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        document.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).Should().Contain(Title);
        text.Where(IsForbidden).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task Every_json_feed_listing_the_paper_is_valid_json_without_them(string feed)
    {
        using var document = JsonDocument.Parse(await GetAsync(Format(feed, "json"), "application/feed+json"));

        document.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).Should().Contain(Title);
        Strings(document.RootElement).SelectMany(s => s).Where(IsForbidden).Should().BeEmpty();
    }

    private async Task<string> GetAsync(string url, string mediaType)
    {
        using var client = archive.App.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {url} answered {text[..Math.Min(300, text.Length)]}");
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        return text;
    }

    private static string Format(string feed, string format) =>
        feed.Contains('?', StringComparison.Ordinal) ? feed.Replace("?", "." + format + "?", StringComparison.Ordinal) : feed + "." + format;

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    /// <summary>What XML 1.0 cannot carry, the other controls and the non-characters.</summary>
    private static bool IsForbidden(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF');
}
