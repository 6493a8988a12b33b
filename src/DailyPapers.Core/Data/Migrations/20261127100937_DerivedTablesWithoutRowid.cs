using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Core.Data.Migrations
{
    /// <summary>
    /// Stores TermCounts and SimilarityPostings as SQLite WITHOUT ROWID tables: each is its primary key's own b-tree,
    /// where a rowid table keeps the rows and a copy of the key in a second b-tree. Both tables are only ever reached by
    /// their key (or, for postings, the term index), hold small rows, and are written in bulk at every ingest: one
    /// b-tree to write instead of two, and about a third less space. EF Core's model cannot say WITHOUT ROWID, so the
    /// model is unchanged and this migration rewrites the tables in SQL, rows kept, in its one transaction;
    /// <c>MigrationTests</c> checks that a migrated database has them so (an EF table rebuild would silently drop it).
    /// </summary>
    public partial class DerivedTablesWithoutRowid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rewrite(migrationBuilder, " WITHOUT ROWID");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rewrite(migrationBuilder, "");

        private static void Rewrite(MigrationBuilder migrationBuilder, string options)
        {
            migrationBuilder.Sql($"""
                CREATE TABLE "TermCounts_rewritten" (
                    "Term" TEXT NOT NULL,
                    "Period" INTEGER NOT NULL,
                    "Start" TEXT NOT NULL,
                    "PaperCount" INTEGER NOT NULL,
                    CONSTRAINT "PK_TermCounts" PRIMARY KEY ("Period", "Start", "Term")
                ){options};
                INSERT INTO "TermCounts_rewritten" ("Term", "Period", "Start", "PaperCount")
                SELECT "Term", "Period", "Start", "PaperCount" FROM "TermCounts" ORDER BY "Period", "Start", "Term";
                DROP TABLE "TermCounts";
                ALTER TABLE "TermCounts_rewritten" RENAME TO "TermCounts";
                """);
            migrationBuilder.Sql($"""
                CREATE TABLE "SimilarityPostings_rewritten" (
                    "Term" TEXT NOT NULL,
                    "PaperId" INTEGER NOT NULL,
                    "Weight" REAL NOT NULL,
                    CONSTRAINT "PK_SimilarityPostings" PRIMARY KEY ("PaperId", "Term")
                ){options};
                INSERT INTO "SimilarityPostings_rewritten" ("Term", "PaperId", "Weight")
                SELECT "Term", "PaperId", "Weight" FROM "SimilarityPostings" ORDER BY "PaperId", "Term";
                DROP TABLE "SimilarityPostings";
                ALTER TABLE "SimilarityPostings_rewritten" RENAME TO "SimilarityPostings";
                CREATE INDEX "IX_SimilarityPostings_Term_Weight_PaperId" ON "SimilarityPostings" ("Term", "Weight" DESC, "PaperId");
                """);
        }
    }
}
