using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace DailyPapers.Web.Tests.Pages.Library;

/// <summary>A library's private feed (issue 30, part 5): its follows' recent papers and its new recommendations, as the public feeds write them.</summary>
public sealed class LibraryFeedTests(LibraryApp fixture) : IClassFixture<LibraryApp>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private readonly AppFactory _app = fixture.App;

    [Fact]
    public async Task The_feed_holds_the_follows_papers_and_the_recommendations_with_the_public_feeds_entries_and_is_private()
    {
        var library = new LibraryClient(_app.CreateClient());
        var key = await library.CreateAsync();
        using (var follow = await library.Http.PutAsync(new Uri($"/api/libraries/{key}/follows/searches?q=Aurora", UriKind.Relative), null))
        {
            follow.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using (var saved = await library.SaveAsync(key, "2404.01294"))
        {
            saved.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using var response = await library.Http.GetAsync(new Uri($"/feeds/libraries/{key}.atom", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        LibraryClient.ShouldBePrivate(response);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        var ids = entries.Select(e => e.Element(Atom + "id")!.Value).ToList();
        ids.Should().Contain(id => id.Contains("2404.00399", StringComparison.Ordinal), "the followed search's paper");
        ids.Should().NotContain(id => id.Contains("2404.01294", StringComparison.Ordinal), "a saved paper is not news");
        ids.Should().HaveCountGreaterThan(1, "the recommendations of the latest digests come too");
        entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).Should().BeInDescendingOrder();

        var fromSearch = XDocument.Parse(await library.Http.GetStringAsync(new Uri("/feeds/search.atom?q=Aurora", UriKind.Relative)))
            .Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value.Contains("2404.00399", StringComparison.Ordinal));
        entries.Single(e => e.Element(Atom + "id")!.Value.Contains("2404.00399", StringComparison.Ordinal)).ToString().Should().Be(fromSearch.ToString(), "an entry is written as the public feeds write it");

        using var json = await library.Http.GetAsync(new Uri($"/feeds/libraries/{key}.json", UriKind.Relative));
        LibraryClient.ShouldBePrivate(json);
        JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("items").GetArrayLength().Should().Be(entries.Count);

        using var wrong = await library.Http.GetAsync(new Uri($"/feeds/libraries/{LibraryClient.NeverIssued()}.atom", UriKind.Relative));
        wrong.StatusCode.Should().Be(HttpStatusCode.NotFound);
        wrong.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        LibraryClient.ShouldBePrivate(wrong);
    }
}
