using System.Data.Common;
using System.Text;
using Npgsql;

namespace DailyPapers.Core.Search;

/// <summary>
/// How a search asks one provider's full-text index: FTS5 match expressions on SQLite, <c>tsquery</c> on PostgreSQL.
/// <see cref="PaperSearch"/> builds every query from the same parts (phrases, a column, "and not"), so both providers
/// are asked the same questions: every phrase present, the last one's last word as a prefix, a lone Hangul syllable
/// always as a prefix.
/// </summary>
internal abstract class IndexSyntax
{
    public static readonly IndexSyntax Sqlite = new Fts5();
    public static readonly IndexSyntax Postgres = new TsQuery();

    public static IndexSyntax Of(DbConnection connection) => connection is NpgsqlConnection ? Postgres : Sqlite;

    /// <summary>Every phrase (the last one's last word a prefix), anywhere or within <paramref name="column"/> (title, summary).</summary>
    public abstract string All(IReadOnlyList<List<string>> phrases, string? column);

    /// <summary>What <paramref name="all"/> matches and <paramref name="but"/> does not.</summary>
    public abstract string Not(string all, string but);

    /// <summary>A query of the ids (<c>Id</c>) of papers matching the expression in <paramref name="parameter"/>; with a
    /// <c>Score</c>, lower for a better match (title words weigh most, then authors, then summary).</summary>
    public abstract string Select(string parameter, bool withScore);

    /// <summary>The matching ids, newest paper first, one page (<c>@limit</c>, <c>@offset</c>).</summary>
    public abstract string Newest(string parameter);

    /// <summary>Whether the last word of a phrase matches as a prefix (see <see cref="IndexSyntax"/>).</summary>
    protected static bool IsPrefix(List<string> tokens, bool last)
    {
        var word = tokens[^1];
        var hangul = SearchText.IsHangul(word[0]);
        return (hangul && word.Length == 1) || (last && !hangul && word.Length >= 3);
    }

    private sealed class Fts5 : IndexSyntax
    {
        public override string All(IReadOnlyList<List<string>> phrases, string? column)
        {
            var body = string.Join(" AND ", phrases.Select((p, i) => Phrase(p, IsPrefix(p, i == phrases.Count - 1))));
            return column is null ? body : phrases.Count == 1 ? $"{column} : {body}" : $"{column} : ({body})";
        }

        public override string Not(string all, string but) => $"({all}) NOT ({but})";

        public override string Select(string parameter, bool withScore) =>
            $"SELECT rowid AS Id{(withScore ? $", bm25({SearchIndex.Table}, 10.0, 1.0, 3.0) AS Score" : "")} FROM {SearchIndex.Table} WHERE {SearchIndex.Table} MATCH {parameter}";

        public override string Newest(string parameter) =>
            $"SELECT rowid FROM {SearchIndex.Table} WHERE {SearchIndex.Table} MATCH {parameter} ORDER BY rowid DESC LIMIT @limit OFFSET @offset";

        /// <summary>The tokens as one FTS5 phrase, always quoted (quotes doubled), so query text is never FTS5 syntax.</summary>
        private static string Phrase(List<string> tokens, bool prefix)
        {
            var quoted = "\"" + string.Join(' ', tokens).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return prefix ? quoted + "*" : quoted;
        }
    }

    /// <summary>
    /// <c>tsquery</c> text, read by a plain cast (no text-search configuration, so nothing is stemmed or dropped): words
    /// cut and folded as the index was (<see cref="SearchVector.Words"/>), always quoted, phrases as <c>&lt;-&gt;</c> chains; a
    /// column is the weight its words were indexed with (title A, summary B).
    /// </summary>
    private sealed class TsQuery : IndexSyntax
    {
        // ts_rank's weights for D, C, B, A: title 1.0, authors 0.3, summary 0.1, as FTS5's bm25 weighs them 10 : 3 : 1.
        private const string Weights = "'{0.1, 0.3, 0.1, 1.0}'";

        public override string All(IReadOnlyList<List<string>> phrases, string? column)
        {
            var weight = column switch
            {
                null => "",
                "title" => "A",
                "summary" => "B",
                _ => throw new ArgumentOutOfRangeException(nameof(column), column, "no such column"),
            };
            var parts = phrases.Select((p, i) => Phrase(p, IsPrefix(p, i == phrases.Count - 1), weight)).ToList();
            return string.Join(" & ", parts.Select(p => parts.Count > 1 ? $"({p})" : p));
        }

        public override string Not(string all, string but) => $"({all}) & !({but})";

        public override string Select(string parameter, bool withScore) =>
            $"SELECT PaperId AS Id{(withScore ? $", -ts_rank({Weights}, Words, CAST({parameter} AS tsquery)) AS Score" : "")} FROM {SearchIndex.Table} WHERE Words @@ CAST({parameter} AS tsquery)";

        public override string Newest(string parameter) =>
            $"SELECT PaperId FROM {SearchIndex.Table} WHERE Words @@ CAST({parameter} AS tsquery) ORDER BY PaperId DESC LIMIT @limit OFFSET @offset";

        private static string Phrase(List<string> tokens, bool prefix, string weight)
        {
            var words = SearchVector.Words(string.Join(' ', tokens)).ToList();
            if (words.Count == 0)
            {
                // Nothing the index keeps, so nothing matches: a lexeme no indexed word can be (they hold letters and digits).
                return "'!'";
            }

            var phrase = new StringBuilder();
            for (var i = 0; i < words.Count; i++)
            {
                var marks = (prefix && i == words.Count - 1 ? "*" : "") + weight;
                phrase.Append(i == 0 ? "" : " <-> ").Append('\'').Append(words[i]).Append('\'').Append(marks.Length > 0 ? ":" + marks : "");
            }

            return phrase.ToString();
        }
    }
}
