using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SimilarPapers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SimilarityDocuments",
                columns: table => new
                {
                    PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                    Terms = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimilarityDocuments", x => x.PaperId);
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
                    table.PrimaryKey("PK_SimilarityPostings", x => new { x.Term, x.PaperId });
                });

            migrationBuilder.CreateTable(
                name: "SimilarityTerms",
                columns: table => new
                {
                    Term = table.Column<string>(type: "TEXT", nullable: false),
                    DocumentCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimilarityTerms", x => x.Term);
                });

            migrationBuilder.CreateTable(
                name: "SimilarPapers",
                columns: table => new
                {
                    PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    SimilarPaperId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimilarPapers", x => new { x.PaperId, x.Rank });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SimilarityPostings_PaperId",
                table: "SimilarityPostings",
                column: "PaperId");

            migrationBuilder.CreateIndex(
                name: "IX_SimilarPapers_SimilarPaperId",
                table: "SimilarPapers",
                column: "SimilarPaperId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SimilarityDocuments");

            migrationBuilder.DropTable(
                name: "SimilarityPostings");

            migrationBuilder.DropTable(
                name: "SimilarityTerms");

            migrationBuilder.DropTable(
                name: "SimilarPapers");
        }
    }
}
