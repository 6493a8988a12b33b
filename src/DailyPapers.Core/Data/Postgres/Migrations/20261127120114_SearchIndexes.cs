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
            // The search index is not part of the EF model; SearchIndex fills it and PaperSearch reads it. One row per
            // paper, its words in a tsvector (Search/SearchVector) under a GIN index; and author names by any part of
            // them, a trigram GIN index on the folded name (pg_trgm, shipped with PostgreSQL), in place of SQLite's
            // trigram table. A paper's vector (2–4 KB) is kept compressed in the row rather than in a TOAST table: out
            // of line, the table looks tiny to the planner, which then scans it whole, fetching every vector (6.7 ms for
            // a rare word on the corpus, 0.5 ms through the index once inline).
            migrationBuilder.Sql("""
                CREATE TABLE SearchWords (PaperId integer PRIMARY KEY, Words tsvector NOT NULL) WITH (toast_tuple_target = 8160);
                ALTER TABLE SearchWords ALTER COLUMN Words SET STORAGE MAIN;
                CREATE INDEX IX_SearchWords_Words ON SearchWords USING gin (Words);
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE INDEX IX_Authors_FoldedName_Trigrams ON Authors USING gin (FoldedName gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS IX_Authors_FoldedName_Trigrams;
                DROP TABLE IF EXISTS SearchWords;
                """);
        }
    }
}
