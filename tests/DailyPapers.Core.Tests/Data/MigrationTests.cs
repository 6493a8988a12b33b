using DailyPapers.Core.Data;
using DailyPapers.Core.Tests.Ingestion;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Core.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void The_migrations_snapshot_matches_the_model()
    {
        using var folder = new IngestFolder();
        using var context = folder.Context();

        context.Database.GetPendingMigrations().Should().BeEmpty();
        context.Database.HasPendingModelChanges().Should().BeFalse("a model change needs 'dotnet ef migrations add'");
    }

    [Fact]
    public void A_database_from_before_the_derived_tables_were_rekeyed_gets_them_back_at_its_next_ingest()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        var similar = Rows(folder, "SELECT p.ArxivId, s.Rank, o.ArxivId FROM SimilarPapers s JOIN Papers p ON p.Id = s.PaperId JOIN Papers o ON o.Id = s.SimilarPaperId ORDER BY 1, 2");
        var counts = Rows(folder, "SELECT Term, Period, Start, PaperCount FROM TermCounts ORDER BY 1, 2, 3");
        similar.Should().NotBeEmpty();
        counts.Should().NotBeEmpty();

        // Back to the schema before (its derived tables keyed the old way), then up again as an upgrade would run.
        MigrateTo(folder, "20261127050317_AppearancesByPaperAndDay");

        // Rows as the older version kept them (their values do not matter: they are derived and made again).
        using (var connection = new SqliteConnection(folder.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO TermCounts (Term, Period, Start, PaperCount) VALUES ('stale', 1, '2024-01-01', 3);
                INSERT INTO SimilarityDocuments (PaperId, Terms) SELECT MIN(Id), 'stale	1' FROM Papers;
                INSERT INTO SimilarityPostings (Term, PaperId, Weight) SELECT 'stale', MIN(Id), 1 FROM Papers;
                INSERT INTO SimilarPapers (PaperId, Rank, SimilarPaperId, Score) SELECT MIN(Id), 1, MAX(Id), 0.5 FROM Papers;
                """;
            command.ExecuteNonQuery();
        }

        PapersDatabase.Migrate(folder.ConnectionString);
        Rows(folder, "SELECT COUNT(*) FROM SimilarPapers").Should().Equal(["0"], "the upgrade drops the derived similarity rows");
        Rows(folder, "SELECT COUNT(*) FROM TermCounts").Should().Equal(["0"], "the upgrade drops the term counts, and migrating makes nothing derived");

        folder.Ingest();

        Rows(folder, "SELECT p.ArxivId, s.Rank, o.ArxivId FROM SimilarPapers s JOIN Papers p ON p.Id = s.PaperId JOIN Papers o ON o.Id = s.SimilarPaperId ORDER BY 1, 2")
            .Should().Equal(similar);
        Rows(folder, "SELECT Term, Period, Start, PaperCount FROM TermCounts ORDER BY 1, 2, 3").Should().Equal(counts, "the next ingest counts the terms again");
    }

    [Fact]
    public void A_database_missing_search_rows_gets_them_at_its_next_ingest_not_at_its_migration()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        var papers = Rows(folder, "SELECT COUNT(*) FROM Papers");
        papers.Should().NotEqual(["0"]);
        // As a database from before the search index, or one whose index was damaged, has it.
        Rows(folder, "INSERT INTO SearchWords (SearchWords) VALUES ('delete-all'); SELECT COUNT(*) FROM SearchWords").Should().Equal(["0"]);

        PapersDatabase.Migrate(folder.ConnectionString);
        Rows(folder, "SELECT COUNT(*) FROM SearchWords").Should().Equal(["0"], "migrating migrates, nothing more");

        var report = folder.Ingest();

        report.FilesUnchanged.Should().Be(report.FilesSeen, "no digest changed");
        Rows(folder, "SELECT COUNT(*) FROM SearchWords").Should().Equal(papers);
    }

    [Fact]
    public void The_derived_tables_are_stored_without_rowid_and_the_upgrade_keeps_their_rows()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        var postings = Rows(folder, "SELECT PaperId, Term, Weight FROM SimilarityPostings ORDER BY 1, 2");
        var counts = Rows(folder, "SELECT Term, Period, Start, PaperCount FROM TermCounts ORDER BY 1, 2, 3");
        postings.Should().NotBeEmpty();
        counts.Should().NotBeEmpty();
        WithoutRowid(folder).Should().Equal(["SimilarityPostings", "TermCounts"]);

        // Down to the rowid tables, then up again as an upgrade from that version runs.
        MigrateTo(folder, "20261127070517_PendingMarksAndSummaryText");

        WithoutRowid(folder).Should().BeEmpty();
        Rows(folder, "SELECT PaperId, Term, Weight FROM SimilarityPostings ORDER BY 1, 2").Should().Equal(postings);
        PapersDatabase.Migrate(folder.ConnectionString);

        WithoutRowid(folder).Should().Equal(["SimilarityPostings", "TermCounts"]);
        Rows(folder, "SELECT PaperId, Term, Weight FROM SimilarityPostings ORDER BY 1, 2").Should().Equal(postings);
        Rows(folder, "SELECT sql FROM sqlite_master WHERE name = 'IX_SimilarityPostings_Term_Weight_PaperId'").Single().Should().Contain("(\"Term\", \"Weight\" DESC, \"PaperId\")");

        // Terms became words and phrases (TrendTermsAsWords): the old counts go, and the next ingest counts every period.
        Rows(folder, "SELECT Term FROM TermCounts").Should().BeEmpty();
        folder.Ingest();
        Rows(folder, "SELECT Term, Period, Start, PaperCount FROM TermCounts ORDER BY 1, 2, 3").Should().Equal(counts);
    }

    [Fact]
    public void A_database_from_before_code_links_gets_them_at_its_next_ingest_without_reading_a_digest_again()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        var papers = Rows(folder, "SELECT ArxivId, CodeUrls FROM Papers ORDER BY 1");
        var listings = Rows(folder, "SELECT Id, CodeUrls FROM Appearances ORDER BY 1");
        Rows(folder, "SELECT COUNT(*) FROM Papers WHERE CodeUrls IS NOT NULL").Single().Should().Be("16", "16 seed papers name code or a project page");

        // Back to the schema before the links, then up again as an upgrade from that version runs.
        MigrateTo(folder, "20261207015016_AuthorTotalsFromIndexes");
        Rows(folder, "SELECT COUNT(*) FROM pragma_table_info('Papers') WHERE name = 'CodeUrls'").Should().Equal(["0"]);
        PapersDatabase.Migrate(folder.ConnectionString);
        Rows(folder, "SELECT COUNT(*) FROM Papers WHERE CodeUrls IS NOT NULL").Should().Equal(["0"], "migrating adds the columns empty, nothing more");
        var logged = Rows(folder, "SELECT COALESCE(MAX(Id), 0) FROM Changes").Single();

        var report = folder.Ingest();

        report.FilesUnchanged.Should().Be(report.FilesSeen, "no digest is read again");
        Rows(folder, "SELECT ArxivId, CodeUrls FROM Papers ORDER BY 1").Should().Equal(papers);
        Rows(folder, "SELECT Id, CodeUrls FROM Appearances ORDER BY 1").Should().Equal(listings);
        Rows(folder, $"SELECT Tag FROM Changes WHERE Id > {logged}").Should().Equal(["*"], "running apps drop every cached page, which may now show a link");

        // Derived once: the next ingest has nothing to do.
        folder.Ingest().DataChanged.Should().BeFalse();
        Rows(folder, $"SELECT Tag FROM Changes WHERE Id > {logged}").Should().Equal(["*"]);
    }

    /// <summary>Moves the database to the schema of one migration, down or up, as another version of the app would have it.</summary>
    private static void MigrateTo(IngestFolder folder, string migration)
    {
        using var context = folder.Context();
        context.GetInfrastructure().GetRequiredService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().Migrate(migration);
    }

    private static List<string> WithoutRowid(IngestFolder folder) =>
        Rows(folder, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID' AND name IN ('SimilarityPostings', 'TermCounts', 'SimilarityTerms', 'SimilarPapers', 'Papers') ORDER BY name");

    private static List<string> Rows(IngestFolder folder, string sql)
        => Rows(new SqliteConnection(folder.ConnectionString), sql);

    /// <summary>Each row of a query as its values joined by '|', on a connection of either provider (opened and disposed here).</summary>
    internal static List<string> Rows(System.Data.Common.DbConnection opening, string sql)
    {
        using var connection = opening;
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        }

        return rows;
    }

    [Fact]
    public void The_migrated_schema_is_the_schema_the_model_describes()
    {
        // The snapshot can agree with the model while the migrations' SQL does not: compare the real schemas.
        using var folder = new IngestFolder();
        var fromModel = Path.Combine(Path.GetTempPath(), $"dailypapers-model-{Guid.NewGuid():N}.db");
        try
        {
            using (var context = new PapersDbContext(PapersDatabase.Options(PapersDatabase.ConnectionString(fromModel))))
            {
                context.Database.EnsureCreated();
            }

            var migrated = Schema(folder.ConnectionString);
            migrated.Should().Contain(["column Papers.LatestDate TEXT", "index Papers IX_Papers_TopVotes_LatestDate_ArxivId (TopVotes desc, LatestDate desc, ArxivId)"]);
            migrated.Should().BeEquivalentTo(Schema(PapersDatabase.ConnectionString(fromModel)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(fromModel);
        }
    }

    /// <summary>Every column (name, type, nullability, key) and index (columns, order, uniqueness) of the EF tables.</summary>
    private static List<string> Schema(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || (CASE WHEN c."notnull" THEN ' not null' ELSE '' END) || (CASE WHEN c.pk > 0 THEN ' key' ELSE '' END)
            FROM sqlite_master m JOIN pragma_table_info(m.name) c
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%' AND m.sql NOT LIKE 'CREATE VIRTUAL%' AND m.name NOT LIKE '%\_%' ESCAPE '\'
            UNION ALL
            SELECT 'index ' || m.name || ' ' || i.name || (CASE WHEN i."unique" THEN ' unique' ELSE '' END) || ' (' ||
                (SELECT group_concat(x.name || (CASE WHEN x.desc THEN ' desc' ELSE '' END), ', ') FROM pragma_index_xinfo(i.name) x WHERE x.key) || ')'
            FROM sqlite_master m JOIN pragma_index_list(m.name) i
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EF%' AND m.sql NOT LIKE 'CREATE VIRTUAL%' AND m.name NOT LIKE '%\_%' ESCAPE '\'
            """;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
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
