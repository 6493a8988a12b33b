using System.Data.Common;
using System.Globalization;
using DailyPapers.Core.Data;
using DailyPapers.Core.Data.Postgres;
using DailyPapers.Core.Ingestion;
using DailyPapers.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>The same digests ingested into SQLite and into a real PostgreSQL server leave the same rows.</summary>
public sealed class PostgresIngestTests
{
    // Every table the ingest writes. Left out: when a file was read, and the order of the change log's entries within one
    // commit (readers take a commit's entries together).
    private static readonly string[] Tables =
    [
        "SourceFiles", "Days", "Papers", "Authors", "PaperAuthors", "Appearances", "Meta", "Changes", "RejectedFiles",
        "SimilarPapers", "SimilarityDocuments", "SimilarityTerms", "SimilarityPostings", "TermCounts",
        "PendingSimilarity", "PendingTermCounts",
    ];

    [PostgresFact]
    public void The_seed_digests_leave_the_same_rows_on_both_providers() => IngestBoth(new IngestFolder().WithSeeds(), minimumPapers: 20);

    [PostgresFact]
    public void Edits_and_removals_leave_the_same_rows_on_both_providers_and_an_unchanged_folder_is_skipped()
    {
        using var folder = new IngestFolder().WithSeeds();
        var postgres = PostgresServer.Shared.CreateDatabase();
        new PostgresDatabase(postgres).Migrate();
        var importer = new DigestImporter(postgres, DatabaseProvider.Postgres);
        folder.Ingest();
        importer.Ingest(folder.DataDirectory);

        var files = Directory.GetFiles(folder.DataDirectory, "*.md").Order(StringComparer.Ordinal).ToList();
        File.Delete(files[0]);
        var text = File.ReadAllText(files[1]);
        var cut = text.IndexOf("\n### ", text.IndexOf("\n### ", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        folder.Write(Path.GetFileName(files[1]), text[..cut] + "\n");
        folder.Ingest();
        var edited = importer.Ingest(folder.DataDirectory);

        edited.FilesRemoved.Should().Be(1);
        SameRows(Dump(Postgres(postgres)), Dump(Sqlite(folder.ConnectionString)));
        // The spelling vocabulary: FTS5's own on SQLite, kept by the ingest on PostgreSQL.
        Vocabulary(Postgres(postgres)).Should().Equal(Vocabulary(Sqlite(folder.ConnectionString))).And.HaveCountGreaterThan(1000);
        Scalar(Postgres(postgres), "SELECT COUNT(*) FROM SearchWords").Should().Be(edited.PapersStored);

        var again = importer.Ingest(folder.DataDirectory);
        again.FilesIngested.Should().Be(0);
        again.FilesUnchanged.Should().Be(files.Count - 1);
        again.DataChanged.Should().BeFalse();
    }

    [PostgresFact]
    public async Task An_ingest_waits_while_another_node_writes_then_runs()
    {
        using var folder = new IngestFolder().WithSeeds();
        var postgres = PostgresServer.Shared.CreateDatabase();
        new PostgresDatabase(postgres).Migrate();
        var waited = new List<string>();
        // Counted inside the callback, on the waiting ingest's own thread: what it had written when it found the lock held.
        var told = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new IngestOptions(Waiting: m =>
        {
            lock (waited)
            {
                waited.Add(m);
            }

            try
            {
                told.TrySetResult(Scalar(Postgres(postgres), "SELECT COUNT(*) FROM Papers"));
            }
            catch (Exception e)
            {
                told.TrySetException(e);
            }
        });
        Task<IngestReport> second;

        using (IngestLock.Acquire(new PostgresDatabase(postgres), CancellationToken.None))
        {
            second = Task.Run(() => new DigestImporter(postgres, DatabaseProvider.Postgres).Ingest(folder.DataDirectory, options));
            (await Task.WhenAny(told.Task, second).WaitAsync(TimeSpan.FromSeconds(60))).Should().BeSameAs(told.Task, "another node holds the ingest lock: this one waits rather than writing beside it");
            (await told.Task).Should().Be(0, "it writes nothing before it holds the lock");
            second.IsCompleted.Should().BeFalse("it waits while the lock is held");
        }

        var report = await second.WaitAsync(TimeSpan.FromSeconds(60));
        report.FilesIngested.Should().Be(report.FilesSeen);
        waited.Should().ContainSingle().Which.Should().Contain("another ingest is writing").And.Contain("PostgreSQL database");
    }

    [PostgresFact]
    public void A_database_from_before_code_links_gets_them_at_its_next_ingest_without_reading_a_digest_again()
    {
        using var folder = new IngestFolder().WithSeeds();
        var postgres = PostgresServer.Shared.CreateDatabase();
        new PostgresDatabase(postgres).Migrate();
        var importer = new DigestImporter(postgres, DatabaseProvider.Postgres);
        importer.Ingest(folder.DataDirectory);
        const string Papers = "SELECT ArxivId, CodeUrls FROM Papers ORDER BY 1";
        const string Listings = "SELECT Id, CodeUrls FROM Appearances ORDER BY 1";
        var papers = Data.MigrationTests.Rows(Postgres(postgres), Papers);
        var listings = Data.MigrationTests.Rows(Postgres(postgres), Listings);
        Scalar(Postgres(postgres), "SELECT COUNT(*) FROM Papers WHERE CodeUrls IS NOT NULL").Should().Be(16);

        // As the migration PaperCodeUrls leaves a database from before: the columns empty, the rule forgotten.
        Data.MigrationTests.Rows(Postgres(postgres), "UPDATE Papers SET CodeUrls = NULL; UPDATE Appearances SET CodeUrls = NULL; DELETE FROM Meta WHERE Key = 'CodeLinks'");
        var report = importer.Ingest(folder.DataDirectory);

        report.FilesUnchanged.Should().Be(report.FilesSeen, "no digest is read again");
        Data.MigrationTests.Rows(Postgres(postgres), Papers).Should().Equal(papers);
        Data.MigrationTests.Rows(Postgres(postgres), Listings).Should().Equal(listings);
        folder.Ingest();
        SameRows(Dump(Postgres(postgres)).Where(r => !r.StartsWith("Changes|", StringComparison.Ordinal)).ToList(),
            Dump(Sqlite(folder.ConnectionString)).Where(r => !r.StartsWith("Changes|", StringComparison.Ordinal)).ToList());
    }

    [PostgresFact(Corpus = true)]
    public void The_corpus_leaves_the_same_rows_on_both_providers() => IngestBoth(new IngestFolder().WithCorpus(), minimumPapers: 1000);

    /// <summary>Ingests the folder into SQLite and into a new PostgreSQL database: the same report, the same rows.</summary>
    private static void IngestBoth(IngestFolder filled, int minimumPapers)
    {
        using var folder = filled;
        var postgres = PostgresServer.Shared.CreateDatabase();
        new PostgresDatabase(postgres).Migrate();

        var onSqlite = folder.Ingest();
        var onPostgres = new DigestImporter(postgres, DatabaseProvider.Postgres).Ingest(folder.DataDirectory);

        onPostgres.Should().BeEquivalentTo(onSqlite, o => o.Excluding(r => r.Elapsed).Excluding(r => r.Summary).Excluding(r => r.Stages).Excluding(r => r.WaitedForRead));
        onPostgres.PapersStored.Should().BeGreaterThan(minimumPapers);
        SameRows(Dump(Postgres(postgres)), Dump(Sqlite(folder.ConnectionString)));
        Scalar(Postgres(postgres), "SELECT COUNT(*) FROM SearchWords").Should().Be(onPostgres.PapersStored);
    }

    /// <summary>Both dumps hold the same rows; a failure shows the first rows each has that the other lacks.</summary>
    internal static void SameRows(List<string> postgres, List<string> sqlite)
    {
        var onlyPostgres = postgres.Except(sqlite, StringComparer.Ordinal).Take(5).ToList();
        var onlySqlite = sqlite.Except(postgres, StringComparer.Ordinal).Take(5).ToList();
        onlyPostgres.Should().BeEmpty("PostgreSQL should hold exactly SQLite's rows; SQLite has instead: {0}", string.Join("\n", onlySqlite));
        onlySqlite.Should().BeEmpty();
        postgres.Should().HaveCount(sqlite.Count);
    }

    private static List<string> Vocabulary(DbConnection connection)
    {
        using (connection)
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT term, doc FROM SearchVocabulary ORDER BY term";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(reader.GetString(0) + "=" + reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
            }

            return rows;
        }
    }

