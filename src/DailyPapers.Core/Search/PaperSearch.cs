using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DailyPapers.Core.Parsing;
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
/// The read side of full-text search. Every paper must contain every term (case- and accent-insensitive; Korean inside
/// longer words, other scripts as word prefixes). Relevance ranks papers whose title holds the whole query as a phrase
/// first, then papers whose title holds every term, then papers whose summary holds the phrase, then by BM25 with the
/// title weighted over authors over summary. Any text is a safe query: terms are always quoted for FTS5, never spliced
/// in as syntax.
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

        var text = TextLimit.Truncate(query, MaxQueryLength);
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

    public static SearchHits Find(SqliteConnection connection, IReadOnlyList<string> terms, SearchFilter filter, SearchSort sort, int offset, int limit) =>
        Find(connection, terms, filter, sort, offset, limit, FullScoreLimit);

    /// <param name="fullScoreLimit">Up to this many matches, every match is scored; above it, tiers go newest first.</param>
    internal static SearchHits Find(SqliteConnection connection, IReadOnlyList<string> terms, SearchFilter filter, SearchSort sort, int offset, int limit, int fullScoreLimit)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(filter);
        var phrases = terms.Select(Tokens).Where(t => t.Count > 0).ToList();
        if (phrases.Count == 0)
        {
            return new SearchHits([], 0);
        }

        using var command = connection.CreateCommand();
        // Only the last word is a prefix, as in typing: each prefix expands to every word it starts.
        var match = string.Join(" AND ", phrases.Select((p, i) => Phrase(p, prefix: i == phrases.Count - 1)));
        command.Parameters.AddWithValue("$match", match);
        var where = new StringBuilder();
        AppendFilter(where, command, filter);
        var total = Count(connection, match, where.ToString(), command);
        if (total == 0 || offset >= total)
        {
            return new SearchHits([], total);
        }

        // BM25 needs every match's column sizes and a summary phrase every match's positions; past a few thousand
        // matches that costs more than it tells, and papers go newest first within each tier instead.
        var scoreAll = total <= fullScoreLimit;
        if (!scoreAll && sort == SearchSort.Relevance && filter.IsEmpty)
        {
            return new SearchHits(TieredPage(connection, phrases, match, offset, limit), total);
        }

        var score = scoreAll ? $", bm25({SearchIndex.Table}, 10.0, 1.0, 3.0) AS Score" : "";

        // Every full-text lookup is materialised once: inside IN (…) SQLite would otherwise probe the FTS table row by
        // row, decoding the same doclist again for each candidate.
        var sets = new List<string> { $"m AS MATERIALIZED (SELECT rowid AS Id{score} FROM {SearchIndex.Table} WHERE {SearchIndex.Table} MATCH $match)" };
        string Set(string name, string query, bool withScore = false)
        {
            command.Parameters.AddWithValue("$" + name, query);
            var columns = withScore ? $"rowid AS Id, bm25({SearchIndex.Table}, 10.0, 1.0, 3.0) AS Score" : "rowid AS Id";
            sets.Add($"{name} AS MATERIALIZED (SELECT {columns} FROM {SearchIndex.Table} WHERE {SearchIndex.Table} MATCH ${name})");
            return name;
        }

        var order = new StringBuilder();
        var join = "";
        switch (sort)
        {
            case SearchSort.Newest:
                order.Append(CultureInfo.InvariantCulture, $"({LatestDate}) DESC, m.Id DESC");
                break;
            case SearchSort.Votes:
                order.Append(CultureInfo.InvariantCulture, $"({BestVotes}) DESC NULLS LAST, ({LatestDate}) DESC, m.Id DESC");
                break;
            default:
                // The whole query as a phrase in the title, then every term in the title (by BM25 among them), then the
                // phrase in the summary, then BM25 or recency.
                var whole = phrases.SelectMany(p => p).ToList();
                if (phrases.Count > 1)
                {
                    order.Append(CultureInfo.InvariantCulture, $"(m.Id IN (SELECT Id FROM {Set("tp", "title : " + Phrase(whole, prefix: true))})) DESC, ");
                }

                var title = Set("t", "title : (" + match + ")", withScore: scoreAll);
                join = $" LEFT JOIN {title} ON {title}.Id = m.Id";
                order.Append(CultureInfo.InvariantCulture, $"({title}.Id IS NOT NULL) DESC, ");
                if (scoreAll)
                {
                    order.Append(CultureInfo.InvariantCulture, $"{title}.Score, ");
                }

                if (phrases.Count > 1 && scoreAll)
                {
                    order.Append(CultureInfo.InvariantCulture, $"(m.Id IN (SELECT Id FROM {Set("sp", "summary : " + Phrase(whole, prefix: true))})) DESC, ");
                }

                order.Append(scoreAll ? "m.Score, m.Id DESC" : "m.Id DESC");
                break;
        }

        command.CommandText = $"WITH {string.Join(", ", sets)} SELECT m.Id FROM m{join} WHERE 1 = 1{where} ORDER BY {order} LIMIT $limit OFFSET $offset";
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        var ids = new List<int>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        return new SearchHits(ids, total);
    }

    /// <summary>
    /// The FTS5 expression a search for <paramref name="query"/> runs (every term, the last one a prefix), or null when
    /// the query has no searchable term: what matches it is exactly what the search page finds.
    /// </summary>
    internal static string? MatchExpression(string query)
    {
        var phrases = Terms(query).Select(Tokens).Where(t => t.Count > 0).ToList();
        return phrases.Count == 0 ? null : string.Join(" AND ", phrases.Select((p, i) => Phrase(p, prefix: i == phrases.Count - 1)));
    }

    private const int FullScoreLimit = 2000;

    /// <summary>
    /// Relevance for a broad query without filters: the tiers (whole query as a title phrase, every word in the title,
    /// the rest), newest first within each, read straight from the index in rowid order so no tier is sorted in full.
    /// </summary>
    private static List<int> TieredPage(SqliteConnection connection, List<List<string>> phrases, string match, int offset, int limit)
    {
        var titleAll = $"title : ({match})";
        List<string> tiers = phrases.Count > 1
            ? [$"title : {Phrase([.. phrases.SelectMany(p => p)], prefix: true)}", $"({titleAll}) NOT (title : {Phrase([.. phrases.SelectMany(p => p)], prefix: true)})"]
            : [titleAll];
        tiers.Add($"({match}) NOT ({titleAll})");
        var ids = new List<int>();
        foreach (var tier in tiers)
        {
            using var command = connection.CreateCommand();
            command.Parameters.AddWithValue("$match", tier);
            if (offset > 0)
            {
                command.CommandText = $"SELECT COUNT(*) FROM {SearchIndex.Table} WHERE {SearchIndex.Table} MATCH $match";
                var size = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (offset >= size)
                {
                    offset -= size;
                    continue;
                }
            }

            command.CommandText = $"SELECT rowid FROM {SearchIndex.Table} WHERE {SearchIndex.Table} MATCH $match ORDER BY rowid DESC LIMIT $limit OFFSET $offset";
            command.Parameters.AddWithValue("$limit", limit - ids.Count);
            command.Parameters.AddWithValue("$offset", offset);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    ids.Add(reader.GetInt32(0));
                }
            }

            offset = 0;
            if (ids.Count == limit)
            {
                break;
            }
        }

        return ids;
    }

    private static int Count(SqliteConnection connection, string match, string where, SqliteCommand filterParameters)
    {
        using var count = connection.CreateCommand();
        count.CommandText = where.Length == 0
            ? $"SELECT COUNT(*) FROM {SearchIndex.Table} WHERE {SearchIndex.Table} MATCH $match"
            : $"SELECT COUNT(*) FROM (SELECT rowid AS Id FROM {SearchIndex.Table} WHERE {SearchIndex.Table} MATCH $match) m WHERE 1 = 1{where}";
        foreach (SqliteParameter parameter in filterParameters.Parameters)
        {
            count.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
        }

        return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // Both are kept on the paper row at ingest: one primary-key read per match, no aggregate over its listings.
    private const string LatestDate = "SELECT p.LatestDate FROM Papers p WHERE p.Id = m.Id";

    private const string BestVotes = "SELECT p.TopVotes FROM Papers p WHERE p.Id = m.Id";

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

    /// <summary>A term cut the way the index cuts text: Hangul runs into syllable pairs, everything else into words.</summary>
    private static List<string> Tokens(string term) =>
        [.. WordPattern().Matches(SearchText.QueryTokens(term)).Select(m => m.Value)];

    /// <summary>
    /// The tokens as one FTS5 phrase, always quoted (quotes doubled), so query text is never FTS5 syntax. A lone Hangul
    /// syllable always matches as a prefix ("모" finds "모델"); with <paramref name="prefix"/>, so does a trailing word of
    /// three letters or more ("model" finds "models").
    /// </summary>
    private static string Phrase(List<string> tokens, bool prefix)
    {
        var quoted = "\"" + string.Join(' ', tokens).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var last = tokens[^1];
        var hangul = SearchText.IsHangul(last[0]);
        return (hangul && last.Length == 1) || (prefix && !hangul && last.Length >= 3) ? quoted + "*" : quoted;
    }

    [GeneratedRegex("\"([^\"]*)\"|(\\S+)")]
    private static partial Regex TermPattern();

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex WordPattern();
}
