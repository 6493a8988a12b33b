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
        var (inner, id, match) = IndexSyntax.Of(connection).AuthorsHolding(folded);
        (string, object?)[] parameters = [("@from", folded), ("@to", folded + "\uffff"), ("@limit", MaxCandidates + 1), ("@match", match)];
        const string prefix = "FROM Authors WHERE FoldedName >= @from AND FoldedName < @to";
        var inside = folded.Length >= 3;

        var ids = connection.Query(null, $"SELECT Id {prefix} ORDER BY FoldedName LIMIT @limit", r => r.GetInt32(0), parameters);
        var capped = ids.Count > MaxCandidates;
        if (inside)
        {
            var more = connection.Query(null, $"SELECT {id} {inner} ORDER BY {id} LIMIT @limit", r => r.GetInt32(0), parameters);
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
        return (ids, (int)connection.Number(null, inside ? $"SELECT COUNT(*) {inner}" : $"SELECT COUNT(*) {prefix}", parameters));
    }

    internal const string InsertSql = $"INSERT INTO {Table} (rowid, name) VALUES (@id, @name)";

    /// <summary>Names into the index in bulk: a JSON array of [id, folded name] pairs in <c>@rows</c>, as its UTF-8 bytes (<see cref="Data.JsonRows"/>).</summary>
    internal const string InsertManySql = $"INSERT INTO {Table} (rowid, name) SELECT value ->> 0, value ->> 1 FROM json_each(CAST(@rows AS TEXT))";

    internal const string DeleteSql = $"DELETE FROM {Table} WHERE rowid = @id";
}
