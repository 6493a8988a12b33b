using System.Data.Common;
using System.Text;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Search;

/// <summary>
/// A question for the full-text index: an expression in the provider's query language, the column it is asked of
/// (<c>"title"</c>, or null for every column), and optionally a second question whose matches are left out.
/// </summary>
internal sealed record IndexQuery(string Text, string? Column = null, IndexQuery? But = null);

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

    /// <summary>The syntax of the full-text index the database of <paramref name="connection"/> keeps.</summary>
    public static IndexSyntax Of(DbConnection connection) => SqlDialect.Of(connection).FullText switch
    {
        FullTextIndex.TsVector => Postgres,
        _ => Sqlite,
    };

    /// <summary>Every phrase (the last one's last word a prefix), anywhere or within <paramref name="column"/> (title, summary).</summary>
    public abstract IndexQuery All(IReadOnlyList<List<string>> phrases, string? column);

    /// <summary>Each phrase of <see cref="All"/> on its own, anywhere, its last word a prefix where it is one there.</summary>
    public abstract IReadOnlyList<IndexQuery> Each(IReadOnlyList<List<string>> phrases);

    /// <summary>What <paramref name="all"/> matches and <paramref name="but"/> does not.</summary>
    public abstract IndexQuery Not(IndexQuery all, IndexQuery but);

    /// <summary>
    /// A query of the ids (<c>Id</c>) of papers matching <paramref name="query"/>, its text bound to
    /// <paramref name="command"/> as <c>@<paramref name="name"/></c> (and more parameters of that prefix). The index
    /// finds; it does not score: relevance is the app's (<see cref="Relevance"/>), the same on both providers.
    /// </summary>
    public abstract string Select(DbCommand command, string name, IndexQuery query);

    /// <summary>The matching ids, newest paper first, one page (<c>@limit</c>, <c>@offset</c>).</summary>
    public abstract string Newest(DbCommand command, string name, IndexQuery query);

    /// <summary>
    /// For a query of one word, that word as the index keeps it, to be looked up in the vocabulary; null otherwise, or
    /// where reading a word's paper count from the vocabulary costs more than counting from the index. On PostgreSQL the
    /// vocabulary is a table keyed by word, and counting reads one row per match; FTS5's vocabulary is a view that reads
    /// the word's whole entry in the index, and counting from the index stops at the limit, so there it costs more.
    /// </summary>
    public abstract string? VocabularyWord(IReadOnlyList<List<string>> phrases);

    /// <summary>
    /// The condition that the index's row <paramref name="alias"/> matches the expression in <paramref name="parameter"/>
    /// (<see cref="PaperSearch.MatchExpression(string, DbConnection)"/>), and the column holding that row's paper id.
    /// </summary>
    public abstract (string Id, string Condition) Matching(string alias, string parameter);

    /// <summary>
    /// The authors whose folded name holds <paramref name="folded"/> anywhere, found through the index on author names
    /// (<see cref="AuthorIndex"/>): a <c>FROM … WHERE …</c> clause that reads <c>@match</c>, the column holding each
    /// author's id, and the value to bind to <c>@match</c>.
    /// </summary>
    public abstract (string From, string Id, string Match) AuthorsHolding(string folded);

    /// <summary>Whether the last word of a phrase matches as a prefix (see <see cref="IndexSyntax"/>).</summary>
    internal static bool IsPrefix(List<string> tokens, bool last)
    {
        var word = tokens[^1];
        var hangul = SearchText.IsHangul(word[0]);
        return (hangul && word.Length == 1) || (last && !hangul && word.Length >= 3);
    }

    /// <summary>FTS5 says all of it in one expression: the column as a filter, "and not" as <c>NOT</c>.</summary>
    private sealed class Fts5 : IndexSyntax
    {
        public override string? VocabularyWord(IReadOnlyList<List<string>> phrases) => null;

        public override IndexQuery All(IReadOnlyList<List<string>> phrases, string? column)
        {
            var body = string.Join(" AND ", phrases.Select((p, i) => Phrase(p, IsPrefix(p, i == phrases.Count - 1))));
            return new IndexQuery(column is null ? body : phrases.Count == 1 ? $"{column} : {body}" : $"{column} : ({body})");
        }

        public override IReadOnlyList<IndexQuery> Each(IReadOnlyList<List<string>> phrases) =>
            [.. phrases.Select((p, i) => new IndexQuery(Phrase(p, IsPrefix(p, i == phrases.Count - 1))))];

        public override IndexQuery Not(IndexQuery all, IndexQuery but) => new($"({all.Text}) NOT ({but.Text})");

        public override string Select(DbCommand command, string name, IndexQuery query)
        {
            command.Bind("@" + name, query.Text);
            return $"SELECT rowid AS Id FROM {SearchIndex.Table} WHERE {SearchIndex.Table} MATCH @{name}";
        }

        public override string Newest(DbCommand command, string name, IndexQuery query)
        {
            command.Bind("@" + name, query.Text);
            return $"SELECT rowid FROM {SearchIndex.Table} WHERE {SearchIndex.Table} MATCH @{name} ORDER BY rowid DESC LIMIT @limit OFFSET @offset";
        }

        public override (string Id, string Condition) Matching(string alias, string parameter) =>
            ($"{alias}.rowid", $"{SearchIndex.Table} MATCH {parameter}");

        /// <summary>A quoted phrase of trigrams matches exactly the names holding the text; quotes are doubled, never syntax.</summary>
        public override (string From, string Id, string Match) AuthorsHolding(string folded) =>
            ($"FROM {AuthorIndex.Table} WHERE {AuthorIndex.Table} MATCH @match", "rowid", "\"" + folded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");

        /// <summary>The tokens as one FTS5 phrase, always quoted (quotes doubled), so query text is never FTS5 syntax.</summary>
        private static string Phrase(List<string> tokens, bool prefix)
        {
            var quoted = "\"" + string.Join(' ', tokens).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return prefix ? quoted + "*" : quoted;
        }
    }

    /// <summary>
    /// <c>tsquery</c> text, read by a plain cast (no text-search configuration, so nothing is stemmed or dropped): words
    /// cut and folded as the index was (<see cref="SearchVector.Words"/>), always quoted, phrases as <c>&lt;-&gt;</c> chains. A
    /// title question is asked of the title's own indexed vector (<c>TitleWords</c>); a summary question is the weight
    /// its words were indexed with (B); "and not" is a second condition, so each part uses its own index.
    /// </summary>
    private sealed class TsQuery : IndexSyntax
    {
        public override string? VocabularyWord(IReadOnlyList<List<string>> phrases) =>
            phrases is [[var word]] && SearchVector.Words(word).ToList() is [var kept] ? kept : null;

        public override IndexQuery All(IReadOnlyList<List<string>> phrases, string? column)
        {
            var weight = column switch
            {
                null or "title" => "",
                "summary" => "B",
                _ => throw new ArgumentOutOfRangeException(nameof(column), column, "no such column"),
            };
            var parts = phrases.Select((p, i) => Phrase(p, IsPrefix(p, i == phrases.Count - 1), weight)).ToList();
            return new IndexQuery(string.Join(" & ", parts.Select(p => parts.Count > 1 ? $"({p})" : p)), column == "title" ? "title" : null);
        }

        public override IReadOnlyList<IndexQuery> Each(IReadOnlyList<List<string>> phrases) =>
            [.. phrases.Select((p, i) => new IndexQuery(Phrase(p, IsPrefix(p, i == phrases.Count - 1), "")))];

        public override IndexQuery Not(IndexQuery all, IndexQuery but) =>
            all.But is null && but.But is null ? all with { But = but } : throw new ArgumentException("one \"and not\" per question", nameof(but));

        public override string Select(DbCommand command, string name, IndexQuery query) =>
            $"SELECT PaperId AS Id FROM {SearchIndex.Table} WHERE {Condition(command, name, query)}";

        public override string Newest(DbCommand command, string name, IndexQuery query) =>
            $"SELECT PaperId FROM {SearchIndex.Table} WHERE {Condition(command, name, query)} ORDER BY PaperId DESC LIMIT @limit OFFSET @offset";

        public override (string Id, string Condition) Matching(string alias, string parameter) =>
            ($"{alias}.PaperId", $"{alias}.Words @@ CAST({parameter} AS tsquery)");

        /// <summary>LIKE with its wildcards escaped: the names holding the text, found through the trigram index (pg_trgm).</summary>
        public override (string From, string Id, string Match) AuthorsHolding(string folded) =>
            ("FROM Authors WHERE FoldedName LIKE @match", "Id",
                "%" + folded.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");

        private static string Vector(IndexQuery query) => query.Column == "title" ? "TitleWords" : "Words";

        private static string Condition(DbCommand command, string name, IndexQuery query)
        {
            command.Bind("@" + name, query.Text);
            var condition = $"{Vector(query)} @@ CAST(@{name} AS tsquery)";
            if (query.But is { } but)
            {
                command.Bind($"@{name}_but", but.Text);
                condition += $" AND NOT ({Vector(but)} @@ CAST(@{name}_but AS tsquery))";
            }

            return condition;
        }

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
