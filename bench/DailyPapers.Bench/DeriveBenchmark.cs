using System.Diagnostics;
using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;
using DailyPapers.Core.Search;
using DailyPapers.Testing;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Bench;

/// <summary>
/// <c>derive</c>: what two derived tables cost in a full ingest. After ingesting the corpus (and a ×N archive when
/// <c>--copies</c> is given), similar papers and term counts are emptied and computed again for every paper and
/// period, each round in a transaction that is rolled back, so every round starts from the same archive.
/// </summary>
internal static class DeriveBenchmark
{
    public static void Run(BenchOptions options)
    {
        Console.WriteLine($"derive benchmark · corpus {options.Corpus} · {options.Rounds} rounds after one warm-up, median shown");
        Measure("corpus", options.Corpus, options.Rounds);
        if (options.Copies is { } copies)
        {
            var synthetic = SyntheticCorpus.Create(options.Corpus, copies);
            try
            {
                Measure($"synthetic ×{copies}", synthetic, options.Rounds);
            }
            finally
            {
                Directory.Delete(synthetic, recursive: true);
            }
        }
    }

    private static void Measure(string label, string folder, int rounds)
    {
        var database = Path.Combine(Path.GetTempPath(), $"dailypapers-derive-{Guid.NewGuid():N}.db");
        var connectionString = PapersDatabase.ConnectionString(database);
        try
        {
            PapersDatabase.Migrate(connectionString);
            var report = new DigestImporter(connectionString).Ingest(folder, new IngestOptions(Today: SyntheticCorpus.Today));
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            var similar = new List<double>();
            var terms = new List<double>();
            for (var round = 0; round <= rounds; round++)
            {
                var s = Similar(connection);
                var t = Terms(connection);
                if (round > 0)
                {
                    similar.Add(s);
                    terms.Add(t);
                }
            }

            Console.WriteLine();
            Console.WriteLine($"[{label}] {report.PapersStored} papers");
            Console.WriteLine($"  SimilarPapers.Update, every paper new   {Median(similar),9:0.0} ms   (each paper's text read from Papers and cut)");
            Console.WriteLine($"  TermCounts.Refresh, every period        {Median(terms),9:0.0} ms   (each paper's text read from Papers and cut)");
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

    /// <summary>Similar papers computed afresh for every paper, as a full ingest does; milliseconds.</summary>
    private static double Similar(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(transaction, "DELETE FROM SimilarPapers; DELETE FROM SimilarityPostings; DELETE FROM SimilarityTerms; DELETE FROM SimilarityDocuments;");
        var ids = Ids(transaction, "SELECT Id FROM Papers");
        var watch = Stopwatch.StartNew();
        SimilarPapers.Update(transaction, ids);
        var ms = watch.Elapsed.TotalMilliseconds;
        transaction.Rollback();
        return ms;
    }

    /// <summary>Every week and month counted afresh, as a full ingest does; milliseconds.</summary>
    private static double Terms(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(transaction, "DELETE FROM TermCounts;");
        var periods = TermCounts.PeriodsOf(Days(transaction));
        using var counts = new TermCounts(connection);
        var watch = Stopwatch.StartNew();
        counts.Refresh(transaction, periods);
        var ms = watch.Elapsed.TotalMilliseconds;
        transaction.Rollback();
        return ms;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static void Execute(SqliteTransaction transaction, string sql)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<int> Ids(SqliteTransaction transaction, string sql)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var ids = new List<int>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    private static List<DateOnly> Days(SqliteTransaction transaction)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Date FROM Days";
        using var reader = command.ExecuteReader();
        var days = new List<DateOnly>();
        while (reader.Read())
        {
            days.Add(reader.GetFieldValue<DateOnly>(0));
        }

        return days;
    }
}
