using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TitleHtml : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TitleHtml",
                table: "Papers",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TitleHtml",
                table: "Appearances",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Until the next ingest reads every file again (the parser version changed), titles show as escaped text.
            migrationBuilder.Sql("""
                UPDATE Papers SET TitleHtml = replace(replace(replace(replace(Title, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;');
                UPDATE Appearances SET TitleHtml = replace(replace(replace(replace(Title, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TitleHtml",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "TitleHtml",
                table: "Appearances");
        }
    }
}
