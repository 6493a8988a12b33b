using DailyPapers.Core.Ingestion;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Ingestion.Stages;

/// <summary>The store stage chooses each paper's best listing before it writes the paper: nothing is written to be rewritten.</summary>
public sealed class StoreStageTests
{
    private static string Day(string date, string summary, string authors = "Ann Lee") => $"""
        ## Daily Papers ({date})

        ### [A Paper](https://arxiv.org/abs/2410.09342)

        Vote: 4

        Authors: {authors}

        {summary}

        """;

    [Theory]
    [InlineData("a")]
    [InlineData("b")]
    [InlineData("c")]
    public void A_paper_listed_in_several_files_of_one_batch_is_written_once_with_its_best_listing(string best)
    {
        using var folder = new IngestFolder();
        // Only the best file's listing has a summary; the files are read a, b, c.
        folder.Write("a.md", Day("2024-10-18", best == "a" ? "- 요약 A." : ""));
        folder.Write("b.md", Day("2024-10-19", best == "b" ? "- 요약 B." : ""));
        folder.Write("c.md", Day("2024-10-20", best == "c" ? "- 요약 C." : ""));
        CountPaperWrites(folder);

        folder.Ingest();

        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();
        Scalar(connection, "SELECT COUNT(*) FROM PaperWrites WHERE Kind = 'insert'").Should().Be(1);
        Scalar(connection, "SELECT COUNT(*) FROM PaperWrites WHERE Kind = 'update'").Should().Be(0, "the best listing was chosen before the paper was written");
        new SqliteCommand("SELECT SummaryMarkdown FROM Papers", connection).ExecuteScalar().Should().Be($"- 요약 {best.ToUpperInvariant()}.");
    }

    [Fact]
    public void A_later_listing_that_beats_the_stored_one_updates_the_paper_once()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day("2024-10-18", ""));
        folder.Ingest();
        folder.Write("b.md", Day("2024-10-19", "- 요약 B."));
        folder.Write("c.md", Day("2024-10-20", ""));
        CountPaperWrites(folder);

        folder.Ingest();

        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();
        Scalar(connection, "SELECT COUNT(*) FROM PaperWrites WHERE Kind = 'update'").Should().Be(1);
        new SqliteCommand("SELECT SummaryMarkdown FROM Papers", connection).ExecuteScalar().Should().Be("- 요약 B.");
    }

    [Fact]
    public void A_paper_whose_shown_listing_goes_takes_the_best_one_left_from_the_stored_listings()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day("2024-10-18", "- 요약 A.", "Ann Lee"));
        folder.Write("b.md", Day("2024-10-19", "- 요약 B.", "Bo Kim"));
        folder.Write("c.md", Day("2024-10-20", "", "Cy Park"));
        folder.Ingest();

        File.Delete(Path.Combine(folder.DataDirectory, "b.md"));
        folder.Ingest();

        using var db = folder.Context();
        var paper = db.Papers.Single();
        paper.SummaryMarkdown.Should().Be("- 요약 A.");
        db.PaperAuthors.Select(pa => pa.Name).Should().Equal("Ann Lee");
        db.Authors.Select(a => a.Name).Should().Equal(["Ann Lee"], "Bo Kim named the paper only in the file that went, and Cy Park's listing is not the one shown");
    }

    [Fact]
    public void An_author_whose_paper_goes_with_a_removed_file_counts_one_paper_fewer()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day("2024-10-18", "- 요약 A.", "Ann Lee").Replace("2410.09342", "2410.00001", StringComparison.Ordinal));
        folder.Write("b.md", Day("2024-10-19", "- 요약 B.", "Ann Lee, Bo Kim"));
        folder.Ingest();

        File.Delete(Path.Combine(folder.DataDirectory, "b.md"));
        folder.Ingest();

        using var db = folder.Context();
        db.Authors.Select(a => new { a.Name, a.PaperCount }).Should().BeEquivalentTo([new { Name = "Ann Lee", PaperCount = 1 }]);
    }

    [Fact]
    public void An_authors_totals_read_their_links_and_papers_from_indexes_alone_never_a_papers_row()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day("2024-10-18", "- 요약 A.", "Ann Lee, Bo Kim"));
        folder.Ingest();
        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();
        var plan = QueryPlan.Of(connection, ListingTotals.RefreshAuthorsSql(DailyPapers.Core.Data.SqlDialect.Sqlite), ("@ids", "[1,2]"));

        // A paper's votes and date sit past its summaries, on overflow pages: read from the row, an author of many
        // papers cost a page chain each (4× the statement's time on the ×100 archive).
        plan.Where(p => p.Contains(" p ", StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.OnlyContain(p => p.Contains("USING COVERING INDEX " + ListingTotals.PaperTotalsIndex, StringComparison.Ordinal));
        plan.Where(p => p.Contains(" pa ", StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.OnlyContain(p => p.Contains("USING COVERING INDEX IX_PaperAuthors_AuthorId_PaperId_Name", StringComparison.Ordinal));
    }

    private static void CountPaperWrites(IngestFolder folder)
    {
        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();
        new SqliteCommand(
            """
            CREATE TABLE IF NOT EXISTS PaperWrites (Kind TEXT);
            DELETE FROM PaperWrites;
            CREATE TRIGGER IF NOT EXISTS PaperInserted AFTER INSERT ON Papers BEGIN INSERT INTO PaperWrites VALUES ('insert'); END;
            CREATE TRIGGER IF NOT EXISTS PaperUpdated AFTER UPDATE OF Title, SummaryMarkdown, ContentDayId ON Papers BEGIN INSERT INTO PaperWrites VALUES ('update'); END;
            """, connection).ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql) => (long)new SqliteCommand(sql, connection).ExecuteScalar()!;
}
