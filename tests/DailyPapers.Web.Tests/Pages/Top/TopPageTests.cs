using System.Net;

namespace DailyPapers.Web.Tests.Pages.Top;

[Collection(SharedApp.Name)]
public sealed class TopPageTests(AppFactory app)
{
    [Fact]
    public async Task All_time_ranking_starts_with_the_most_voted_seed_paper()
    {
        var mostVoted = Seeds.Papers.MaxBy(s => s.Paper.Votes ?? -1).Paper;

        var page = await app.GetDocumentAsync("/top?period=all");

        var titles = page.QuerySelectorAll("main article.paper .paper-title a");
        titles[0].GetAttribute("href").Should().Be("/papers/" + mostVoted.ArxivId.Value);
        var votes = page.QuerySelectorAll("main article.paper .votes strong").Select(v => int.Parse(v.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        votes.Should().BeInDescendingOrder();
        votes[0].Should().Be(mostVoted.Votes);
    }

    [Fact]
    public async Task Default_is_the_week_of_the_latest_day_with_links_to_other_periods()
    {
        var page = await app.GetDocumentAsync("/top");

        page.QuerySelector(".period-tabs a[aria-current=page]")!.GetAttribute("href").Should().Be("/top?period=week&date=2024-04-02");
        page.QuerySelectorAll("main article.paper").Should().HaveCount(12, "the week of 2024-04-02 holds only that seed day");
        page.QuerySelector("main a[rel=prev]")!.GetAttribute("href").Should().Be("/top?period=week&date=2024-02-06");
        page.QuerySelector("main a[rel=next]").Should().BeNull();
    }

    [Fact]
    public async Task Month_ranking_merges_the_days_of_the_month_by_votes()
    {
        var expected = Seeds.Papers.Where(s => s.Day.Date.Year == 2024 && s.Day.Date.Month == 1)
            .OrderByDescending(s => s.Paper.Votes).Select(s => s.Paper.Votes!.Value).ToList();

        var page = await app.GetDocumentAsync("/top?period=month&date=2024-01-20");

        page.QuerySelectorAll("main article.paper .votes strong").Select(v => int.Parse(v.TextContent, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Equal(expected);
        page.QuerySelector("main a[rel=prev]")!.GetAttribute("href").Should().Be("/top?period=month&date=2023-12-08");
        page.QuerySelector("main a[rel=next]")!.GetAttribute("href").Should().Be("/top?period=month&date=2024-02-06");
    }

    [Fact]
    public async Task Papers_without_votes_rank_last_and_say_so()
    {
        var page = await app.GetDocumentAsync("/top?period=day&date=2023-01-02");

        var cards = page.QuerySelectorAll("main article.paper");
        cards.Should().HaveCount(2);
        cards[0].QuerySelector(".votes strong")!.TextContent.Should().Be("1");
        cards[1].QuerySelector(".votes")!.TextContent.Should().Contain("없음");
        page.QuerySelector(".no-votes-note").Should().NotBeNull();
    }

    [Theory]
    [InlineData("/top?period=decade", "period")]
    [InlineData("/top?period=week&date=2024-02-30", "date")]
    [InlineData("/top?period=week&page=-1", "page")]
    [InlineData("/top?period=week&page=1%00", "page")]
    [InlineData("/top?period=1", "period")]
    public async Task Bad_parameters_answer_400_naming_them(string url, string parameter)
    {
        var page = await app.GetDocumentAsync(url, HttpStatusCode.BadRequest);

        page.QuerySelector("main code")!.TextContent.Should().Be(parameter);
    }
}
