using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingDerivedRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_TermCounts",
                table: "TermCounts");

            migrationBuilder.DropIndex(
                name: "IX_TermCounts_Period_Start_PaperCount",
                table: "TermCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SimilarityPostings",
                table: "SimilarityPostings");

            migrationBuilder.DropIndex(
                name: "IX_SimilarityPostings_PaperId",
                table: "SimilarityPostings");

            migrationBuilder.AddPrimaryKey(
                name: "PK_TermCounts",
                table: "TermCounts",
                columns: new[] { "Period", "Start", "Term" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_SimilarityPostings",
                table: "SimilarityPostings",
                columns: new[] { "PaperId", "Term" });

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

            migrationBuilder.CreateIndex(
                name: "IX_SimilarityPostings_Term_Weight",
                table: "SimilarityPostings",
                columns: new[] { "Term", "Weight" },
                descending: new[] { false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingSimilarity");

            migrationBuilder.DropTable(
                name: "PendingTermCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_TermCounts",
                table: "TermCounts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SimilarityPostings",
                table: "SimilarityPostings");

            migrationBuilder.DropIndex(
                name: "IX_SimilarityPostings_Term_Weight",
                table: "SimilarityPostings");

            migrationBuilder.AddPrimaryKey(
                name: "PK_TermCounts",
                table: "TermCounts",
                columns: new[] { "Term", "Period", "Start" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_SimilarityPostings",
                table: "SimilarityPostings",
                columns: new[] { "Term", "PaperId" });

            migrationBuilder.CreateIndex(
                name: "IX_TermCounts_Period_Start_PaperCount",
                table: "TermCounts",
                columns: new[] { "Period", "Start", "PaperCount" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "IX_SimilarityPostings_PaperId",
                table: "SimilarityPostings",
                column: "PaperId");
        }
    }
}
