using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PaperCodeUrls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "codeurls",
                table: "papers",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "codeurls",
                table: "appearances",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_WithCode",
                table: "papers",
                column: "id",
                filter: "CodeUrls IS NOT NULL");

            // Edited by hand: the columns start empty, and the rule their links were derived by is forgotten, so the
            // next ingest derives every stored row's links from its markdown first thing (Ingestion/CodeLinkRows),
            // without reading the digest files again.
            migrationBuilder.Sql("DELETE FROM Meta WHERE Key = 'CodeLinks';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Papers_WithCode",
                table: "papers");

            migrationBuilder.DropColumn(
                name: "codeurls",
                table: "papers");

            migrationBuilder.DropColumn(
                name: "codeurls",
                table: "appearances");
        }
    }
}
