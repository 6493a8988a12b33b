using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DailyPapers.Core.Data.Configurations;

internal sealed class SourceFileConfiguration : IEntityTypeConfiguration<SourceFile>
{
    public void Configure(EntityTypeBuilder<SourceFile> builder)
    {
        builder.ToTable("SourceFiles");
        builder.HasIndex(f => f.Path).IsUnique();
        builder.HasMany(f => f.Days).WithOne(d => d.SourceFile).HasForeignKey(d => d.SourceFileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DayConfiguration : IEntityTypeConfiguration<Day>
{
    public void Configure(EntityTypeBuilder<Day> builder)
    {
        builder.ToTable("Days");
        builder.HasIndex(d => d.Date).IsUnique();
        builder.HasIndex(d => d.SourceFileId);
        builder.HasMany(d => d.Appearances).WithOne(a => a.Day).HasForeignKey(a => a.DayId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaperConfiguration : IEntityTypeConfiguration<Paper>
{
    /// <summary>The index of the papers whose summaries name code or a project page.</summary>
    public const string WithCodeIndex = "IX_Papers_WithCode";

    public void Configure(EntityTypeBuilder<Paper> builder)
    {
        builder.ToTable("Papers");
        builder.HasIndex(p => p.ArxivId).IsUnique();
        builder.HasIndex(p => p.ContentDayId);
        // The all-time ranking walks this index from the top instead of sorting every paper.
        builder.HasIndex(p => new { p.TopVotes, p.LatestDate, p.ArxivId }).IsDescending(true, true, false);
        // An author's totals read each of their papers' votes and date: from this index, not from the paper's row, whose
        // summaries come before those columns and spill onto overflow pages (Ingestion/ListingTotals, SqlDialect.IndexedBy).
        builder.HasIndex(p => new { p.Id, p.TopVotes, p.LatestDate });
        // The papers with code links, for search's "with code" filter: whether a match has any is one lookup in this
        // small index, never a read of its row past the summaries (Search/PaperSearch, SqlDialect.IndexedBy).
        builder.HasIndex(p => p.Id, WithCodeIndex).HasFilter("CodeUrls IS NOT NULL");
        builder.HasOne(p => p.ContentDay).WithMany().HasForeignKey(p => p.ContentDayId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Appearances).WithOne(a => a.Paper).HasForeignKey(a => a.PaperId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Authors).WithOne(a => a.Paper).HasForeignKey(a => a.PaperId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.ToTable("Authors");
        builder.HasIndex(a => a.Key).IsUnique();
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => new { a.PaperCount, a.Name }).IsDescending(true, false);
        // Short author queries match names by their start; longer ones use the trigram index (Search/AuthorIndex).
        builder.HasIndex(a => a.FoldedName);
        builder.HasMany(a => a.Papers).WithOne(p => p.Author).HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaperAuthorConfiguration : IEntityTypeConfiguration<PaperAuthor>
{
    public void Configure(EntityTypeBuilder<PaperAuthor> builder)
    {
        builder.ToTable("PaperAuthors");
        builder.HasKey(pa => new { pa.PaperId, pa.Position });
        // An author's papers and the spelling on each, read from the index alone (Ingestion/ListingTotals).
        builder.HasIndex(pa => new { pa.AuthorId, pa.PaperId, pa.Name });
    }
}

internal sealed class AppearanceConfiguration : IEntityTypeConfiguration<Appearance>
{
    public void Configure(EntityTypeBuilder<Appearance> builder)
    {
        builder.ToTable("Appearances");
        builder.HasIndex(a => new { a.DayId, a.PaperId }).IsUnique();
        // With the day: a paper's listings and their days are read from the index alone (trend charts count thousands).
        builder.HasIndex(a => new { a.PaperId, a.DayId });
    }
}

internal sealed class MetaEntryConfiguration : IEntityTypeConfiguration<MetaEntry>
{
    public void Configure(EntityTypeBuilder<MetaEntry> builder)
    {
        builder.ToTable("Meta");
        builder.HasKey(m => m.Key);
    }
}

internal sealed class RejectedFileConfiguration : IEntityTypeConfiguration<RejectedFile>
{
    public void Configure(EntityTypeBuilder<RejectedFile> builder)
    {
        builder.ToTable("RejectedFiles");
        builder.HasKey(f => f.Path);
    }
}

internal sealed class ChangeConfiguration : IEntityTypeConfiguration<Change>
{
    public void Configure(EntityTypeBuilder<Change> builder)
    {
        builder.ToTable("Changes");
        // AUTOINCREMENT: ids are never reused, even after old rows are pruned, so "after id N" stays exact.
        builder.Property(c => c.Id).UseAutoincrement();
    }
}

internal sealed class SimilarPaperConfiguration : IEntityTypeConfiguration<SimilarPaper>
{
    public void Configure(EntityTypeBuilder<SimilarPaper> builder)
    {
        builder.ToTable("SimilarPapers");
        builder.HasKey(s => new { s.PaperId, s.Rank });
        // The lists that name a paper, found when it changes or goes.
        builder.HasIndex(s => s.SimilarPaperId);
    }
}

internal sealed class SimilarityDocumentConfiguration : IEntityTypeConfiguration<SimilarityDocument>
{
    public void Configure(EntityTypeBuilder<SimilarityDocument> builder)
    {
        builder.ToTable("SimilarityDocuments");
        builder.HasKey(d => d.PaperId);
        builder.Property(d => d.PaperId).ValueGeneratedNever();
    }
}

internal sealed class SimilarityTermConfiguration : IEntityTypeConfiguration<SimilarityTerm>
{
    public void Configure(EntityTypeBuilder<SimilarityTerm> builder)
    {
        builder.ToTable("SimilarityTerms");
        builder.HasKey(t => t.Term);
    }
}

internal sealed class SimilarityPostingConfiguration : IEntityTypeConfiguration<SimilarityPosting>
{
    public void Configure(EntityTypeBuilder<SimilarityPosting> builder)
    {
        builder.ToTable("SimilarityPostings");
        // Paper first: an ingest writes and drops a paper's postings together, and new papers' ids come last, so their
        // rows are appended. Candidates are gathered through the term index, each term's heaviest postings first.
        builder.HasKey(p => new { p.PaperId, p.Term });
        builder.HasIndex(p => new { p.Term, p.Weight, p.PaperId }).IsDescending(false, true, false);
    }
}

internal sealed class PendingSimilarityConfiguration : IEntityTypeConfiguration<PendingSimilarity>
{
    public void Configure(EntityTypeBuilder<PendingSimilarity> builder)
    {
        builder.ToTable("PendingSimilarity");
        builder.HasKey(p => p.PaperId);
        builder.Property(p => p.PaperId).ValueGeneratedNever();
    }
}

internal sealed class PendingTermCountConfiguration : IEntityTypeConfiguration<PendingTermCount>
{
    public void Configure(EntityTypeBuilder<PendingTermCount> builder)
    {
        builder.ToTable("PendingTermCounts");
        builder.HasKey(p => new { p.Period, p.Start });
    }
}

internal sealed class TermCountConfiguration : IEntityTypeConfiguration<TermCount>
{
    public const string CommonIndex = "IX_TermCounts_Common";

    /// <summary>The index's condition, written in a query as it is here so SQLite sees the query implies it.</summary>
    public const string CommonFilter = "Period = 2 AND Common";

    public void Configure(EntityTypeBuilder<TermCount> builder)
    {
        builder.ToTable("TermCounts");
        // Period first: an ingest writes a period's counts together, so they go in at one place of the key instead of
        // at every term's, and rising terms read a period's terms, then the same terms over the periods before, as ranges.
        builder.HasKey(t => new { t.Period, t.Start, t.Term });
        // The months each term is common in, for rising terms' stop list: a few rows a month, not every term's.
        builder.HasIndex(t => new { t.Term, t.Start }, CommonIndex).HasFilter(CommonFilter);
    }
}
