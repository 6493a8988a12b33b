using DailyPapers.Core.Data;
using DailyPapers.Core.Tests.Ingestion;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Core.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void Migrations_cover_the_whole_model()
    {
        using var folder = new IngestFolder();
        using var context = folder.Context();

        context.Database.GetPendingMigrations().Should().BeEmpty();
        context.Database.HasPendingModelChanges().Should().BeFalse("the hand-written snapshot must match the model");
    }

    [Fact]
    public void Database_runs_in_wal_mode()
    {
        using var folder = new IngestFolder();
        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        command.ExecuteScalar().Should().Be("wal");
    }
}
