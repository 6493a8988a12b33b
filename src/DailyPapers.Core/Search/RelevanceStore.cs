using System.Data.Common;
using System.Globalization;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Search;

/// <summary>
/// The numbers <see cref="Relevance"/> scores from, read the same way from either provider: the archive's size and
/// average field lengths (kept in Meta by each ingest, <see cref="Keep"/>), how many papers hold each query phrase
/// (counted through the index, up to <see cref="Relevance.DocumentFrequencyLimit"/>), and the scored papers' own
/// titles, summaries and author names, read by primary key, only the columns the index reads.
/// </summary>
internal static class RelevanceStore
{
    /// <summary>The average field lengths are those of the newest this many papers: an ingest's end reads no more than that.</summary>
    public const int Sample = 1000;

    /// <summary>The <c>Meta</c> key of the average field lengths: "title summary authors", in words.</summary>
    public const string LengthsKey = "SearchFieldLengths";

    /// <summary>
    /// At an ingest's end, in its last transaction: the average length of each field over the newest
    /// <see cref="Sample"/> papers, in index words.
    /// </summary>
    public static void Keep(DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var archive = Sampled(transaction.Connection!, transaction);
        transaction.Execute(
            "INSERT INTO Meta (Key, Value) VALUES (@key, @value) ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value",
            ("@key", LengthsKey),
            ("@value", string.Join(' ', new[] { archive.Title, archive.Summary, archive.Authors }.Select(a => a.ToString("R", CultureInfo.InvariantCulture)))));
    }

    private static Relevance.Archive Sampled(DbConnection connection, DbTransaction? transaction) =>
        Relevance.Archive.Of([.. connection.Query(transaction, $"{Select} ORDER BY p.Id DESC LIMIT {Sample}", Read).Select(p => p.Fields)]);

    /// <summary>
    /// In one statement: the archive's paper count and kept field lengths, and how many papers hold each of
    /// <paramref name="phrases"/> (counted only when there are several: one phrase's weight scales every score alike).
    /// An archive no ingest has kept the lengths of yet (upgraded, not ingested since) has them sampled here, as an
    /// ingest would.
    /// </summary>
    public static (Relevance.Archive Archive, long[] Holding) Statistics(DbConnection connection, IndexSyntax index, IReadOnlyList<IndexQuery> phrases)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(phrases);
        using var command = connection.CreateCommand();
        var counted = phrases.Count > 1 ? phrases : [];
        var holding = counted.Select((phrase, i) => $", (SELECT COUNT(*) FROM ({index.Select(command, $"phrase{i}", phrase)} LIMIT @holding) h{i})");
        command.CommandText = $"SELECT (SELECT Value FROM Meta WHERE Key = 'PaperCount'), (SELECT Value FROM Meta WHERE Key = '{LengthsKey}'){string.Concat(holding)}";
        command.Bind("@holding", Relevance.DocumentFrequencyLimit);
        long papers;
        string? lengths;
        var counts = new long[phrases.Count];
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            papers = reader.IsDBNull(0) ? 0 : long.Parse(reader.GetString(0), CultureInfo.InvariantCulture);
            lengths = reader.IsDBNull(1) ? null : reader.GetString(1);
            for (var i = 0; i < counted.Count; i++)
            {
                counts[i] = Convert.ToInt64(reader.GetValue(2 + i), CultureInfo.InvariantCulture);
            }
        }

        var archive = lengths?.Split(' ') is [var title, var summary, var authors]
            ? new Relevance.Archive(papers, Number(title), Number(summary), Number(authors))
            : Sampled(connection, null) with { Papers = papers };
        return (archive, counts);
    }

    /// <summary>The titles of the papers <paramref name="ids"/>, as the index reads them: what the title tiers are ordered by first.</summary>
    public static Dictionary<int, string> Titles(DbConnection connection, IReadOnlyCollection<int> ids)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(ids);
        return connection.Query(null, $"SELECT p.Id, p.Title FROM Papers p WHERE p.Id IN ({SqlDialect.Of(connection).Ids("@ids")})",
                r => (Id: r.GetInt32(0), Title: r.GetString(1)), ("@ids", Sql.IdList(ids)))
            .ToDictionary(p => p.Id, p => SearchRow.TitleAsRead(p.Title));
    }

    /// <summary>The fields of the papers <paramref name="ids"/>, as the index reads them, in one statement by primary key.</summary>
    public static Dictionary<int, Relevance.Fields> Texts(DbConnection connection, IReadOnlyCollection<int> ids)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(ids);
        return connection.Query(null, $"{Select} WHERE p.Id IN ({SqlDialect.Of(connection).Ids("@ids")})", Read, ("@ids", Sql.IdList(ids)))
            .ToDictionary(p => p.Id, p => p.Fields);
    }

    // Only the columns the index reads; the author names in the order the index joined them.
    private const string Select =
        "SELECT p.Id, p.Title, p.SummaryMarkdown, COALESCE((SELECT string_agg(pa.Name, ', ' ORDER BY pa.Position) FROM PaperAuthors pa WHERE pa.PaperId = p.Id), '') FROM Papers p";

    private static (int Id, Relevance.Fields Fields) Read(DbDataReader row)
    {
        var (title, summary, authors) = SearchRow.Texts(row.GetString(1), row.GetString(2), row.GetString(3));
        return (row.GetInt32(0), new Relevance.Fields(title, summary, authors));
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
