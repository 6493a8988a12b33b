using DailyPapers.Core.Data;
using DailyPapers.Core.Data.Postgres;
using DailyPapers.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DailyPapers.Core.Tests.Data;

public class PostgresMigrationTests
{
    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var context = new PostgresPapersDbContext(PostgresDatabase.Options("Host=localhost;Database=unused"));
        context.Database.HasPendingModelChanges().Should().BeFalse("a model change needs 'dotnet ef migrations add <Name> --context PostgresPapersDbContext'");
        context.Database.GetMigrations().Should().NotBeEmpty()
            .And.NotIntersectWith(new PapersDbContext(PapersDatabase.Options("Data Source=:memory:")).Database.GetMigrations(), "each provider keeps its own migrations");
    }

    [PostgresFact]
    public void A_fresh_database_gets_every_table_in_lower_case_with_code_point_ordering()
    {
        var connectionString = PostgresServer.Shared.CreateDatabase();
        new PostgresDatabase(connectionString).Migrate();

        Rows(connectionString, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory' ORDER BY 1")
            .Should().Contain(["appearances", "authors", "days", "papers", "paperauthors", "sourcefiles", "changes", "meta"])
            .And.OnlyContain(t => !t.Any(char.IsUpper));
        // Unquoted SQL, as the ingest writes it, reaches the tables.
        Rows(connectionString, "SELECT COUNT(*) FROM Papers").Should().Equal("0");
        Rows(connectionString, "SELECT DISTINCT collation_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'text' AND table_name <> '__EFMigrationsHistory'")
            .Should().Equal("C");
    }

    [PostgresFact]
    public void Nodes_starting_together_migrate_once_and_all_start()
    {
        var connectionString = PostgresServer.Shared.CreateDatabase();
        var nodes = Enumerable.Range(0, 4).Select(_ => Task.Run(() => new PostgresDatabase(connectionString).Migrate())).ToArray();

        var all = () => Task.WaitAll(nodes);

        all.Should().NotThrow();
        using var context = new PostgresPapersDbContext(PostgresDatabase.Options(connectionString));
        context.Database.GetPendingMigrations().Should().BeEmpty();
        Rows(connectionString, "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"").Should().Equal(context.Database.GetMigrations().Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Migrating an up-to-date database again changes nothing.
        new PostgresDatabase(connectionString).Migrate();
    }

    [PostgresFact]
    public void A_server_that_cannot_be_reached_is_named_without_its_password()
    {
        var unreachable = $"Host=127.0.0.1;Port={PostgresServer.Shared.Port};Username=nobody_here;Password=secret-word;Database=missing;Timeout=3";

        var act = () => new PostgresDatabase(unreachable).Migrate();

        act.Should().Throw<DatabaseUnusableException>()
            .Which.Message.Should().Contain("PostgreSQL database 'missing' on 127.0.0.1").And.Contain("ConnectionStrings:Postgres").And.NotContain("secret-word");
    }

    internal static List<string> Rows(string connectionString, string sql) => MigrationTests.Rows(new NpgsqlConnection(connectionString), sql);
}
