using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingMarksAndSummaryText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Edited by hand: EF would rebuild TermCounts and SimilarityPostings for their new keys through temporary
            // tables across several transactions (a kill between them leaves the temporary table behind and the next
            // start fails). Both hold derived rows, so they are dropped and made again in this migration's one
            // transaction, and the similarity rows that go with the postings are emptied too: the next ingest builds
            // the similarity index again (an empty index counts as pending), and the start-up counts the terms again.
            migrationBuilder.DropTable(name: "TermCounts");
            migrationBuilder.DropTable(name: "SimilarityPostings");
            migrationBuilder.Sql("DELETE FROM SimilarityDocuments; DELETE FROM SimilarityTerms; DELETE FROM SimilarPapers;");

            migrationBuilder.CreateTable(
                name: "TermCounts",
                columns: table => new
                {
                    Term = table.Column<string>(type: "TEXT", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PaperCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TermCounts", x => new { x.Period, x.Start, x.Term });
                });

            migrationBuilder.CreateTable(
                name: "SimilarityPostings",
                columns: table => new
                {
                    Term = table.Column<string>(type: "TEXT", nullable: false),
                    PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimilarityPostings", x => new { x.PaperId, x.Term });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SimilarityPostings_Term_Weight_PaperId",
                table: "SimilarityPostings",
                columns: new[] { "Term", "Weight", "PaperId" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateTable(
                name: "PendingSimilarity",
                columns: table => new
                {
                    PaperId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingSimilarity", x => x.PaperId);
                });

            migrationBuilder.CreateTable(
                name: "PendingTermCounts",
                columns: table => new
                {
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingTermCounts", x => new { x.Period, x.Start });
                });

            migrationBuilder.AddColumn<string>(
                name: "SummaryText",
                table: "Papers",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SummaryText",
                table: "Appearances",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "PendingSimilarity");
            migrationBuilder.DropTable(name: "PendingTermCounts");
            migrationBuilder.DropTable(name: "TermCounts");
            migrationBuilder.DropTable(name: "SimilarityPostings");
            migrationBuilder.Sql("DELETE FROM SimilarityDocuments; DELETE FROM SimilarityTerms; DELETE FROM SimilarPapers;");

            migrationBuilder.CreateTable(
                name: "TermCounts",
                columns: table => new
                {
                    Term = table.Column<string>(type: "TEXT", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PaperCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TermCounts", x => new { x.Term, x.Period, x.Start });
                });

            migrationBuilder.CreateIndex(
                name: "IX_TermCounts_Period_Start_PaperCount",
                table: "TermCounts",
                columns: new[] { "Period", "Start", "PaperCount" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateTable(
                name: "SimilarityPostings",
                columns: table => new
                {
                    Term = table.Column<string>(type: "TEXT", nullable: false),
                    PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimilarityPostings", x => new { x.Term, x.PaperId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SimilarityPostings_PaperId",
                table: "SimilarityPostings",
                column: "PaperId");

            migrationBuilder.DropColumn(
                name: "SummaryText",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "SummaryText",
                table: "Appearances");
        }
    }
}
