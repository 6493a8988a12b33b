using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LibraryFollows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "seenthrough",
                table: "libraries",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "visitedthrough",
                table: "libraries",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "libraryfollows",
                columns: table => new
                {
                    libraryid = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    value = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    followedutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_libraryfollows", x => new { x.libraryid, x.kind, x.value });
                    table.ForeignKey(
                        name: "FK_libraryfollows_libraries_libraryid",
                        column: x => x.libraryid,
                        principalTable: "libraries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "libraryfollows");

            migrationBuilder.DropColumn(
                name: "seenthrough",
                table: "libraries");

            migrationBuilder.DropColumn(
                name: "visitedthrough",
                table: "libraries");
        }
    }
}
