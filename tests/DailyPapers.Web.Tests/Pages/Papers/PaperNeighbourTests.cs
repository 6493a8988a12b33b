using DailyPapers.Core.Parsing;
using DailyPapers.Web.Pages.Papers;
using static DailyPapers.Web.Tests.SmallArchive;

namespace DailyPapers.Web.Tests.Pages.Papers;

/// <summary>A paper page's query on the small archive: its best listing, its days, the papers beside it, and who else its authors wrote.</summary>
public sealed class PaperNeighbourTests(SmallArchive archive) : IClassFixture<SmallArchive>
{
    private async Task<PaperView?> LoadAsync(string id)
    {
        var (scope, db) = archive.Db();
        using (scope)
        {
            ArxivId.TryParse(id, out var arxivId).Should().BeTrue();
            return await PaperQuery.LoadAsync(db, arxivId, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_paper_listed_twice_shows_its_latest_listing_and_both_days_newest_first()
    {
        var view = await LoadAsync("2403.00001");

        view!.Paper.Title.Should().Be("Alpha again");
        (view.Paper.Date, view.Paper.Votes, view.Paper.Position).Should().Be((Date("2024-03-06"), 7, null));
        view.Paper.Authors.Select(a => a.Name).Should().Equal("Ann Lee", "Bo Kim");
        view.Appearances.Should().Equal(new PaperAppearance(Date("2024-03-06"), 7, 2), new PaperAppearance(Date("2024-03-04"), 7, 1));
    }

    [Fact]
    public async Task The_papers_beside_it_are_those_just_before_and_after_it_in_its_latest_day()
    {
        var view = await LoadAsync("2403.00001");

        view!.Previous.Should().Be(new PaperNeighbour("2403.00004", "Delta", Date("2024-03-06"), 1));
        view.Next.Should().Be(new PaperNeighbour("2403.00005", "Epsilon", Date("2024-03-06"), 3));
    }

    [Fact]
    public async Task The_first_and_last_of_a_day_have_one_neighbour()
    {
        var first = await LoadAsync("2403.00004");
        var last = await LoadAsync("2403.00003");

        (first!.Previous, first.Next?.Title).Should().Be((null, "Alpha again"));
        (last!.Previous?.Title, last.Next).Should().Be(("Beta", null));
    }

    [Fact]
    public async Task More_by_these_authors_puts_the_most_shared_authors_first_then_the_newest_then_the_id()
    {
        var view = await LoadAsync("2403.00001");

        // Zeta shares both authors; the rest share one: Iota is newest, then Beta, Delta and Epsilon (one day) by id.
        view!.MoreByTheseAuthors.Select(p => p.Title).Should().Equal("Zeta", "Iota", "Beta again", "Delta", "Epsilon");
        view.MoreByTheseAuthors.Should().OnlyContain(p => p.Position == null);
    }

    [Fact]
    public async Task A_paper_that_is_not_stored_has_no_page()
    {
        (await LoadAsync("2403.09999")).Should().BeNull();
    }
}
