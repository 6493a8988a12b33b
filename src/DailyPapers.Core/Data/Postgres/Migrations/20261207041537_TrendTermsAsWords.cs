using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TrendTermsAsWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "common",
                table: "termcounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "daycount",
                table: "termcounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "form",
                table: "termcounts",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_TermCounts_Common",
                table: "termcounts",
                columns: new[] { "term", "start" },
                filter: "Period = 2 AND Common");

            // Edited by hand: terms are words, phrases and names now, counted with their days, forms and whether a
            // month holds them commonly. The counts of the old terms (syllable pairs) go, with the rising lists ranked
            // from them, and the next ingest counts every period again (TermCounts.EnsureComplete: days and no counts).
            migrationBuilder.Sql("DELETE FROM TermCounts;");
            migrationBuilder.Sql("DELETE FROM Meta WHERE Key = 'RisingTerms';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TermCounts_Common",
                table: "termcounts");

            migrationBuilder.DropColumn(
                name: "common",
                table: "termcounts");

            migrationBuilder.DropColumn(
                name: "daycount",
                table: "termcounts");

            migrationBuilder.DropColumn(
                name: "form",
                table: "termcounts");
        }
    }
}
