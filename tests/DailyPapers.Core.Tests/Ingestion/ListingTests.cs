using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>
/// Every listing is kept as its digest wrote it, a paper shows its best listing, and a person is one author whatever
/// the spelling, each paper keeping the spelling its listing used.
/// </summary>
public sealed class ListingTests
{
    private static string Day(string date, string title, string authors, string summary, int votes = 4, string id = "2410.09342") => $"""
        ## Daily Papers ({date})

        ### [{title}](https://arxiv.org/abs/{id})

        Vote: {votes}

        Authors: {authors}

        {summary}

        """;

    [Theory]
    [InlineData("2024-10-18", "2024-10-21")]
    [InlineData("2024-10-21", "2024-10-18")]
    public void A_listing_without_a_summary_or_authors_never_replaces_a_complete_one(string completeDate, string brokenDate)
    {
        using var folder = new IngestFolder();
        folder.Write("complete.md", Day(completeDate, "LLM$\\times$MapReduce: Simplified Long-Sequence Processing", "Zihan Zhou, Chong Li", "- 긴 문서를 나누어 처리한다."));
        folder.Write("broken.md", Day(brokenDate, "LLMtimesMapReduce", "", ""));

        folder.Ingest();

        using var db = folder.Context();
        var paper = db.Papers.Include(p => p.Authors).Single();
        paper.Title.Should().Be("LLM$\\times$MapReduce: Simplified Long-Sequence Processing");
        paper.SummaryMarkdown.Should().Be("- 긴 문서를 나누어 처리한다.");
        paper.Authors.OrderBy(a => a.Position).Select(a => a.Name).Should().Equal("Zihan Zhou", "Chong Li");
        db.Appearances.Include(a => a.Day).AsEnumerable().Select(a => $"{a.Day!.Date:yyyy-MM-dd} {a.Title}")
            .Should().BeEquivalentTo([$"{completeDate} LLM$\\times$MapReduce: Simplified Long-Sequence Processing", $"{brokenDate} LLMtimesMapReduce"], "each day keeps its listing as written");
    }

