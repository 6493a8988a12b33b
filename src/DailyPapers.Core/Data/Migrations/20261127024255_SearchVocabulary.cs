using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search index's own vocabulary, read by "did you mean" (not part of the EF model).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IF NOT EXISTS SearchVocabulary USING fts5vocab(SearchWords, 'row');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchVocabulary;");
        }
    }
}
