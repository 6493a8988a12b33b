using System.Data.Common;
using System.Text;

namespace DailyPapers.Core.Search;

/// <summary>
/// Relevance when a search counted every match (up to <see cref="FullScoreLimit"/>). The index sorts the matches into
/// tiers: the whole query as a phrase in the title, every term in the title, the phrase in the summary, the rest.
/// Inside a tier the app's score decides (<see cref="Relevance"/>: in the title tiers the title's part of it, then the
/// summary phrase, then the whole score), then the newer paper; both the same on every provider. Only the tiers a page
/// reaches are scored, and only what their order needs is read: a title tier's titles, and the whole paper only where
/// titles tie across the page.
/// </summary>
public static partial class PaperSearch
{
    /// <summary>
    /// A tier holding more matches than this goes newest first, as every tier does past <see cref="FullScoreLimit"/>
    /// matches. Scoring reads the papers it orders (on the corpus, reading and cutting a paper's title, summary and
    /// authors costs 5–15 µs, where FTS5's own score cost about 1 µs a match), so this bounds what a page reads
    /// whatever the query.
    /// </summary>
    internal const int TierScoreLimit = 250;

    /// <summary>
    /// One match: whether its title holds the whole query as a phrase (<paramref name="TitlePhrase"/>) or every term
    /// (<paramref name="Title"/>), and whether its summary holds the whole phrase (<paramref name="SummaryPhrase"/>).
    /// </summary>
    private readonly record struct Hit(int Id, bool TitlePhrase, bool Title, bool SummaryPhrase)
    {
        /// <summary>
        /// The part of the order the index decides, highest first: the title phrase, every term in the title, then
        /// (outside the title tiers, where the title's own score comes first) the summary phrase.
        /// </summary>
        public int Tier => (TitlePhrase ? 4 : 0) + (Title ? 2 : SummaryPhrase ? 1 : 0);
    }

    /// <summary>A tier the page reaches, and the part of it the page shows: [<paramref name="From"/>, <paramref name="To"/>).</summary>
    private sealed record PageTier(List<Hit> Hits, int From, int To)
    {
        public bool Scored => Hits.Count is > 1 and <= TierScoreLimit;

        public bool IsTitle => Hits[0].Title;
    }

    private static List<int> Ranked(DbConnection connection, IndexSyntax index, List<List<string>> phrases, SearchFilter filter, int offset, int limit)
    {
        var page = new List<PageTier>();
        var start = 0;
        foreach (var tier in Matches(connection, index, phrases, filter).GroupBy(h => h.Tier).OrderByDescending(t => t.Key))
        {
            var hits = tier.ToList();
            var (from, to) = (Math.Max(offset - start, 0), Math.Min(offset + limit - start, hits.Count));
            if (from < to)
            {
                page.Add(new PageTier(hits, from, to));
            }

            start += hits.Count;
        }

        var scored = page.Where(t => t.Scored).ToList();
        var (titles, scores) = scored.Count == 0 ? ([], []) : Score(connection, index, phrases, scored);
        return
        [
            .. page.SelectMany(tier => (tier.Scored
                    ? tier.Hits
                        .OrderByDescending(h => titles.GetValueOrDefault(h.Id))
                        .ThenByDescending(h => h.SummaryPhrase)
                        .ThenByDescending(h => scores.GetValueOrDefault(h.Id).All)
                        .ThenByDescending(h => h.Id)
                    : tier.Hits.OrderByDescending(h => h.Id))
                .Skip(tier.From)
                .Take(tier.To - tier.From)
                .Select(h => h.Id)),
        ];
    }

