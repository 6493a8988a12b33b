using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search index is not part of the EF model; SearchIndex fills it and PaperSearch reads it.
            migrationBuilder.Sql(DailyPapers.Core.Search.SearchIndex.PostgresCreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DailyPapers.Core.Search.SearchIndex.PostgresDropSql);
        }
    }
}
