using DailyPapers.Core.Search;
using DailyPapers.Web.Pages.Search;
using DailyPapers.Web.Pages.Shared;

namespace DailyPapers.Web.Tests.Pages.Shared;

/// <summary>The shared query entry points name a missing argument rather than failing somewhere inside.</summary>
public sealed class QueryArgumentTests(SmallArchive archive) : IClassFixture<SmallArchive>
{
    [Fact]
    public async Task A_missing_context_or_request_is_named()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        (await FluentActions.Awaiting(() => SearchQuery.SearchAsync(null!, new SearchRequest("x", 1, SearchSort.Relevance, new SearchFilter()), CancellationToken.None))
            .Should().ThrowAsync<ArgumentNullException>()).WithParameterName("db");
        (await FluentActions.Awaiting(() => SearchQuery.SearchAsync(db, null!, CancellationToken.None))
            .Should().ThrowAsync<ArgumentNullException>()).WithParameterName("request");
        (await FluentActions.Awaiting(() => PaperCards.WithAuthorsAsync(null!, [], CancellationToken.None))
            .Should().ThrowAsync<ArgumentNullException>()).WithParameterName("db");
        (await FluentActions.Awaiting(() => PaperCards.WithAuthorsAsync(db, null!, CancellationToken.None))
            .Should().ThrowAsync<ArgumentNullException>()).WithParameterName("rows");
    }
}
