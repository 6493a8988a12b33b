using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DailyPapers.Core.Parsing;
using System.Data.Common;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Search;

public enum SearchSort
{
    Relevance,
    Newest,
    Votes,
}

/// <summary>Optional narrowing of a search: the days a paper was listed on, its best vote count, and whether its summary names code.</summary>
/// <param name="WithCode">Only papers whose summary names a repository or a project page (<see cref="Parsing.CodeLinks"/>).</param>
public sealed record SearchFilter(DateOnly? From = null, DateOnly? To = null, int? MinVotes = null, bool WithCode = false)
{
    public bool IsEmpty => From is null && To is null && MinVotes is null && !WithCode;
}

/// <summary>One page of matching paper ids in order, and how many match in all.</summary>
/// <param name="Total">How many papers match, counted up to <see cref="PaperSearch.CountLimit"/>.</param>
/// <param name="Capped">More papers than <see cref="PaperSearch.CountLimit"/> match: <paramref name="Total"/> is the limit, and
/// pages go no further than it.</param>
public sealed record SearchHits(IReadOnlyList<int> PaperIds, int Total, bool Capped = false);

/// <summary>
/// The read side of full-text search. Every paper must contain every term (case- and accent-insensitive; Korean inside
/// longer words, other scripts as word prefixes). Relevance ranks papers whose title holds the whole query as a phrase
/// first, then papers whose title holds every term, then papers whose summary holds the phrase, then by BM25F with the
/// title weighted over authors over summary, computed by the app so both providers order alike (<see cref="Relevance"/>).
/// Any text is a safe query: terms are always quoted for FTS5, never spliced in as syntax.
/// </summary>
public static partial class PaperSearch
{
    public const int MaxQueryLength = 1000;
    public const int MaxTerms = 12;

    /// <summary>
    /// A search counts its matches up to this many and pages through no more. Counting every match of a broad query
    /// reads every match, a cost that grows with the archive however the index is kept (on PostgreSQL each match is a
    /// row visited); no one reads past the fiftieth page of a query, and narrowing it (another word, a period, a vote
    /// floor) finds what is beyond.
    /// </summary>
    public const int CountLimit = 1000;

    /// <summary>Splits a query into terms: "quoted phrases" stay whole, other words split on spaces; unmatched quotes are ignored.</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        // Normalisation throws on lone surrogates and non-characters: forbidden characters go first, and invisible ones,
        // which titles lose at ingest.
        var text = CleanText.StripInvisible(CleanText.Remove(TextLimit.Truncate(query, MaxQueryLength)));
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

    public static SearchHits Find(DbConnection connection, IReadOnlyList<string> terms, SearchFilter filter, SearchSort sort, int offset, int limit) =>
        Find(connection, terms, filter, sort, offset, limit, FullScoreLimit);

    /// <param name="fullScoreLimit">
    /// Up to this many matches, the tiers a page reaches are scored (those of up to <see cref="TierScoreLimit"/> papers);
    /// above it, tiers go newest first.
    /// </param>
    internal static SearchHits Find(DbConnection connection, IReadOnlyList<string> terms, SearchFilter filter, SearchSort sort, int offset, int limit, int fullScoreLimit)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(filter);
        var phrases = terms.Select(Tokens).Where(t => t.Count > 0).ToList();
        if (phrases.Count == 0)
        {
            return new SearchHits([], 0);
        }

        var index = IndexSyntax.Of(connection);
        using var command = connection.CreateCommand();
        // Only the last word is a prefix, as in typing: each prefix expands to every word it starts.
        var match = index.All(phrases, column: null);
        var where = new StringBuilder();
        AppendFilter(where, command, filter, SqlDialect.Of(connection));
        var counted = HeldByMoreThanTheLimit(connection, index, phrases, filter) ? CountLimit + 1 : Count(connection, index, match, where.ToString(), command, CountLimit + 1);
        var capped = counted > CountLimit;
        var total = Math.Min(counted, CountLimit);
        limit = Math.Min(limit, total - offset);
        if (total == 0 || limit <= 0)
        {
            return new SearchHits([], total, capped);
        }

        // Relevance sorts every match into its tier and scores the tiers a page reaches; past a thousand matches that
        // costs more than it tells, and papers go newest first within each tier instead, read from the index in order.
        var scoreAll = !capped && total <= fullScoreLimit;
        if (sort == SearchSort.Relevance)
        {
            if (scoreAll)
            {
                return new SearchHits(Ranked(connection, index, phrases, filter, offset, limit), total, capped);
            }

            if (filter.IsEmpty)
            {
                return new SearchHits(TieredPage(connection, index, phrases, offset, limit), total, capped);
            }
        }

        // Every full-text lookup is materialised once: inside IN (…) SQLite would otherwise probe the FTS table row by
        // row, decoding the same doclist again for each candidate.
        var sets = new List<string> { $"m AS MATERIALIZED ({index.Select(command, "match", match)})" };
        string Set(string name, IndexQuery query)
        {
            sets.Add($"{name} AS MATERIALIZED ({index.Select(command, name, query)})");
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
                // Too many matches to score, narrowed by a filter: the whole query as a phrase in the title, then every
                // term in the title, then the rest, newest first within each.
                if (phrases.Count > 1)
                {
                    order.Append(CultureInfo.InvariantCulture, $"(m.Id IN (SELECT Id FROM {Set("tp", index.All([[.. phrases.SelectMany(p => p)]], "title"))})) DESC, ");
                }

                var title = Set("t", index.All(phrases, "title"));
                join = $" LEFT JOIN {title} ON {title}.Id = m.Id";
                order.Append(CultureInfo.InvariantCulture, $"({title}.Id IS NOT NULL) DESC, m.Id DESC");
                break;
        }