    /// <summary>
    /// The title scores of the title tiers' papers, and the whole scores of the papers whose order needs them: every
    /// paper of the other tiers, and in a title tier those whose title scores tie with another's across the page.
    /// </summary>
    private static (Dictionary<int, double> Titles, Dictionary<int, Relevance.Score> Scores) Score(
        DbConnection connection, IndexSyntax index, List<List<string>> phrases, List<PageTier> tiers)
    {
        var (archive, holding) = RelevanceStore.Statistics(connection, index, index.Each(phrases));
        var asked = phrases.Select((p, i) => new Relevance.Phrase([.. SearchVector.Words(string.Join(' ', p))], IndexSyntax.IsPrefix(p, i == phrases.Count - 1))).ToList();
        // One phrase's weight scales every score alike: it is not counted.
        var scorer = new Relevance.Scorer(asked, [.. holding.Select(h => phrases.Count > 1 ? Relevance.Weight(archive.Papers, h) : 1)], archive);
        var titleTiers = tiers.Where(t => t.IsTitle).ToList();
        var titles = titleTiers.Count == 0
            ? []
            : RelevanceStore.Titles(connection, [.. titleTiers.SelectMany(t => t.Hits).Select(h => h.Id)]).ToDictionary(t => t.Key, t => scorer.Title(t.Value));
        var whole = tiers.Where(t => !t.IsTitle).SelectMany(t => t.Hits).Select(h => h.Id).ToList();
        foreach (var tier in titleTiers)
        {
            // Runs of equal title scores: those the page cuts into, or shows two of, are ordered by the rest.
            var ordered = tier.Hits.Select(h => h.Id).OrderByDescending(titles.GetValueOrDefault).ToList();
            for (var (run, end) = (0, 0); run < ordered.Count; run = end)
            {
                end = run + 1;
                while (end < ordered.Count && titles[ordered[end]] == titles[ordered[run]])
                {
                    end++;
                }

                if (end - run > 1 && run < tier.To && end > tier.From)
                {
                    whole.AddRange(ordered[run..end]);
                }
            }
        }

        var scores = whole.Count == 0 ? [] : RelevanceStore.Texts(connection, whole).ToDictionary(t => t.Key, t => scorer.Of(t.Value));
        return (titles, scores);
    }

    /// <summary>Every match, with the tiers it is in (up to <see cref="CountLimit"/>: only a search that counted fewer gets here).</summary>
    private static List<Hit> Matches(DbConnection connection, IndexSyntax index, List<List<string>> phrases, SearchFilter filter)
    {
        using var command = connection.CreateCommand();
        var where = new StringBuilder();
        AppendFilter(where, command, filter, Data.SqlDialect.Of(connection));
        // Every full-text lookup is materialised once, as in Find.
        var sets = new List<string>
        {
            $"m AS MATERIALIZED ({index.Select(command, "match", index.All(phrases, column: null))})",
            $"t AS MATERIALIZED ({index.Select(command, "t", index.All(phrases, "title"))})",
        };
        var (titlePhrase, summaryPhrase) = ("0", "0");
        if (phrases.Count > 1)
        {
            List<List<string>> whole = [[.. phrases.SelectMany(p => p)]];
            sets.Add($"tp AS MATERIALIZED ({index.Select(command, "tp", index.All(whole, "title"))})");
            sets.Add($"sp AS MATERIALIZED ({index.Select(command, "sp", index.All(whole, "summary"))})");
            (titlePhrase, summaryPhrase) = (In("tp"), In("sp"));
        }

        command.CommandText = $"WITH {string.Join(", ", sets)} SELECT m.Id, {titlePhrase}, CASE WHEN t.Id IS NULL THEN 0 ELSE 1 END, {summaryPhrase} " +
            $"FROM m LEFT JOIN t ON t.Id = m.Id WHERE 1 = 1{where}";
        var matches = new List<Hit>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            matches.Add(new Hit(reader.GetInt32(0), reader.GetInt32(1) == 1, reader.GetInt32(2) == 1, reader.GetInt32(3) == 1));
        }

        return matches;
    }

    private static string In(string set) => $"CASE WHEN m.Id IN (SELECT Id FROM {set}) THEN 1 ELSE 0 END";
}
