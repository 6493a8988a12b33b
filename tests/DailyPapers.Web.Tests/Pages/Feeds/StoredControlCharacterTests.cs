using System.Xml.Linq;
using DailyPapers.Web.Pages.Feeds;
using DailyPapers.Web.Pages.Shared;

namespace DailyPapers.Web.Tests.Pages.Feeds;

/// <summary>
/// Rows stored before the ingest dropped control characters may still hold them: the Atom writer drops them itself, so
/// such a row cannot take a feed down.
/// </summary>
public sealed class StoredControlCharacterTests
{
    [Fact]
    public void An_atom_feed_of_rows_holding_control_characters_is_valid_xml_without_them()
    {
        var card = new PaperCard(
            "2404.99001", "Stored\u0001 Title\uFFFE", "Stored\u0001 Title", new DateOnly(2024, 4, 3), 5, 1,
            "https://example.org/thumb\u0002.png", null, null, "- 요약\u0007", "<ul><li>요약\u0007\u0085</li></ul>", "요약\u001B", false,
            [new AuthorLink("Ann\u0002 Lee", "ann-lee")]);
        var feed = new FeedView("Feed\u0003 title", "Sub\u0004title", "/days/2024-04-03", "/feeds/days/2024-04-03.atom", "/feeds/days/2024-04-03.json", [card]);

        var text = FeedWriter.Atom(feed, "http://localhost", id => "/papers/" + id);

        var document = XDocument.Parse(text);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        document.Root!.Element(atom + "title")!.Value.Should().Be("Feed title");
        var entry = document.Root.Element(atom + "entry")!;
        entry.Element(atom + "title")!.Value.Should().Be("Stored Title");
        entry.Element(atom + "author")!.Element(atom + "name")!.Value.Should().Be("Ann Lee");
        entry.Element(atom + "summary")!.Value.Should().Be("요약");
        entry.Element(atom + "content")!.Value.Should().EndWith("<ul><li>요약</li></ul>");
    }
}
