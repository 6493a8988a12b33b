using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuthorTotalsFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PaperAuthors_AuthorId",
                table: "PaperAuthors");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Id_TopVotes_LatestDate",
                table: "Papers",
                columns: new[] { "Id", "TopVotes", "LatestDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperAuthors_AuthorId_PaperId_Name",
                table: "PaperAuthors",
                columns: new[] { "AuthorId", "PaperId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Papers_Id_TopVotes_LatestDate",
                table: "Papers");

            migrationBuilder.DropIndex(
                name: "IX_PaperAuthors_AuthorId_PaperId_Name",
                table: "PaperAuthors");

            migrationBuilder.CreateIndex(
                name: "IX_PaperAuthors_AuthorId",
                table: "PaperAuthors",
                column: "AuthorId");
        }
    }
}
