using DailyPapers.Core.Data;
using DailyPapers.Core.Tests.Ingestion;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Data;

/// <summary>A database that cannot be used is named with what to do; one with nothing to migrate is only read.</summary>
public sealed class DamagedDatabaseTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dailypapers-damaged", Guid.NewGuid().ToString("N"));

    public DamagedDatabaseTests() => Directory.CreateDirectory(_folder);

    [Theory]
    [InlineData("text", "not a SQLite database")]
    [InlineData("truncated", "not a SQLite database")]
    [InlineData("foreign", "another program")]
    public void An_unusable_file_is_named_with_what_to_do_and_left_as_it_was(string kind, string problem)
    {
        var path = Path.Combine(_folder, kind + ".db");
        switch (kind)
        {
            case "text":
                File.WriteAllText(path, "this is not a database");
                break;
            case "truncated":
                File.WriteAllBytes(path, [.. "SQLite format 3\0"u8, .. new byte[84]]);
                break;
            default:
                using (var connection = new SqliteConnection($"Data Source={path}"))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "CREATE TABLE customers (id INTEGER); INSERT INTO customers VALUES (1);";
                    command.ExecuteNonQuery();
                }

                SqliteConnection.ClearAllPools();
                break;
        }

        var before = File.ReadAllBytes(path);

        var act = () => PapersDatabase.Migrate(PapersDatabase.ConnectionString(path));

        act.Should().Throw<DatabaseUnusableException>().Which.Message.Should().Contain(path).And.Contain(problem);
        SqliteConnection.ClearAllPools();
        File.ReadAllBytes(path).Should().Equal(before, "a file that is not ours is never written");
    }

    [Fact]
    public async Task A_migration_killed_at_its_first_step_is_taken_up_by_the_next_run()
    {
        // EF Core creates its lock table and takes the lock before anything else: a kill -9 right then leaves a file with
        // that table alone and the lock still held. It is ours, and the next run migrates it rather than refusing or waiting.
        var path = Path.Combine(_folder, "killed.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" VALUES (1, '2026-11-27 03:34:05.000+00:00');
                """;
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();

        var migrate = Task.Run(() => PapersDatabase.Migrate(PapersDatabase.ConnectionString(path)));

        var finished = await Task.WhenAny(migrate, Task.Delay(TimeSpan.FromSeconds(60)));
        finished.Should().BeSameAs(migrate, "a lock left by a killed migration is not waited on");
        await migrate;
        using var check = new SqliteConnection(PapersDatabase.ConnectionString(path));
        check.Open();
        ChangeLog.LatestChange(check).Should().Be(0, "the schema is complete and empty");
    }

    [Fact]
    public void A_database_with_nothing_to_migrate_is_only_read()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        SqliteConnection.ClearAllPools();
        var written = File.GetLastWriteTimeUtc(folder.DatabasePath);
        var bytes = File.ReadAllBytes(folder.DatabasePath);

        PapersDatabase.Migrate(folder.ConnectionString);
        SqliteConnection.ClearAllPools();

        File.GetLastWriteTimeUtc(folder.DatabasePath).Should().Be(written);
        File.ReadAllBytes(folder.DatabasePath).Should().Equal(bytes);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
