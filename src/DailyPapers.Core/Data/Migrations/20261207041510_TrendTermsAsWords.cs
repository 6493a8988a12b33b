using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrendTermsAsWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Common",
                table: "TermCounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "DayCount",
                table: "TermCounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Form",
                table: "TermCounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TermCounts_Common",
                table: "TermCounts",
                columns: new[] { "Term", "Start" },
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
                table: "TermCounts");

            migrationBuilder.DropColumn(
                name: "Common",
                table: "TermCounts");

            migrationBuilder.DropColumn(
                name: "DayCount",
                table: "TermCounts");

            migrationBuilder.DropColumn(
                name: "Form",
                table: "TermCounts");
        }
    }
}
