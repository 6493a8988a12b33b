using DailyPapers.Web.Pages.Authors;

namespace DailyPapers.Web.Tests.Pages.Authors;

/// <summary>
/// The author search's tiers where paper counts run against them: Kim (1 paper), Kim Lee (2), Bo Kim (3), Akim Ro (4).
/// </summary>
[Collection(EdgeArchive.Name)]
public sealed class AuthorSearchTierTests(EdgeArchive archive)
{
    [Fact]
    public async Task The_exact_name_ranks_before_a_name_starting_with_it_before_a_word_starting_with_it_before_a_match_inside_a_word()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        var view = await AuthorSearchQuery.SearchAsync(db, "kim", CancellationToken.None);

        view.Authors.Select(a => (a.Name, a.PaperCount)).Should().Equal(("Kim", 1), ("Kim Lee", 2), ("Bo Kim", 3), ("Akim Ro", 4));
    }
}
