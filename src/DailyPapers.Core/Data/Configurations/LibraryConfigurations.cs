using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DailyPapers.Core.Data.Configurations;

internal sealed class LibraryConfiguration : IEntityTypeConfiguration<Library>
{
    public void Configure(EntityTypeBuilder<Library> builder)
    {
        builder.ToTable("Libraries");
        builder.HasIndex(l => l.KeyHash).IsUnique();
        builder.Property(l => l.KeyHash).HasMaxLength(32);
        builder.HasMany(l => l.Papers).WithOne(p => p.Library).HasForeignKey(p => p.LibraryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Follows).WithOne(f => f.Library).HasForeignKey(f => f.LibraryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LibraryFollowConfiguration : IEntityTypeConfiguration<LibraryFollow>
{
    public void Configure(EntityTypeBuilder<LibraryFollow> builder)
    {
        builder.ToTable("LibraryFollows");
        builder.HasKey(f => new { f.LibraryId, f.Kind, f.Value });
        builder.Property(f => f.Kind).HasMaxLength(16);
        builder.Property(f => f.Value).HasMaxLength(400);
    }
}

internal sealed class LibraryPaperConfiguration : IEntityTypeConfiguration<LibraryPaper>
{
    public void Configure(EntityTypeBuilder<LibraryPaper> builder)
    {
        builder.ToTable("LibraryPapers");
        // A library's papers by id: one lookup to save or remove, one range to list. No key into Papers (see LibraryPaper).
        builder.HasKey(p => new { p.LibraryId, p.ArxivId });
        builder.Property(p => p.ArxivId).HasMaxLength(64);
        builder.Property(p => p.Tags).HasMaxLength(1000);
        builder.Property(p => p.Note).HasMaxLength(4000);
    }
}
