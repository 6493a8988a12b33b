namespace DailyPapers.Web.Tests.Pages.Days;

[Collection(SharedApp.Name)]
public sealed class ArchivePageTests(AppFactory app)
{
    [Fact]
    public async Task Archive_lists_every_month_newest_first_with_day_links_and_counts()
    {
        var page = await app.GetDocumentAsync("/days");

        page.QuerySelectorAll("section.month").Select(s => s.Id).Should().Equal("m-2024-04", "m-2024-02", "m-2024-01", "m-2023-12", "m-2023-01");
        var day = page.QuerySelector("section#m-2024-01 a[href='/days/2024-01-17']");
        day.Should().NotBeNull();
        day!.TextContent.Should().Contain("9편");
        page.QuerySelector("main .lead")!.TextContent.Should().Contain("6일").And.Contain("67편");
    }
}
