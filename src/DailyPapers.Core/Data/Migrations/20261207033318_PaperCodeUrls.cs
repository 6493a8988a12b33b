using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PaperCodeUrls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CodeUrls",
                table: "Papers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CodeUrls",
                table: "Appearances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Papers_WithCode",
                table: "Papers",
                column: "Id",
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
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "CodeUrls",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "CodeUrls",
                table: "Appearances");
        }
    }
}
