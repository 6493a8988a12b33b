using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // "Did you mean": the search index's vocabulary, kept by the ingest (SearchIndex.Flush; Spelling reads it).
            migrationBuilder.Sql(DailyPapers.Core.Search.Spelling.PostgresCreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DailyPapers.Core.Search.Spelling.PostgresDropSql);
        }
    }
}
