using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DailyPapers.Core.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReaderLibraries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "libraries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    keyhash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    createdutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_libraries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "librarypapers",
                columns: table => new
                {
                    libraryid = table.Column<int>(type: "integer", nullable: false),
                    arxivid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    tags = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true, collation: "C"),
                    read = table.Column<bool>(type: "boolean", nullable: false),
                    savedutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_librarypapers", x => new { x.libraryid, x.arxivid });
                    table.ForeignKey(
                        name: "FK_librarypapers_libraries_libraryid",
                        column: x => x.libraryid,
                        principalTable: "libraries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_libraries_keyhash",
                table: "libraries",
                column: "keyhash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "librarypapers");

            migrationBuilder.DropTable(
                name: "libraries");
        }
    }
}
