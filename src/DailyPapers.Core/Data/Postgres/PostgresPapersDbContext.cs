using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Core.Data.Postgres;

/// <summary>
/// The same model on PostgreSQL. A type of its own so EF Core keeps its migrations apart from SQLite's
/// (<c>Data/Postgres/Migrations</c>). Every table and column is named in lower case: PostgreSQL folds unquoted names to
/// lower case, so the SQL the ingest and search write without quotes (<c>SELECT Id FROM Papers</c>) names the same
/// tables on both providers. Text compares and sorts by code point (collation <c>C</c>), as SQLite's does, so every
/// ordered listing comes out the same whatever the server's default locale.
/// </summary>
public sealed class PostgresPapersDbContext(DbContextOptions<PostgresPapersDbContext> options) : PapersDbContext(options)
{
    /// <summary>
    /// PostgreSQL sorts NULL above every number: the order says where papers without votes go, and walks the index made for
    /// that order (migration VoteOrderIndex).
    /// </summary>
    private protected override IOrderedQueryable<Paper> MostVotesFirst(IQueryable<Paper> papers) =>
        papers.OrderBy(p => p.TopVotes == null).ThenByDescending(p => p.TopVotes);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetTableName(entity.GetTableName()!.ToLowerInvariant());
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(property.GetColumnName().ToLowerInvariant());
                if (property.ClrType == typeof(string))
                {
                    property.SetCollation("C");
                }
            }
        }
    }
}
