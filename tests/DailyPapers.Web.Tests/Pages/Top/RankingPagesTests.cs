using DailyPapers.Web.Pages.Top;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Web.Tests.Pages.Top;

/// <summary>
/// Rankings fifty to a page, at the edges: a day of exactly fifty papers is one page, and one more paper that week makes
/// the week two pages.
/// </summary>
public sealed class RankingPagesTests : IDisposable
{
    private readonly AppFactory _app = new();

    public RankingPagesTests()
    {
        foreach (var file in Directory.GetFiles(_app.DataDirectory))
        {
            File.Delete(file);
        }

        // Fifty papers with 100 … 51 votes on Monday, one with 1 vote on Wednesday.
        var monday = new System.Text.StringBuilder("## Daily Papers (2024-03-04)\n\n");
        for (var i = 1; i <= 50; i++)
        {
            monday.Append(System.Globalization.CultureInfo.InvariantCulture, $"### [Paper {i}](https://arxiv.org/abs/2403.{i:00000})\n\nVote: {101 - i}\n\n- 요약.\n\n");
        }

        File.WriteAllText(Path.Combine(_app.DataDirectory, "monday.md"), monday.ToString());
        File.WriteAllText(Path.Combine(_app.DataDirectory, "wednesday.md"),
            "## Daily Papers (2024-03-06)\n\n### [Last Paper](https://arxiv.org/abs/2403.09999)\n\nVote: 1\n\n- 요약.\n");
    }

    private async Task<TopView> LoadAsync(Period period, int page)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DailyPapers.Core.Data.PapersDbContext>();
        return (await TopQuery.LoadAsync(db, period, new DateOnly(2024, 3, 4), page, CancellationToken.None))!;
    }

    [Fact]
    public async Task Fifty_papers_are_one_page()
    {
        var day = await LoadAsync(Period.Day, 1);

        (day.Total, day.PageCount, day.Papers.Count).Should().Be((50, 1, 50));
    }

    [Fact]
    public async Task The_fifty_first_paper_opens_a_second_page_that_holds_only_it()
    {
        var first = await LoadAsync(Period.Week, 1);
        var second = await LoadAsync(Period.Week, 2);

        (first.Total, first.PageCount, first.Papers.Count).Should().Be((51, 2, 50));
        first.Papers[0].Title.Should().Be("Paper 1");
        first.Papers[^1].Title.Should().Be("Paper 50");
        (second.Page, second.Papers.Count).Should().Be((2, 1));
        second.Papers[0].Title.Should().Be("Last Paper");
    }

    [Fact]
    public async Task A_page_past_the_last_shows_the_last()
    {
        var past = await LoadAsync(Period.Week, 9);

        past.Page.Should().Be(2);
        past.Papers.Select(p => p.Title).Should().Equal("Last Paper");
    }

    [Fact]
    public async Task The_all_time_ranking_pages_the_same_way()
    {
        var second = await LoadAsync(Period.All, 2);

        (second.Total, second.PageCount, second.Page).Should().Be((51, 2, 2));
        second.Papers.Select(p => p.Title).Should().Equal("Last Paper");
    }

    public void Dispose() => _app.Dispose();
}
