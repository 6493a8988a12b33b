using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Search;

public enum SearchSort
{
    Relevance,
    Newest,
    Votes,
}

/// <summary>Optional narrowing of a search: the days a paper was listed on, and its best vote count.</summary>
public sealed record SearchFilter(DateOnly? From = null, DateOnly? To = null, int? MinVotes = null)
{
    public bool IsEmpty => From is null && To is null && MinVotes is null;
}

/// <summary>One page of matching paper ids in order, and how many match in all.</summary>
public sealed record SearchHits(IReadOnlyList<int> PaperIds, int Total);

/// <summary>
/// The read side of full-text search. Every paper must contain every term (case- and accent-insensitive). Relevance
/// ranks papers whose title holds the whole query as a phrase first, then papers whose title holds every term, then
/// papers whose summary holds the phrase, then by BM25 with the title weighted over authors over summary.
/// Any text is a safe query: terms are always quoted for FTS5, never spliced in as syntax.
/// </summary>
public static partial class PaperSearch
{
    public const int MaxQueryLength = 1000;
    public const int MaxTerms = 12;

    /// <summary>Splits a query into terms: "quoted phrases" stay whole, other words split on spaces; unmatched quotes are ignored.</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var text = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        text = new string([.. text.Normalize(NormalizationForm.FormC).Select(c => char.IsControl(c) ? ' ' : c)]);
        var terms = new List<string>();
        foreach (Match match in TermPattern().Matches(text))
        {
            var term = (match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value).Replace("\"", "", StringComparison.Ordinal);
            term = string.Join(' ', term.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (term.Any(char.IsLetterOrDigit) && !terms.Contains(term, StringComparer.OrdinalIgnoreCase))
            {
                terms.Add(term);
            }

            if (terms.Count == MaxTerms)
            {
                break;
            }
        }

        return terms;
    }

