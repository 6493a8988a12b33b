using System.Globalization;
using System.Data.Common;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Search;

/// <summary>
/// Author names by any part of them: an FTS5 trigram index over each author's folded name (lower case, no accents), so
/// "tao wa" finds Xintao Wang by a lookup rather than a LIKE over every author. A query of one or two letters, too
/// short for trigrams, matches names that start with it, read from the folded-name index. Kept by the importer. On
/// PostgreSQL a trigram GIN index (pg_trgm) on the folded name answers the same substring question.
/// </summary>
public static class AuthorIndex
{
    public const string Table = "AuthorTrigrams";

    /// <summary>At most this many matches are ranked; a broader query shows the most prolific of them.</summary>
    public const int MaxCandidates = 2000;

    /// <summary>
    /// Ids of authors whose folded name starts with <paramref name="folded"/> (from the name index), then of those holding
    /// it anywhere (from the trigram index, three letters or more), each list capped; and how many match in all.
    /// </summary>
    public static (List<int> Ids, int Total) Find(DbConnection connection, string folded)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(folded);
        using var command = connection.CreateCommand();
        command.Bind("@from", folded);
        command.Bind("@to", folded + "\uffff");
        command.Bind("@limit", MaxCandidates + 1);
        const string prefix = "FROM Authors WHERE FoldedName >= @from AND FoldedName < @to";
        var postgres = SqlDialect.Of(connection).IsPostgres;
        string inner;
        if (postgres)
        {
            // LIKE with its wildcards escaped: the names holding the text, found through the trigram index.
            command.Bind("@match", "%" + folded.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
            inner = "FROM Authors WHERE FoldedName LIKE @match";
        }
        else
        {
            // A quoted phrase of trigrams matches exactly the names holding the text; quotes are doubled, never syntax.
            command.Bind("@match", "\"" + folded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
            inner = $"FROM {Table} WHERE {Table} MATCH @match";
        }

        var inside = folded.Length >= 3;

        command.CommandText = $"SELECT Id {prefix} ORDER BY FoldedName LIMIT @limit";
        var ids = ReadIds(command);
        var capped = ids.Count > MaxCandidates;
        if (inside)
        {
            command.CommandText = postgres ? $"SELECT Id {inner} ORDER BY Id LIMIT @limit" : $"SELECT rowid {inner} ORDER BY rowid LIMIT @limit";
            var more = ReadIds(command);
            capped |= more.Count > MaxCandidates;
            ids = [.. ids.Take(MaxCandidates).Union(more.Take(MaxCandidates))];
        }
        else
        {
            ids = [.. ids.Take(MaxCandidates)];
        }

        if (!capped)
        {
            return (ids, ids.Count);
        }

        // The trigram matches include the prefix matches, so their count is the total.
        command.CommandText = inside ? $"SELECT COUNT(*) {inner}" : $"SELECT COUNT(*) {prefix}";
        return (ids, Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    private static List<int> ReadIds(DbCommand command)
    {
        var ids = new List<int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    internal const string InsertSql = $"INSERT INTO {Table} (rowid, name) VALUES (@id, @name)";

    internal const string DeleteSql = $"DELETE FROM {Table} WHERE rowid = @id";
}
