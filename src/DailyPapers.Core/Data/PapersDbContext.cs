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

    public DbSet<Library> Libraries => Set<Library>();

    public DbSet<LibraryPaper> LibraryPapers => Set<LibraryPaper>();

    public DbSet<LibraryFollow> LibraryFollows => Set<LibraryFollow>();

    /// <summary>
    /// The order of every by-votes listing, the same on both providers: most votes first, then the latest listing, then
    /// the arXiv id; papers without recorded votes (the early digests) last.
    /// </summary>
    public IOrderedQueryable<Paper> ByVotes(IQueryable<Paper> papers) =>
        MostVotesFirst(papers).ThenByDescending(p => p.LatestDate).ThenBy(p => p.ArxivId);

    /// <summary>
    /// SQLite sorts NULL below every number, so its plain descending order puts papers without votes last and walks the
    /// (TopVotes, LatestDate, ArxivId) index. An explicit "no votes last" here would cost that walk (SQLite would sort
    /// the whole table); <see cref="Postgres.PostgresPapersDbContext"/>, whose NULLs sort first, says it instead.
    /// </summary>
    private protected virtual IOrderedQueryable<Paper> MostVotesFirst(IQueryable<Paper> papers) => papers.OrderByDescending(p => p.TopVotes);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PapersDbContext).Assembly);
}