    public static SearchHits Find(SqliteConnection connection, IReadOnlyList<string> terms, SearchFilter filter, SearchSort sort, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(filter);
        if (terms.Count == 0)
        {
            return new SearchHits([], 0);
        }

        var longTerms = terms.Where(t => SearchText.Length(t) >= 3).ToList();
        var shortTerms = terms.Where(t => SearchText.Length(t) < 3).Select(ShortPhrase).Where(p => p is not null).Select(p => p!).ToList();
        if (longTerms.Count == 0 && shortTerms.Count == 0)
        {
            return new SearchHits([], 0);
        }

        using var command = connection.CreateCommand();
        var sql = new StringBuilder();
        var (ranked, rankedMatch) = longTerms.Count > 0
            ? ("SearchTrigram", string.Join(" AND ", longTerms.Select(Quote)))
            : ("SearchShort", string.Join(" AND ", shortTerms));
        command.Parameters.AddWithValue("$match", rankedMatch);
        sql.Append(CultureInfo.InvariantCulture, $"SELECT m.Id, COUNT(*) OVER () AS Total FROM (SELECT rowid AS Id, bm25({ranked}, 10.0, 1.0, 3.0) AS Score FROM {ranked} WHERE {ranked} MATCH $match) m WHERE 1 = 1");
        if (longTerms.Count > 0 && shortTerms.Count > 0)
        {
            sql.Append(" AND m.Id IN (SELECT rowid FROM SearchShort WHERE SearchShort MATCH $short)");
            command.Parameters.AddWithValue("$short", string.Join(" AND ", shortTerms));
        }

        AppendFilter(sql, command, filter);
        sql.Append(" ORDER BY ");
        switch (sort)
        {
            case SearchSort.Newest:
                sql.Append($"({LatestDate}) DESC, m.Score, m.Id DESC");
                break;
            case SearchSort.Votes:
                sql.Append($"({BestVotes}) DESC NULLS LAST, ({LatestDate}) DESC, m.Id DESC");
                break;
            default:
                AppendRelevance(sql, command, terms, longTerms, shortTerms);
                break;
        }

        sql.Append(" LIMIT $limit OFFSET $offset");
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        command.CommandText = sql.ToString();
        var ids = new List<int>();
        var total = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt32(0));
                total = reader.GetInt32(1);
            }
        }

        if (ids.Count == 0 && offset > 0)
        {
            // Past the last page: still say how many there are.
            total = Find(connection, terms, filter, sort, 0, 1).Total;
        }

        return new SearchHits(ids, total);
    }

    private const string LatestDate = "SELECT MAX(d.Date) FROM Appearances a JOIN Days d ON d.Id = a.DayId WHERE a.PaperId = m.Id";

    private const string BestVotes = "SELECT MAX(a.Votes) FROM Appearances a WHERE a.PaperId = m.Id";

    private static void AppendRelevance(StringBuilder sql, SqliteCommand command, IReadOnlyList<string> terms, List<string> longTerms, List<string> shortTerms)
    {
        var phrase = string.Join(' ', terms);
        if (terms.Count > 1 && SearchText.Length(phrase) >= 3)
        {
            command.Parameters.AddWithValue("$titlePhrase", "title : " + Quote(phrase));
            command.Parameters.AddWithValue("$summaryPhrase", "summary : " + Quote(phrase));
            sql.Append("(m.Id IN (SELECT rowid FROM SearchTrigram WHERE SearchTrigram MATCH $titlePhrase)) DESC, ");
        }

        var titleAll = new List<string>();
        if (longTerms.Count > 0)
        {
            command.Parameters.AddWithValue("$titleLong", string.Join(" AND ", longTerms.Select(t => "title : " + Quote(t))));
            titleAll.Add("m.Id IN (SELECT rowid FROM SearchTrigram WHERE SearchTrigram MATCH $titleLong)");
        }

        if (shortTerms.Count > 0)
        {
            command.Parameters.AddWithValue("$titleShort", string.Join(" AND ", shortTerms.Select(t => "title : " + t)));
            titleAll.Add("m.Id IN (SELECT rowid FROM SearchShort WHERE SearchShort MATCH $titleShort)");
        }

        sql.Append('(').Append(string.Join(" AND ", titleAll)).Append(") DESC, ");
        if (command.Parameters.Contains("$summaryPhrase"))
        {
            sql.Append("(m.Id IN (SELECT rowid FROM SearchTrigram WHERE SearchTrigram MATCH $summaryPhrase)) DESC, ");
        }

        sql.Append("m.Score, m.Id DESC");
    }

    private static void AppendFilter(StringBuilder sql, SqliteCommand command, SearchFilter filter)
    {
        if (filter.From is not null || filter.To is not null)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM Appearances a JOIN Days d ON d.Id = a.DayId WHERE a.PaperId = m.Id AND d.Date >= $from AND d.Date <= $to)");
            command.Parameters.AddWithValue("$from", filter.From ?? DateOnly.MinValue);
            command.Parameters.AddWithValue("$to", filter.To ?? DateOnly.MaxValue);
        }

        if (filter.MinVotes is { } minVotes)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND ({BestVotes}) >= $minVotes");
            command.Parameters.AddWithValue("$minVotes", minVotes);
        }
    }

    /// <summary>An FTS5 string literal: the term as one phrase, its quotes doubled.</summary>
    private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// A one- or two-character term for the short-term index: Hangul as syllable pairs, a lone syllable as a prefix of
    /// the pairs it starts, other characters as whole words. Null when nothing in it is indexable.
    /// </summary>
    private static string? ShortPhrase(string term)
    {
        var tokens = WordPattern().Matches(SearchText.ShortTermTokens(term)).Select(m => m.Value).ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        var phrase = Quote(string.Join(' ', tokens));
        return tokens.Count == 1 && tokens[0].Length == 1 && SearchText.IsHangul(tokens[0][0]) ? phrase + "*" : phrase;
    }

    [GeneratedRegex("\"([^\"]*)\"|(\\S+)")]
    private static partial Regex TermPattern();

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex WordPattern();
}
