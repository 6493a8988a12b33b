using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppearancesByPaperAndDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appearances_PaperId",
                table: "Appearances");

            migrationBuilder.CreateIndex(
                name: "IX_Appearances_PaperId_DayId",
                table: "Appearances",
                columns: new[] { "PaperId", "DayId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appearances_PaperId_DayId",
                table: "Appearances");

            migrationBuilder.CreateIndex(
                name: "IX_Appearances_PaperId",
                table: "Appearances",
                column: "PaperId");
        }
    }
}
