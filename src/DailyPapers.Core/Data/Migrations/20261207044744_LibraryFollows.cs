using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LibraryFollows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "SeenThrough",
                table: "Libraries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "VisitedThrough",
                table: "Libraries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LibraryFollows",
                columns: table => new
                {
                    LibraryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    FollowedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryFollows", x => new { x.LibraryId, x.Kind, x.Value });
                    table.ForeignKey(
                        name: "FK_LibraryFollows_Libraries_LibraryId",
                        column: x => x.LibraryId,
                        principalTable: "Libraries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LibraryFollows");

            migrationBuilder.DropColumn(
                name: "SeenThrough",
                table: "Libraries");

            migrationBuilder.DropColumn(
                name: "VisitedThrough",
                table: "Libraries");
        }
    }
}
