using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingsAsWritten : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Rank",
                table: "Appearances",
                newName: "Position");

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "PaperAuthors",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ArxivVersion",
                table: "Appearances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Authors",
                table: "Appearances",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "AuthorsTruncated",
                table: "Appearances",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Line",
                table: "Appearances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SummaryHtml",
                table: "Appearances",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SummaryMarkdown",
                table: "Appearances",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ThumbnailUrl",
                table: "Appearances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Appearances",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "VideoPosterUrl",
                table: "Appearances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VideoUrl",
                table: "Appearances",
                type: "TEXT",
                nullable: true);

            // Rows stored before: each listing takes its paper's content until the next ingest reads every file again
            // (the parser version changed with this migration).
            migrationBuilder.Sql("""
                UPDATE PaperAuthors SET Name = (SELECT a.Name FROM Authors a WHERE a.Id = PaperAuthors.AuthorId);
                UPDATE Appearances SET
                    ArxivVersion = p.ArxivVersion, Title = p.Title, ThumbnailUrl = p.ThumbnailUrl, VideoUrl = p.VideoUrl, VideoPosterUrl = p.VideoPosterUrl,
                    SummaryMarkdown = p.SummaryMarkdown, SummaryHtml = p.SummaryHtml, AuthorsTruncated = p.AuthorsTruncated, Line = p.Line
                FROM Papers p WHERE p.Id = Appearances.PaperId;
                UPDATE Appearances SET Authors = (
                    SELECT json_group_array(Name) FROM (SELECT pa.Name FROM PaperAuthors pa WHERE pa.PaperId = Appearances.PaperId ORDER BY pa.Position));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Name",
                table: "PaperAuthors");

            migrationBuilder.DropColumn(
                name: "ArxivVersion",
                table: "Appearances");

            migrationBuilder.DropColumn(
                name: "Authors",
                table: "Appearances");

            migrationBuilder.DropColumn(
                name: "AuthorsTruncated",
                table: "Appearances");

            migrationBuilder.DropColumn(
                name: "Line",
                table: "Appearances");

            migrationBuilder.DropColumn(
                name: "SummaryHtml",
                table: "Appearances");

            migrationBuilder.DropColumn(
                name: "SummaryMarkdown",
                table: "Appearances");

            migrationBuilder.DropColumn(
                name: "ThumbnailUrl",
                table: "Appearances");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Appearances");

            migrationBuilder.DropColumn(
                name: "VideoPosterUrl",
                table: "Appearances");

            migrationBuilder.DropColumn(
                name: "VideoUrl",
                table: "Appearances");

            migrationBuilder.RenameColumn(
                name: "Position",
                table: "Appearances",
                newName: "Rank");
        }
    }
}
