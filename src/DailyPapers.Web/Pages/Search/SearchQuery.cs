using DailyPapers.Core.Data;
using DailyPapers.Core.Search;
using DailyPapers.Web.Pages.Authors;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Search;

public sealed record SearchRequest(string Query, int Page, SearchSort Sort, SearchFilter Filter);

/// <param name="TitleHtml">The title with the searched terms marked, HTML-escaped.</param>
/// <param name="SnippetHtml">A window of the summary around the first match, terms marked, HTML-escaped.</param>
public sealed record SearchResult(PaperCard Paper, string TitleHtml, string SnippetHtml);

public sealed record SearchView(
    string Query,
    IReadOnlyList<string> Terms,
    IReadOnlyList<SearchResult> Results,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<AuthorHit> Authors,
    SearchSort Sort,
    SearchFilter Filter,
    string? Suggestion = null,
    bool Capped = false)
{
    public const int PageSize = 20;

    /// <summary>The count as the page says it: exact, or "more than" the limit searches count to.</summary>
    public string TotalText => Capped ? $"{Total}편 넘게" : $"{Total}편";

    /// <summary>A page after the last one: nothing to show, which the page and the API refuse naming the last page.</summary>
    public bool IsPastLastPage => Page > PageCount;

    /// <summary>Why there is no page <see cref="Page"/>, in the page's words.</summary>
    public string PastLastPageText => Terms.Count == 0
        ? "찾을 말이 없으면 검색 결과는 1쪽뿐입니다. 검색어를 넣고 page 없이 찾아 보세요."
        : Capped
            ? $"검색은 맞는 논문을 {Total}편까지 세므로 ‘{ParameterText.Shorten(Query)}’의 결과는 {PageCount}쪽까지 있습니다."
            : $"‘{ParameterText.Shorten(Query)}’의 검색 결과는 {PageCount}쪽까지 있습니다.";
}

public static class SearchQuery
{
    public static async Task<SearchView> SearchAsync(PapersDbContext db, SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var terms = PaperSearch.Terms(request.Query);
        await db.Database.OpenConnectionAsync(cancellationToken);
        SearchHits hits;
        string? suggestion = null;
        try
        {
            var connection = db.Database.GetDbConnection();
            hits = PaperSearch.Find(connection, terms, request.Filter, request.Sort, (request.Page - 1) * SearchView.PageSize, SearchView.PageSize);
            if (hits.Total == 0 && terms.Count > 0)
            {
                // Nothing found: perhaps a typo. The suggestion is only offered when it finds something itself.
                suggestion = Spelling.Suggest(connection, request.Query);
                if (suggestion is not null && PaperSearch.Find(connection, PaperSearch.Terms(suggestion), request.Filter, request.Sort, 0, 1).Total == 0)
                {
                    suggestion = null;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var ids = hits.PaperIds.ToList();
        var rows = ids.Count == 0 ? [] : (await db.Papers.Where(p => ids.Contains(p.Id) && p.LatestDate != null).Select(PaperCards.FromPaper).ToListAsync(cancellationToken))
            .ToDictionary(r => r.PaperId);
        // A paper an ingest removed between the two queries is left out rather than failing the page.
        var ordered = ids.Select(id => rows.GetValueOrDefault(id)).OfType<CardRow>().ToList();
        var results = (await PaperCards.WithAuthorsAsync(db, ordered, cancellationToken))
            .Select(card => new SearchResult(card, Highlighter.Title(card.TitleText, terms), Highlighter.Snippet(card.SummaryText, terms)))
            .ToList();
        var authors = terms.Count == 0 || request.Page > 1 ? [] : (await AuthorSearchQuery.SearchAsync(db, request.Query, cancellationToken)).Authors.Take(8).ToList();
        var pageCount = Math.Max(1, (hits.Total + SearchView.PageSize - 1) / SearchView.PageSize);
        return new SearchView(request.Query, terms, results, hits.Total, request.Page, pageCount, authors, request.Sort, request.Filter, suggestion, hits.Capped);
    }
}
