using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DailyPapers.Core.Data.Migrations;

[DbContext(typeof(PapersDbContext))]
internal sealed class PapersDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.0");

        modelBuilder.Entity("DailyPapers.Core.Data.Appearance", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<int>("DayId").HasColumnType("INTEGER");
            b.Property<int>("PaperId").HasColumnType("INTEGER");
            b.Property<int>("Rank").HasColumnType("INTEGER");
            b.Property<int?>("Votes").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("PaperId");
            b.HasIndex("DayId", "PaperId").IsUnique();
            b.ToTable("Appearances");
        });

        modelBuilder.Entity("DailyPapers.Core.Data.Author", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("FoldedName").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Key").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Name").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Slug").IsRequired().HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("Key").IsUnique();
            b.HasIndex("Slug").IsUnique();
            b.ToTable("Authors");
        });

        modelBuilder.Entity("DailyPapers.Core.Data.Day", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<DateOnly>("Date").HasColumnType("TEXT");
            b.Property<int>("Line").HasColumnType("INTEGER");
            b.Property<string>("NotesHtml").HasColumnType("TEXT");
            b.Property<string>("NotesMarkdown").HasColumnType("TEXT");
            b.Property<int>("SourceFileId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("Date").IsUnique();
            b.HasIndex("SourceFileId");
            b.ToTable("Days");
        });

        modelBuilder.Entity("DailyPapers.Core.Data.MetaEntry", b =>
        {
            b.Property<string>("Key").HasColumnType("TEXT");
            b.Property<string>("Value").IsRequired().HasColumnType("TEXT");
            b.HasKey("Key");
            b.ToTable("Meta");
        });

        modelBuilder.Entity("DailyPapers.Core.Data.Paper", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("ArxivId").IsRequired().HasColumnType("TEXT");
            b.Property<int?>("ArxivVersion").HasColumnType("INTEGER");
            b.Property<bool>("AuthorsTruncated").HasColumnType("INTEGER");
            b.Property<int?>("ContentDayId").HasColumnType("INTEGER");
            b.Property<int>("Line").HasColumnType("INTEGER");
            b.Property<string>("SummaryHtml").IsRequired().HasColumnType("TEXT");
            b.Property<string>("SummaryMarkdown").IsRequired().HasColumnType("TEXT");
            b.Property<string>("ThumbnailUrl").HasColumnType("TEXT");
            b.Property<string>("Title").IsRequired().HasColumnType("TEXT");
            b.Property<string>("VideoPosterUrl").HasColumnType("TEXT");
            b.Property<string>("VideoUrl").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("ArxivId").IsUnique();
            b.HasIndex("ContentDayId");
            b.ToTable("Papers");
        });

        modelBuilder.Entity("DailyPapers.Core.Data.PaperAuthor", b =>
        {
            b.Property<int>("PaperId").HasColumnType("INTEGER");
            b.Property<int>("Position").HasColumnType("INTEGER");
            b.Property<int>("AuthorId").HasColumnType("INTEGER");
            b.HasKey("PaperId", "Position");
            b.HasIndex("AuthorId");
            b.ToTable("PaperAuthors");
        });

        modelBuilder.Entity("DailyPapers.Core.Data.SourceFile", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("ContentHash").IsRequired().HasColumnType("TEXT");
            b.Property<bool>("HasErrors").HasColumnType("INTEGER");
            b.Property<DateTime>("IngestedUtc").HasColumnType("TEXT");
            b.Property<DateTime>("LastWriteUtc").HasColumnType("TEXT");
            b.Property<long>("Length").HasColumnType("INTEGER");
            b.Property<string>("Path").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Warnings").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("Path").IsUnique();
            b.ToTable("SourceFiles");
        });

        modelBuilder.Entity("DailyPapers.Core.Data.Appearance", b =>
        {
            b.HasOne("DailyPapers.Core.Data.Day", "Day").WithMany("Appearances").HasForeignKey("DayId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.HasOne("DailyPapers.Core.Data.Paper", "Paper").WithMany("Appearances").HasForeignKey("PaperId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.Navigation("Day");
            b.Navigation("Paper");
        });

        modelBuilder.Entity("DailyPapers.Core.Data.Day", b =>
        {
            b.HasOne("DailyPapers.Core.Data.SourceFile", "SourceFile").WithMany("Days").HasForeignKey("SourceFileId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.Navigation("SourceFile");
        });

        modelBuilder.Entity("DailyPapers.Core.Data.Paper", b =>
        {
            b.HasOne("DailyPapers.Core.Data.Day", "ContentDay").WithMany().HasForeignKey("ContentDayId").OnDelete(DeleteBehavior.SetNull);
            b.Navigation("ContentDay");
        });

        modelBuilder.Entity("DailyPapers.Core.Data.PaperAuthor", b =>
        {
            b.HasOne("DailyPapers.Core.Data.Author", "Author").WithMany("Papers").HasForeignKey("AuthorId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.HasOne("DailyPapers.Core.Data.Paper", "Paper").WithMany("Authors").HasForeignKey("PaperId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.Navigation("Author");
            b.Navigation("Paper");
        });

        modelBuilder.Entity("DailyPapers.Core.Data.Author", b => b.Navigation("Papers"));
        modelBuilder.Entity("DailyPapers.Core.Data.Day", b => b.Navigation("Appearances"));
        modelBuilder.Entity("DailyPapers.Core.Data.Paper", b =>
        {
            b.Navigation("Appearances");
            b.Navigation("Authors");
        });
        modelBuilder.Entity("DailyPapers.Core.Data.SourceFile", b => b.Navigation("Days"));
    }
}