    private static SqliteConnection Sqlite(string connectionString) => new(connectionString);

    private static NpgsqlConnection Postgres(string connectionString) => new(connectionString);

    private static long Scalar(DbConnection connection, string sql)
    {
        using (connection)
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Every row of every ingest table as text, typed values written one way whatever the provider returns.</summary>
    internal static List<string> Dump(DbConnection connection)
    {
        using (connection)
        {
            connection.Open();
            var rows = new List<string>();
            foreach (var table in Tables)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {table}";
                using var reader = command.ExecuteReader();
                var names = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).ToLowerInvariant()).ToList();
                var order = names.Select((n, i) => (n, i)).Where(c => c.n is not ("ingestedutc" or "rejectedutc") && !(table == "Changes" && c.n == "id")).OrderBy(c => c.n, StringComparer.Ordinal).ToList();
                while (reader.Read())
                {
                    rows.Add(table + "|" + string.Join('|', order.Select(c => c.n + "=" + Text(reader, c.i, c.n))));
                }
            }

            rows.Sort(StringComparer.Ordinal);
            return rows;
        }
    }

    private static string Text(DbDataReader reader, int column, string name)
    {
        if (reader.IsDBNull(column))
        {
            return "null";
        }

        return reader.GetValue(column) switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            bool b => b ? "1" : "0",
            double x => x.ToString("R", CultureInfo.InvariantCulture),
            string s when name is "date" or "start" or "latestdate" => s,
            string s when name is "lastwriteutc" => DateTime.Parse(s, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString() ?? "",
        };
    }
}
