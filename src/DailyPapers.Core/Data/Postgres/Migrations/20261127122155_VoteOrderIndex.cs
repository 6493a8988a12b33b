using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VoteOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // By-votes listings on PostgreSQL order by (TopVotes IS NULL, TopVotes DESC, LatestDate DESC, ArxivId), so
            // papers without votes come last as on SQLite (see VoteOrder); this index serves that order as the model's
            // serves SQLite's.
            migrationBuilder.Sql("CREATE INDEX IX_Papers_VoteOrder ON Papers ((TopVotes IS NULL), TopVotes DESC, LatestDate DESC, ArxivId);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS IX_Papers_VoteOrder;");
        }
    }
}
