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
            // PostgreSQL has no fts5vocab: the same vocabulary (each indexed word and how many papers hold it, columns
            // named as fts5vocab names them) is a table, filled here from the words indexed so far.
            migrationBuilder.Sql("""
                CREATE TABLE SearchVocabulary (term text COLLATE "C" PRIMARY KEY, doc bigint NOT NULL);
                INSERT INTO SearchVocabulary (term, doc) SELECT w.word, COUNT(*) FROM SearchWords s, unnest(tsvector_to_array(s.Words)) AS w(word) GROUP BY w.word;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchVocabulary;");
        }
    }
}
