namespace DailyPapers.Web.Tests.Pages.Days;

[Collection(SharedApp.Name)]
public sealed class ArchivePageTests(AppFactory app)
{
    [Fact]
    public async Task Archive_lists_the_latest_years_months_newest_first_with_day_links_and_counts()
    {
        var page = await app.GetDocumentAsync("/days");

        page.QuerySelector("main h1")!.TextContent.Should().Be("2024년 아카이브");
        page.QuerySelectorAll("section.month").Select(s => s.Id).Should().Equal("m-2024-04", "m-2024-02", "m-2024-01");
        var day = page.QuerySelector("section#m-2024-01 a[href='/days/2024-01-17']");
        day.Should().NotBeNull();
        day!.TextContent.Should().Contain("9편");
        page.QuerySelector("main .lead")!.TextContent.Should().Contain("4일").And.Contain(Seeds.Papers.Count(s => s.Day.Date.Year == 2024) + "편");
        page.QuerySelector("a[rel=prev]")!.GetAttribute("href").Should().Be("/days?year=2023");
        page.QuerySelector("a[rel=next]").Should().BeNull();
    }

    [Fact]
    public async Task Each_year_has_its_own_page()
    {
        var page = await app.GetDocumentAsync("/days?year=2023");

        page.QuerySelectorAll("section.month").Select(s => s.Id).Should().Equal("m-2023-12", "m-2023-01");
        page.QuerySelector("a[rel=next]")!.GetAttribute("href").Should().Be("/days?year=2024");
        (await app.GetDocumentAsync("/days?year=24", System.Net.HttpStatusCode.BadRequest)).Body!.TextContent.Should().Contain("year");
    }
}
