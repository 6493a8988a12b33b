using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DailyPapers.Core.Data.Migrations;

/// <summary>
/// The FTS5 search table. It is not part of the EF model; Search/SearchIndex fills it and Search/PaperSearch reads it.
/// The SQL is frozen here as it was when the migration was written: a later change to the index is a new migration.
/// </summary>
[DbContext(typeof(PapersDbContext))]
[Migration("20261121010000_SearchIndex")]
public sealed class SearchIndexMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS SearchWords USING fts5(title, summary, authors, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TABLE IF EXISTS SearchWords;");
}
