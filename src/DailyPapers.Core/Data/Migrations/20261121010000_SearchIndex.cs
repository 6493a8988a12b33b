using DailyPapers.Core.Search;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DailyPapers.Core.Data.Migrations;

/// <summary>The FTS5 search tables. They are not part of the EF model; <see cref="SearchIndex"/> fills and queries them.</summary>
[DbContext(typeof(PapersDbContext))]
[Migration("20261121010000_SearchIndex")]
public sealed class SearchIndexMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SearchIndex.CreateSql);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SearchIndex.DropSql);
}
