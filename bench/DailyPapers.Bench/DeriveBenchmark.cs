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
/// period, each round in a transaction that is rolled back, so every round starts from the same archive: once as
/// when each reads and cuts the papers' stored text itself, once fed the documents and terms the ingest's read stage
/// cuts (timed apart: that cut runs in parallel while parsing, not in the derive stage).
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
            var texts = Texts(connection);
            var figures = new Dictionary<string, List<double>>();
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var (name, ms) in new[]
                {
                    ("similar", Similar(connection, null)),
                    ("terms", Terms(connection, null)),
                    ("cut documents", Time(() => CutDocuments(texts), out var documents)),
                    ("similar given", Similar(connection, documents)),
                    ("cut terms", Time(() => CutTerms(texts), out var terms)),
                    ("terms given", Terms(connection, terms)),
                })
                {
                    if (round > 0)
                    {
                        (figures.TryGetValue(name, out var list) ? list : figures[name] = []).Add(ms);
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine($"[{label}] {report.PapersStored} papers");
            Console.WriteLine($"  SimilarPapers.Update, every paper new   {Median(figures["similar"]),9:0.0} ms   (each paper's text read from Papers and cut)");
            Console.WriteLine($"    documents given                       {Median(figures["similar given"]),9:0.0} ms   (+ {Median(figures["cut documents"]):0.0} ms cutting them in parallel, in the read stage)");
            Console.WriteLine($"  TermCounts.Refresh, every period        {Median(figures["terms"]),9:0.0} ms   (each paper's text read from Papers and cut)");
            Console.WriteLine($"    terms given                           {Median(figures["terms given"]),9:0.0} ms   (+ {Median(figures["cut terms"]):0.0} ms cutting them in parallel, in the read stage)");
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
    private static double Similar(SqliteConnection connection, IReadOnlyDictionary<int, TermDocument>? documents)
    {
        using var transaction = connection.BeginTransaction();
        Execute(transaction, "DELETE FROM SimilarPapers; DELETE FROM SimilarityPostings; DELETE FROM SimilarityTerms; DELETE FROM SimilarityDocuments;");
        var ids = Ids(transaction, "SELECT Id FROM Papers");
        var watch = Stopwatch.StartNew();
        SimilarPapers.Update(transaction, ids, documents);
        var ms = watch.Elapsed.TotalMilliseconds;
        transaction.Rollback();
        return ms;
    }

    /// <summary>Every week and month counted afresh, as a full ingest does; milliseconds.</summary>
    private static double Terms(SqliteConnection connection, IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>>? terms)
    {
        using var transaction = connection.BeginTransaction();
        Execute(transaction, "DELETE FROM TermCounts;");
        var periods = TermCounts.PeriodsOf(Days(transaction));
        using var counts = new TermCounts(connection);
        var watch = Stopwatch.StartNew();
        counts.Refresh(transaction, periods, terms);
        var ms = watch.Elapsed.TotalMilliseconds;
        transaction.Rollback();
        return ms;
    }

    private static double Time<T>(Func<T> work, out T result)
    {
        var watch = Stopwatch.StartNew();
        result = work();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>What the read stage does with each paper it parsed: its title and summary cut into a document, in parallel.</summary>
    private static Dictionary<int, TermDocument> CutDocuments(List<(int Id, string Title, string Summary)> texts)
    {
        var documents = new TermDocument[texts.Count];
        Parallel.For(0, texts.Count, i => documents[i] = TermDocument.Cut(texts[i].Title, texts[i].Summary));
        return texts.Select((t, i) => (t.Id, documents[i])).ToDictionary();
    }

    private static Dictionary<int, IReadOnlyDictionary<string, string>> CutTerms(List<(int Id, string Title, string Summary)> texts)
    {
        var terms = new IReadOnlyDictionary<string, string>[texts.Count];
        Parallel.For(0, texts.Count, i => terms[i] = TermCounts.Terms(texts[i].Title, texts[i].Summary));
        return texts.Select((t, i) => (t.Id, terms[i])).ToDictionary();
    }

    private static List<(int Id, string Title, string Summary)> Texts(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Title, SummaryMarkdown FROM Papers";
        using var reader = command.ExecuteReader();
        var texts = new List<(int, string, string)>();
        while (reader.Read())
        {
            texts.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        }

        return texts;
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
