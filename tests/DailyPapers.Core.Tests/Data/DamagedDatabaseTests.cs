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
