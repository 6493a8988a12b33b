using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Core.Data;

/// <summary>The app's tables. SQLite uses this class; PostgreSQL uses <see cref="PostgresPapersDbContext"/>, which keeps its own migrations.</summary>
public class PapersDbContext : DbContext
{
    public PapersDbContext(DbContextOptions<PapersDbContext> options)
        : base(options)
    {
    }

    protected PapersDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<SourceFile> SourceFiles => Set<SourceFile>();

    public DbSet<Day> Days => Set<Day>();

    public DbSet<Paper> Papers => Set<Paper>();

    public DbSet<Author> Authors => Set<Author>();

    public DbSet<PaperAuthor> PaperAuthors => Set<PaperAuthor>();

    public DbSet<Appearance> Appearances => Set<Appearance>();

    public DbSet<MetaEntry> Meta => Set<MetaEntry>();

    public DbSet<Change> Changes => Set<Change>();

    public DbSet<RejectedFile> RejectedFiles => Set<RejectedFile>();

    public DbSet<SimilarPaper> SimilarPapers => Set<SimilarPaper>();

    public DbSet<TermCount> TermCounts => Set<TermCount>();

    public DbSet<PendingSimilarity> PendingSimilarity => Set<PendingSimilarity>();

    public DbSet<PendingTermCount> PendingTermCounts => Set<PendingTermCount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PapersDbContext).Assembly);
}