    [Theory]
    [InlineData("2024-10-18", "2024-10-21")]
    [InlineData("2024-10-21", "2024-10-18")]
    public void Of_two_complete_listings_the_later_speaks_for_the_paper_in_either_file_order(string firstFileDate, string secondFileDate)
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day(firstFileDate, $"Title of {firstFileDate}", "Ann Lee", $"- {firstFileDate} 요약."));
        folder.Write("b.md", Day(secondFileDate, $"Title of {secondFileDate}", "Ann Lee", $"- {secondFileDate} 요약."));

        folder.Ingest();

        using var db = folder.Context();
        db.Papers.Single().Title.Should().Be("Title of 2024-10-21");
    }

    [Fact]
    public void Each_listing_and_its_paper_keep_the_summary_as_plain_text_made_once_at_ingest()
    {
        using var folder = new IngestFolder();
        folder.Write("a.md", Day("2024-10-18", "Plain", "Ann Lee", "- **굵은** 요약과 [링크](https://example.org)입니다.\n- 수식 $x^2$ 도 읽습니다."));
        folder.Write("b.md", Day("2024-10-21", "Plain", "Ann Lee", "- 뒤의 *요약*."));

        folder.Ingest();

        using var db = folder.Context();
        db.Papers.Single().SummaryText.Should().Be("뒤의 요약.", "the paper shows its latest complete listing");
        db.Appearances.Include(a => a.Day).OrderBy(a => a.Day!.Date).Select(a => a.SummaryText).ToList()
            .Should().Equal("굵은 요약과 링크입니다.\n수식 x^2 도 읽습니다.", "뒤의 요약.");
    }

    [Fact]
    public void Removing_the_listing_a_paper_showed_gives_it_the_one_left_without_reading_files_again()
    {
        using var folder = new IngestFolder();
        var earlier = folder.Write("a.md", Day("2024-10-18", "Earlier Title", "Ann Lee", "- 앞."));
        var later = folder.Write("b.md", Day("2024-10-21", "Later Title", "Ann Lee, Bo Kim", "- 뒤."));
        folder.Ingest();

        // The earlier file becomes unreadable: the paper's content must come from what is stored, not from the disk.
        File.WriteAllBytes(earlier, [0xFF, 0xFE, 0x00]);
        File.Delete(later);
        folder.Ingest();

        using var db = folder.Context();
        var paper = db.Papers.Include(p => p.Authors).Single();
        paper.Title.Should().Be("Earlier Title");
        paper.Authors.Select(a => a.Name).Should().Equal("Ann Lee");
        db.Authors.Select(a => a.Name).Should().Equal("Ann Lee");
    }

    [Fact]
    public void One_author_in_several_spellings_is_one_record_and_each_paper_keeps_its_own_spelling()
    {
        using var folder = new IngestFolder();
        folder.Write("1.md", Day("2024-10-01", "One", "Yuelin Bai, Zhuoma Gongque", "- 1.", id: "2410.00001"));
        folder.Write("2.md", Day("2024-10-02", "Two", "yuelin bai, Zhuoma GongQue", "- 2.", id: "2410.00002"));
        folder.Write("3.md", Day("2024-10-03", "Three", "Yuelin Bai", "- 3.", id: "2410.00003"));
        folder.Write("4.md", Day("2024-10-04", "Four", "Zhuoma GongQue", "- 4.", id: "2410.00004"));

        folder.Ingest();

        using var db = folder.Context();
        db.Authors.OrderBy(a => a.Slug).Select(a => a.Slug + " " + a.Name + " " + a.PaperCount)
            .Should().Equal("yuelin-bai Yuelin Bai 3", "zhuoma-gongque Zhuoma GongQue 3");
        db.PaperAuthors.Where(pa => pa.Paper!.ArxivId == "2410.00002").OrderBy(pa => pa.Position).Select(pa => pa.Name)
            .Should().Equal(["yuelin bai", "Zhuoma GongQue"], "a paper shows the spelling its listing used");
        db.PaperAuthors.Where(pa => pa.Paper!.ArxivId == "2410.00001").OrderBy(pa => pa.Position).Select(pa => pa.Name)
            .Should().Equal("Yuelin Bai", "Zhuoma Gongque");
    }

    [Fact]
    public void Names_that_differ_only_by_invisible_characters_or_accents_are_one_author()
    {
        using var folder = new IngestFolder();
        folder.Write("1.md", Day("2024-10-01", "One", "Andreas Kölle, Le\u200Bni Aniva", "- 1.", id: "2410.00001"));
        folder.Write("2.md", Day("2024-10-02", "Two", "Andreas Kolle, \u202ALeni Aniva\u202C", "- 2.", id: "2410.00002"));

        folder.Ingest();

        using var db = folder.Context();
        db.Authors.Count().Should().Be(2);
        db.PaperAuthors.Select(pa => pa.Name).Should().NotContain(n => n.Any(c => c == '\u200B' || c == '\u202A' || c == '\u202C'));
    }

    [Fact]
    public void A_database_keyed_by_the_older_rule_still_finds_every_author()
    {
        using var folder = new IngestFolder();
        folder.Write("1.md", Day("2024-10-01", "One", "Andreas Kölle", "- 1.", id: "2410.00001"));
        folder.Ingest();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(folder.ConnectionString))
        {
            // Keys once kept accents: "andreas kölle".
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE Authors SET Key = 'andreas kölle'";
            command.ExecuteNonQuery();
        }

        folder.Write("2.md", Day("2024-10-02", "Two", "Andreas Kolle", "- 2.", id: "2410.00002"));
        var report = folder.Ingest();

        report.Diagnostics.Should().BeEmpty();
        using var db = folder.Context();
        db.Authors.Select(a => a.Slug + " " + a.PaperCount).Should().Equal("andreas-kolle 2");
    }
}
