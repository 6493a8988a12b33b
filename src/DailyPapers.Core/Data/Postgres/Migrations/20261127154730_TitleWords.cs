using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TitleWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The title's words, computed from each row's vector and indexed apart, for relevance's title tiers.
            migrationBuilder.Sql(DailyPapers.Core.Search.SearchIndex.PostgresTitleWordsSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DailyPapers.Core.Search.SearchIndex.PostgresTitleWordsDropSql);
        }
    }
}
