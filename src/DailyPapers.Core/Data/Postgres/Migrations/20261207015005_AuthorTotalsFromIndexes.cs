using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuthorTotalsFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_paperauthors_authorid",
                table: "paperauthors");

            migrationBuilder.CreateIndex(
                name: "IX_papers_id_topvotes_latestdate",
                table: "papers",
                columns: new[] { "id", "topvotes", "latestdate" });

            migrationBuilder.CreateIndex(
                name: "IX_paperauthors_authorid_paperid_name",
                table: "paperauthors",
                columns: new[] { "authorid", "paperid", "name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_papers_id_topvotes_latestdate",
                table: "papers");

            migrationBuilder.DropIndex(
                name: "IX_paperauthors_authorid_paperid_name",
                table: "paperauthors");

            migrationBuilder.CreateIndex(
                name: "IX_paperauthors_authorid",
                table: "paperauthors",
                column: "authorid");
        }
    }
}
