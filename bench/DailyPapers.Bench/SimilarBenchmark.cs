using System.Diagnostics;
using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;
using DailyPapers.Core.Search;
using DailyPapers.Testing;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Bench;

/// <summary>
/// Similar papers: precision@5 on the corpus against the hand-made evaluation set, for the stored lists and the two
/// baselines (shared authors, random); then what computing them costs in a full ingest of a ×N archive. The share is
/// measured directly: after the full ingest the similarity tables are emptied and rebuilt for every paper, which is the
/// work a full ingest does for them. Target: similarity adds at most 30% to a full ingest at ×10.
/// </summary>
internal static class SimilarBenchmark
{
    public static void Run(BenchOptions options)
    {
        Console.WriteLine($"similar benchmark · corpus {options.Corpus}");
        WithDatabase(options.Corpus, (connectionString, _, _) =>
        {
            var result = SimilarityEvaluation.Evaluate(connectionString, SimilarityEvaluation.LoadSet(SimilarityEvaluation.SetPath));
            Console.WriteLine($"precision@5 over {result.Papers} evaluation papers (hits / min(5, related)):");
            Console.WriteLine($"  similar papers (tf-idf cosine)  {result.Method:0.000}");
            Console.WriteLine($"  shared authors                  {result.SharedAuthors:0.000}");
            Console.WriteLine($"  random (seed 17)                {result.Random:0.000}");
        });

        var copies = options.Copies ?? 10;
        var synthetic = SyntheticCorpus.Create(options.Corpus, copies);
        try
        {
            for (var round = 0; round < options.Rounds; round++)
            {
                WithDatabase(synthetic, (connectionString, ingestMs, papers) =>
                {
                    var similarMs = Rebuild(connectionString);
                    var newDayMs = IngestNewDay(connectionString, synthetic);
                    var withoutMs = ingestMs - similarMs;
                    Console.WriteLine(
                        $"[synthetic ×{copies}] {papers} papers: full ingest {ingestMs / 1000:0.00} s, of which similar papers {similarMs / 1000:0.00} s; " +
                        $"without them {withoutMs / 1000:0.00} s; similarity adds {similarMs / withoutMs:P0} (target ≤ 30%: {(similarMs / withoutMs <= 0.3 ? "met" : "MISSED")}); " +
                        $"then one new day of {newDayMs.Papers} papers ingested in {newDayMs.Ms / 1000:0.00} s");
                });
            }
        }
        finally
        {
            Directory.Delete(synthetic, recursive: true);
        }
    }

    /// <summary>Empties the similarity tables and computes them again for every paper, as a full ingest does; returns milliseconds.</summary>
    private static double Rebuild(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var ids = new List<int>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM SimilarPapers; DELETE FROM SimilarityPostings; DELETE FROM SimilarityTerms; DELETE FROM SimilarityDocuments;";
            command.ExecuteNonQuery();
            command.CommandText = "SELECT Id FROM Papers";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        var watch = Stopwatch.StartNew();
        SimilarPapers.Update(transaction, ids);
        transaction.Commit();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Ingests one more day (a corpus day under new arXiv ids and a new date) into the archive: the daily case.</summary>
    private static (double Ms, int Papers) IngestNewDay(string connectionString, string folder)
    {
        var first = Directory.GetFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(first), @"^## Daily Papers \(\d{4}-\d{2}-\d{2}\)", "## Daily Papers (2099-01-01)", System.Text.RegularExpressions.RegexOptions.Multiline);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"arxiv\.org/abs/\d{2}(\d{2}\.\d{4,5})", "arxiv.org/abs/99$1");
        var path = Path.Combine(folder, "new-day", "2099-01-01.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        try
        {
            var watch = Stopwatch.StartNew();
            new DigestImporter(connectionString).Ingest(folder, new IngestOptions(Today: SyntheticCorpus.Today));
            return (watch.Elapsed.TotalMilliseconds, System.Text.RegularExpressions.Regex.Count(text, @"^### \[", System.Text.RegularExpressions.RegexOptions.Multiline));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    private static void WithDatabase(string folder, Action<string, double, int> measure)
    {
        var database = Path.Combine(Path.GetTempPath(), $"dailypapers-bench-{Guid.NewGuid():N}.db");
        var connectionString = PapersDatabase.ConnectionString(database);
        try
        {
            PapersDatabase.Migrate(connectionString);
            var watch = Stopwatch.StartNew();
            var report = new DigestImporter(connectionString).Ingest(folder, new IngestOptions(Today: SyntheticCorpus.Today));
            measure(connectionString, watch.Elapsed.TotalMilliseconds, report.PapersStored);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
    }
}
