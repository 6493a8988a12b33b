using System.Diagnostics;
using DailyPapers.Core.Data;
using DailyPapers.Testing;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Web.Tests;

/// <summary>
/// kill -9 at any moment of an ingest (the app's own command, a process of its own) leaves a database that is whole:
/// SQLite's integrity holds, every stored day has all of its papers, and the next ingest completes to exactly what a
/// clean ingest gives.
/// </summary>
public sealed class KillDuringIngestTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dailypapers-kill", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_killed_ingest_leaves_whole_days_and_the_next_one_completes_it()
    {
        var data = SyntheticCorpus.Create(Path.Combine(Repository.Root, "data"), 8);
        var database = Path.Combine(_root, "killed.db");
        Directory.CreateDirectory(_root);
        var random = new Random(20261127);
        try
        {
            for (var round = 0; round < 6; round++)
            {
                if (round % 2 == 1)
                {
                    // Edit a few files between rounds, so kills also land in the middle of replacing stored days.
                    foreach (var file in Directory.GetFiles(data, "*.md", SearchOption.AllDirectories).Take(5))
                    {
                        File.AppendAllText(file, $"\n- 추가된 줄 {round}.\n");
                    }
                }

                using var ingest = StartIngest(data, database);
                // A moment picked at random, not an event awaited: wherever the kill lands (before the ingest began, in the
                // middle of a write, after it ended), the database must be whole, so nothing asserted waits on the clock.
                Thread.Sleep(random.Next(150, 1500));
                if (!ingest.HasExited)
                {
                    ingest.Kill(entireProcessTree: true);
                }

                ingest.WaitForExit();
                AssertWhole(database);
            }

            using (var last = StartIngest(data, database))
            {
                last.WaitForExit(120_000).Should().BeTrue();
                last.ExitCode.Should().Be(0, last.StandardError.ReadToEnd());
            }

            var clean = Path.Combine(_root, "clean.db");
            using (var fresh = StartIngest(data, clean))
            {
                fresh.WaitForExit(120_000).Should().BeTrue();
            }

            Listings(database).Should().Equal(Listings(clean), "after the killed runs, one more ingest gives what a clean ingest gives");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static Process StartIngest(string data, string database)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "DailyPapers.Web.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{app}\" ingest \"{data}\" --db \"{database}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // The synthetic archive reaches years past today's date.
        start.Environment["DailyPapers__Today"] = SyntheticCorpus.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Process.Start(start)!;
    }

    private static void AssertWhole(string database)
    {
        if (!File.Exists(database))
        {
            return;
        }

        using var connection = new SqliteConnection(PapersDatabase.ConnectionString(database));
        connection.Open();
        Scalar(connection, "PRAGMA integrity_check").Should().Be("ok");
        if (Scalar(connection, "SELECT COUNT(*) FROM pragma_table_info('Days') WHERE name = 'PaperCount'") == "0")
        {
            // Killed before the migration adding the day's paper count committed (each migration commits on its own, and
            // the next run applies the rest): no day is stored yet.
            Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'Days'")
                .Should().Match(tables => tables == "0" || Scalar(connection, "SELECT COUNT(*) FROM Days") == "0");
            SqliteConnection.ClearAllPools();
            return;
        }

        Scalar(connection, "SELECT COUNT(*) FROM pragma_foreign_key_check").Should().Be("0");
        Scalar(connection, "SELECT COUNT(*) FROM Days d WHERE d.PaperCount <> (SELECT COUNT(*) FROM Appearances a WHERE a.DayId = d.Id)")
            .Should().Be("0", "every stored day has all of its papers");
        SqliteConnection.ClearAllPools();
    }

    private static List<string> Listings(string database)
    {
        using var connection = new SqliteConnection(PapersDatabase.ConnectionString(database));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.Date || ' ' || a.Position || ' ' || p.ArxivId || ' ' || a.Title || ' ' || COALESCE(a.Votes, '-') || ' ' || length(a.SummaryHtml) || ' ' || p.Title
            FROM Appearances a JOIN Days d ON d.Id = a.DayId JOIN Papers p ON p.Id = a.PaperId ORDER BY d.Date, a.Position
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        SqliteConnection.ClearAllPools();
        return rows;
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