        command.CommandText = $"WITH {string.Join(", ", sets)} SELECT m.Id FROM m{join} WHERE 1 = 1{where} ORDER BY {order} LIMIT @limit OFFSET @offset";
        command.Bind("@limit", limit);
        command.Bind("@offset", offset);
        var ids = new List<int>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        return new SearchHits(ids, total, capped);
    }

    /// <summary>
    /// The FTS5 expression a search for <paramref name="query"/> runs (every term, the last one a prefix), or null when
    /// the query has no searchable term: what matches it is exactly what the search page finds.
    /// </summary>
    internal static string? MatchExpression(string query) => MatchExpression(query, IndexSyntax.Sqlite);

    /// <summary>The same, in the query language of the index <paramref name="connection"/> reaches.</summary>
    internal static string? MatchExpression(string query, DbConnection connection) => MatchExpression(query, IndexSyntax.Of(connection));

    private static string? MatchExpression(string query, IndexSyntax index)
    {
        var phrases = Terms(query).Select(Tokens).Where(t => t.Count > 0).ToList();
        return phrases.Count == 0 ? null : index.All(phrases, column: null).Text;
    }

    private const int FullScoreLimit = CountLimit;

    /// <summary>
    /// Relevance for a broad query without filters: the tiers (whole query as a title phrase, every word in the title,
    /// the rest), newest first within each, read straight from the index in rowid order so no tier is sorted in full.
    /// </summary>
    private static List<int> TieredPage(DbConnection connection, IndexSyntax index, List<List<string>> phrases, int offset, int limit)
    {
        var match = index.All(phrases, column: null);
        var titleAll = index.All(phrases, "title");
        var titlePhrase = index.All([[.. phrases.SelectMany(p => p)]], "title");
        List<IndexQuery> tiers = phrases.Count > 1 ? [titlePhrase, index.Not(titleAll, titlePhrase)] : [titleAll];
        tiers.Add(index.Not(match, titleAll));
        var ids = new List<int>();
        foreach (var tier in tiers)
        {
            using var command = connection.CreateCommand();
            if (offset > 0)
            {
                // Only whether the page starts past this tier matters: counting stops one past the offset.
                using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM ({index.Select(count, "match", tier)} LIMIT @upTo) m";
                count.Bind("@upTo", offset + 1);
                var size = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (offset >= size)
                {
                    offset -= size;
                    continue;
                }
            }

            command.CommandText = index.Newest(command, "match", tier);
            command.Bind("@limit", limit - ids.Count);
            command.Bind("@offset", offset);
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

    /// <summary>How many papers match, counting no further than <paramref name="upTo"/>.</summary>
    private static int Count(DbConnection connection, IndexSyntax index, IndexQuery match, string where, DbCommand filterParameters, int upTo)
    {
        using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM ({index.Select(count, "match", match)}) m WHERE 1 = 1{where} LIMIT @upTo) c";
        count.Bind("@upTo", upTo);
        foreach (DbParameter parameter in filterParameters.Parameters)
        {
            count.Bind(parameter.ParameterName, parameter.Value);
        }

        return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Whether the search is one word, without a filter, that more papers hold than a search counts: it matches at least
    /// every paper holding the word (a prefix matches the word itself too), and the index's vocabulary knows how many do,
    /// so the count is known without reading a match (where the vocabulary is the cheaper to ask: see
    /// <see cref="IndexSyntax.VocabularyWord"/>).
    /// </summary>
    private static bool HeldByMoreThanTheLimit(DbConnection connection, IndexSyntax index, List<List<string>> phrases, SearchFilter filter) =>
        filter.IsEmpty && index.VocabularyWord(phrases) is { } word && Spelling.DocumentCount(connection, word) > CountLimit;

    // Both are kept on the paper row at ingest: one primary-key read per match, no aggregate over its listings.
    private const string LatestDate = "SELECT p.LatestDate FROM Papers p WHERE p.Id = m.Id";

    private const string BestVotes = "SELECT p.TopVotes FROM Papers p WHERE p.Id = m.Id";

    private static void AppendFilter(StringBuilder sql, DbCommand command, SearchFilter filter, SqlDialect dialect)
    {
        if (filter.From is not null || filter.To is not null)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM Appearances a JOIN Days d ON d.Id = a.DayId WHERE a.PaperId = m.Id AND d.Date >= @from AND d.Date <= @to)");
            command.Bind("@from", filter.From ?? DateOnly.MinValue);
            command.Bind("@to", filter.To ?? DateOnly.MaxValue);
        }

        if (filter.MinVotes is { } minVotes)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND ({BestVotes}) >= @minVotes");
            command.Bind("@minVotes", minVotes);
        }

        if (filter.WithCode)
        {
            // A lookup per match in the index of the papers with links, not a read of the paper's row: its links come
            // after the summaries and would be read from their overflow pages (SQLite; PostgreSQL picks its own way).
            sql.Append(CultureInfo.InvariantCulture,
                $" AND EXISTS (SELECT 1 FROM Papers linked {dialect.IndexedBy(Data.Configurations.PaperConfiguration.WithCodeIndex)} WHERE linked.Id = m.Id AND linked.CodeUrls IS NOT NULL)");
        }
    }

    /// <summary>A term cut the way the index cuts text: Hangul runs into syllable pairs, everything else into words.</summary>
    private static List<string> Tokens(string term) =>
        [.. WordPattern().Matches(SearchText.QueryTokens(term)).Select(m => m.Value)];

    [GeneratedRegex("\"([^\"]*)\"|(\\S+)")]
    private static partial Regex TermPattern();

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex WordPattern();
}
