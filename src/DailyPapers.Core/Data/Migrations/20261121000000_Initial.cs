using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DailyPapers.Core.Data.Migrations;

// Written by hand in the shape `dotnet ef migrations add` produces: the EF design-time package cannot be restored here.
// PapersDbContextModelSnapshot is kept in step, and a test checks that the model has no pending changes.
[DbContext(typeof(PapersDbContext))]
[Migration("20261121000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Authors",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Key = table.Column<string>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                FoldedName = table.Column<string>(type: "TEXT", nullable: false),
                Slug = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Authors", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Meta",
            columns: table => new
            {
                Key = table.Column<string>(type: "TEXT", nullable: false),
                Value = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Meta", x => x.Key));

        migrationBuilder.CreateTable(
            name: "SourceFiles",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Path = table.Column<string>(type: "TEXT", nullable: false),
                ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                Length = table.Column<long>(type: "INTEGER", nullable: false),
                LastWriteUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                IngestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                HasErrors = table.Column<bool>(type: "INTEGER", nullable: false),
                Warnings = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_SourceFiles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Days",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                SourceFileId = table.Column<int>(type: "INTEGER", nullable: false),
                Line = table.Column<int>(type: "INTEGER", nullable: false),
                NotesMarkdown = table.Column<string>(type: "TEXT", nullable: true),
                NotesHtml = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Days", x => x.Id);
                table.ForeignKey("FK_Days_SourceFiles_SourceFileId", x => x.SourceFileId, "SourceFiles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Papers",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ArxivId = table.Column<string>(type: "TEXT", nullable: false),
                ArxivVersion = table.Column<int>(type: "INTEGER", nullable: true),
                Title = table.Column<string>(type: "TEXT", nullable: false),
                ThumbnailUrl = table.Column<string>(type: "TEXT", nullable: true),
                VideoUrl = table.Column<string>(type: "TEXT", nullable: true),
                VideoPosterUrl = table.Column<string>(type: "TEXT", nullable: true),
                SummaryMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                SummaryHtml = table.Column<string>(type: "TEXT", nullable: false),
                AuthorsTruncated = table.Column<bool>(type: "INTEGER", nullable: false),
                ContentDayId = table.Column<int>(type: "INTEGER", nullable: true),
                Line = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Papers", x => x.Id);
                table.ForeignKey("FK_Papers_Days_ContentDayId", x => x.ContentDayId, "Days", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "Appearances",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                DayId = table.Column<int>(type: "INTEGER", nullable: false),
                PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                Rank = table.Column<int>(type: "INTEGER", nullable: false),
                Votes = table.Column<int>(type: "INTEGER", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Appearances", x => x.Id);
                table.ForeignKey("FK_Appearances_Days_DayId", x => x.DayId, "Days", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Appearances_Papers_PaperId", x => x.PaperId, "Papers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PaperAuthors",
            columns: table => new
            {
                PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                Position = table.Column<int>(type: "INTEGER", nullable: false),
                AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PaperAuthors", x => new { x.PaperId, x.Position });
                table.ForeignKey("FK_PaperAuthors_Authors_AuthorId", x => x.AuthorId, "Authors", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PaperAuthors_Papers_PaperId", x => x.PaperId, "Papers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_Appearances_DayId_PaperId", table: "Appearances", columns: ["DayId", "PaperId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Appearances_PaperId", table: "Appearances", column: "PaperId");
        migrationBuilder.CreateIndex(name: "IX_Authors_Key", table: "Authors", column: "Key", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Authors_Slug", table: "Authors", column: "Slug", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Days_Date", table: "Days", column: "Date", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Days_SourceFileId", table: "Days", column: "SourceFileId");
        migrationBuilder.CreateIndex(name: "IX_PaperAuthors_AuthorId", table: "PaperAuthors", column: "AuthorId");
        migrationBuilder.CreateIndex(name: "IX_Papers_ArxivId", table: "Papers", column: "ArxivId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Papers_ContentDayId", table: "Papers", column: "ContentDayId");
        migrationBuilder.CreateIndex(name: "IX_SourceFiles_Path", table: "SourceFiles", column: "Path", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Appearances");
        migrationBuilder.DropTable(name: "PaperAuthors");
        migrationBuilder.DropTable(name: "Meta");
        migrationBuilder.DropTable(name: "Authors");
        migrationBuilder.DropTable(name: "Papers");
        migrationBuilder.DropTable(name: "Days");
        migrationBuilder.DropTable(name: "SourceFiles");
    }
}
