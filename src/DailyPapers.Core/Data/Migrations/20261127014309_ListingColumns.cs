using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LatestDate",
                table: "Papers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TopVotes",
                table: "Papers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PaperCount",
                table: "Days",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PaperCount",
                table: "Authors",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Papers_TopVotes_LatestDate_ArxivId",
                table: "Papers",
                columns: new[] { "TopVotes", "LatestDate", "ArxivId" },
                descending: new[] { true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Authors_FoldedName",
                table: "Authors",
                column: "FoldedName");

            migrationBuilder.CreateIndex(
                name: "IX_Authors_PaperCount_Name",
                table: "Authors",
                columns: new[] { "PaperCount", "Name" },
                descending: new[] { true, false });

            // Fill the new columns of a database made before them; from now on the importer keeps them.
            migrationBuilder.Sql("""
                UPDATE Days SET PaperCount = (SELECT COUNT(*) FROM Appearances a WHERE a.DayId = Days.Id);
                UPDATE Authors SET PaperCount = (SELECT COUNT(*) FROM PaperAuthors pa WHERE pa.AuthorId = Authors.Id);
                UPDATE Papers SET
                    LatestDate = (SELECT MAX(d.Date) FROM Appearances a JOIN Days d ON d.Id = a.DayId WHERE a.PaperId = Papers.Id),
                    TopVotes = (SELECT MAX(a.Votes) FROM Appearances a WHERE a.PaperId = Papers.Id);
                INSERT INTO Meta (Key, Value) SELECT 'PaperCount', COUNT(*) FROM Papers WHERE true ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value;
                INSERT INTO Meta (Key, Value) SELECT 'AuthorCount', COUNT(*) FROM Authors WHERE true ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value;
                """);
            // Author names by any part of them (Search/AuthorIndex), filled from the authors stored so far.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IF NOT EXISTS AuthorTrigrams USING fts5(name, content='', contentless_delete=1, tokenize='trigram');");
            migrationBuilder.Sql("INSERT INTO AuthorTrigrams (rowid, name) SELECT Id, FoldedName FROM Authors;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS AuthorTrigrams;");

            migrationBuilder.DropIndex(
                name: "IX_Papers_TopVotes_LatestDate_ArxivId",
                table: "Papers");

            migrationBuilder.DropIndex(
                name: "IX_Authors_FoldedName",
                table: "Authors");

            migrationBuilder.DropIndex(
                name: "IX_Authors_PaperCount_Name",
                table: "Authors");

            migrationBuilder.DropColumn(
                name: "LatestDate",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "TopVotes",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "PaperCount",
                table: "Days");

            migrationBuilder.DropColumn(
                name: "PaperCount",
                table: "Authors");
        }
    }
}
