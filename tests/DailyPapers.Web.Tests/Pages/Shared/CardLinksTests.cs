namespace DailyPapers.Web.Tests.Pages.Shared;

/// <summary>
/// Cards fill in links made once from the routes; they must be exactly what the router writes (the paper page's own
/// author list is written by the anchor tag helper) for old-style ids, Korean and accented names alike, and lead somewhere.
/// </summary>
public sealed class CardLinksTests : IDisposable
{
    private readonly AppFactory _app = new();

    public CardLinksTests() => File.WriteAllText(Path.Combine(_app.DataDirectory, "2024-06-12.md"), """
        ## Daily Papers (2024-06-12)

        ### [An Old Style Paper With Unusual Authors](https://arxiv.org/abs/math.GT/0309136)

        Vote: 2

        Authors: 김철수, Jörg Kölle, Anne-Marie O'Neil

        - 요약.

        """);

    [Fact]
    public async Task Card_links_are_the_routers_own_and_lead_somewhere()
    {
        var day = await _app.GetDocumentAsync("/days/2024-06-12");
        var card = day.QuerySelector("main article.paper")!;
        var paperHref = card.QuerySelector(".paper-title a")!.GetAttribute("href")!;
        var cardAuthors = card.QuerySelectorAll(".authors a").Select(a => a.GetAttribute("href")).ToList();

        paperHref.Should().Be("/papers/math/0309136", "an old-style id keeps its slash (the subject class is not part of the id)");
        var paper = await _app.GetDocumentAsync(paperHref);
        var routerAuthors = paper.QuerySelector("main .paper-detail .authors")!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        cardAuthors.Should().HaveCount(3).And.Equal(routerAuthors, "a card writes each author's link as the router does");
        foreach (var href in cardAuthors)
        {
            (await _app.GetDocumentAsync(href!)).QuerySelector("main h1").Should().NotBeNull(href);
        }
    }

    public void Dispose() => _app.Dispose();
}
