using System.Globalization;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Search;
using DailyPapers.Web.Pages.Days;
using DailyPapers.Web.Pages.Shared;

namespace DailyPapers.Web.Pages.Search;

/// <summary>Reads /search's query string, for the page and the API alike. The query text itself is never an error.</summary>
public static class SearchParameters
{
    public static bool TryParse(string? q, string? page, string? sort, string? from, string? to, string? minVotes, out SearchRequest request, out (string Parameter, string Detail) error)
    {
        request = new SearchRequest("", 1, SearchSort.Relevance, new SearchFilter());
        error = default;
        var pageNumber = 1;
        if (!string.IsNullOrEmpty(page) && (!PageParameter.TryParse(page, out pageNumber) || pageNumber > 10_000))
        {
            error = ("page", $"'{ParameterText.Shorten(page)}' is not a page number (1 or more).");
            return false;
        }

        var order = SearchSort.Relevance;
        if (!string.IsNullOrEmpty(sort) && (!Enum.TryParse(sort, ignoreCase: true, out order) || !Enum.IsDefined(order) || sort.Any(char.IsDigit)))
        {
            error = ("sort", $"Unknown sort '{ParameterText.Shorten(sort)}'; use relevance, newest or votes.");
            return false;
        }

        DateOnly? fromDate = null;
        DateOnly? toDate = null;
        if (!string.IsNullOrEmpty(from))
        {
            if (!DateParameter.TryParse(from, out var f))
            {
                error = ("from", $"'{ParameterText.Shorten(from)}' is not a date; use YYYY-MM-DD.");
                return false;
            }

            fromDate = f;
        }

        if (!string.IsNullOrEmpty(to))
        {
            if (!DateParameter.TryParse(to, out var t))
            {
                error = ("to", $"'{ParameterText.Shorten(to)}' is not a date; use YYYY-MM-DD.");
                return false;
            }

            toDate = t;
        }

        int? votes = null;
        if (!string.IsNullOrEmpty(minVotes))
        {
            if (!ParameterText.TryParseDigits(minVotes, out var v))
            {
                error = ("minVotes", $"'{ParameterText.Shorten(minVotes)}' is not a vote count (0 or more).");
                return false;
            }

            votes = v;
        }

        request = new SearchRequest(q ?? "", pageNumber, order, new SearchFilter(fromDate, toDate, votes));
        return true;
    }

    /// <summary>An arXiv id or an arxiv.org / Hugging Face paper URL typed into the search box.</summary>
    public static ArxivId? PaperReference(string? q)
    {
        var text = q?.Trim();
        if (string.IsNullOrEmpty(text) || text.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        if (ArxivId.TryFromUrl(text, out var fromUrl))
        {
            return fromUrl;
        }

        if (!text.Contains("://", StringComparison.Ordinal) && text.Contains("arxiv.org/", StringComparison.OrdinalIgnoreCase) && ArxivId.TryFromUrl("https://" + text, out var bare))
        {
            return bare;
        }

        return ArxivId.TryParse(text, out var id) ? id : null;
    }

}
