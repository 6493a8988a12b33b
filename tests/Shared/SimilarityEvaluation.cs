using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Testing;

/// <summary>
/// Precision@5 of the stored similar-paper lists against a hand-made evaluation set (Fixtures/Search/similar-papers.json
/// in the core tests: corpus papers with the papers a reader would want beside them, chosen by reading), and of two
/// baselines: papers ranked by shared authors, and random papers (seeded). An evaluation paper with fewer than five
/// related papers is scored out of that many (hits / min(5, related)), so a paper with one follow-up scores 1 when the
/// follow-up is anywhere in its top 5. Linked into the core tests and the benchmarks.
/// </summary>
internal static class SimilarityEvaluation
{
    public const int K = 5;

    public static string SetPath => Path.Combine(Repository.Root, "tests", "DailyPapers.Core.Tests", "Fixtures", "Search", "similar-papers.json");

    public sealed record Result(double Method, double SharedAuthors, double Random, int Papers, IReadOnlyList<string> Misses);

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> LoadSet(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("papers").EnumerateArray().ToDictionary(
            p => p.GetProperty("id").GetString()!,
            p => (IReadOnlySet<string>)p.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public static Result Evaluate(string connectionString, IReadOnlyDictionary<string, IReadOnlySet<string>> set, int seed = 17)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var all = Strings(connection, "SELECT ArxivId FROM Papers ORDER BY ArxivId", null);
        var random = new Random(seed);
        double method = 0, authors = 0, chance = 0;
        var misses = new List<string>();
        foreach (var (paper, related) in set)
        {
            var found = Strings(connection, """
                SELECT o.ArxivId FROM SimilarPapers s JOIN Papers p ON p.Id = s.PaperId JOIN Papers o ON o.Id = s.SimilarPaperId
                WHERE p.ArxivId = $id ORDER BY s.Rank LIMIT 5
                """, paper);
            var score = Precision(found, related);
            method += score;
            if (score < 1)
            {
                misses.Add($"{paper}: top 5 {string.Join(' ', found)}; related {string.Join(' ', related)}");
            }

            authors += Precision(Strings(connection, """
                SELECT o.ArxivId FROM PaperAuthors mine
                JOIN PaperAuthors theirs ON theirs.AuthorId = mine.AuthorId AND theirs.PaperId <> mine.PaperId
                JOIN Papers p ON p.Id = mine.PaperId JOIN Papers o ON o.Id = theirs.PaperId
                WHERE p.ArxivId = $id GROUP BY o.Id ORDER BY COUNT(*) DESC, o.Id DESC LIMIT 5
                """, paper), related);
            chance += Precision([.. all.Where(a => a != paper).OrderBy(_ => random.Next()).Take(K)], related);
        }

        return new Result(method / set.Count, authors / set.Count, chance / set.Count, set.Count, misses);
    }

    private static double Precision(IReadOnlyList<string> top, IReadOnlySet<string> related) =>
        (double)top.Take(K).Count(related.Contains) / Math.Min(K, related.Count);

    private static List<string> Strings(SqliteConnection connection, string sql, string? id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
