using System.Text.Json;
using DailyPapers.Web.Pages.Trends;

namespace DailyPapers.Web.Tests.Pages.Trends;

/// <summary>The trend numbers on the edge archive, whose May holds one day of a hundred papers, twenty about Zyzzyva.</summary>
[Collection(EdgeArchive.Name)]
public sealed class TrendSharesTests(EdgeArchive archive)
{
    [Fact]
    public async Task A_months_share_is_its_matches_divided_by_its_papers()
    {
        using var client = archive.App.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/trends?q=zyzzyva,headline", UriKind.Relative)));

        var months = json.RootElement.GetProperty("months").EnumerateArray().ToDictionary(m => m.GetProperty("month").GetString()!);
        var may = months["2024-05"];
        may.GetProperty("paperCount").GetInt32().Should().Be(100);
        may.GetProperty("matches").EnumerateArray().Select(m => m.GetInt32()).Should().Equal(20, 0);
        may.GetProperty("shares").EnumerateArray().Select(s => s.GetDouble()).Should().Equal(0.2, 0);
        var june = months["2024-06"];
        june.GetProperty("paperCount").GetInt32().Should().Be(5);
        june.GetProperty("shares").EnumerateArray().Select(s => s.GetDouble()).Should().Equal(0, 0.2);
    }

    [Fact]
    public async Task The_query_reads_the_months_on_a_context_whose_connection_nothing_opened()
    {
        // Outside a request no filter has opened the connection: the query opens its own.
        var (scope, db) = archive.Db();
        using var _ = scope;

        var view = await TrendsQuery.LoadAsync(db, "quokka", ["quokka"], withRising: false, CancellationToken.None);

        view.Months.Single(m => m.Month == new DateOnly(2024, 5, 1)).Matches.Should().Equal(21);
    }
}
