using System.Globalization;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Search;
using DailyPapers.Web.Pages.Days;
using DailyPapers.Web.Pages.Shared;

namespace DailyPapers.Web.Pages.Search;

/// <summary>Reads /search's query string, for the page and the API alike. The query text itself is never an error.</summary>
public static class SearchParameters
{
    /// <param name="code">1 (or true): only papers whose summary links code or a project page; 0, false or nothing: every paper.</param>
    public static bool TryParse(
        string? q, string? page, string? sort, string? from, string? to, string? minVotes, string? code, out SearchRequest request, out (string Parameter, string Detail) error)
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

        var withCode = false;
        if (!string.IsNullOrEmpty(code))
        {
            if (!TryParseSwitch(code, out withCode))
            {
                error = ("code", $"'{ParameterText.Shorten(code)}' is not 1 or 0; code=1 finds only papers whose summary links code or a project page.");
                return false;
            }
        }

        request = new SearchRequest(q ?? "", pageNumber, order, new SearchFilter(fromDate, toDate, votes, withCode));
        return true;
    }

    /// <summary>A yes or no in a query string: 1 or true (what the search form's checkbox sends is 1), 0 or false.</summary>
    private static bool TryParseSwitch(string value, out bool on)
    {
        on = value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        return on || value == "0" || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);
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
