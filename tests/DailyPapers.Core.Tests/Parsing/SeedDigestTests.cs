using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

public sealed class SeedDigestTests
{
    private static ParsedDigest ParseSeed(string date) =>
        DigestParser.Parse(File.ReadAllText(Path.Combine(TestPaths.SeedData, date + ".md")), date + ".md");

    private static ParsedPaper Paper(string date, string arxivId) =>
        ParseSeed(date).Days.Single().Papers.Single(p => p.ArxivId.Value == arxivId);

    [Fact]
    public void Seeds_hold_65_papers_on_5_days()
    {
        var digests = Directory.GetFiles(TestPaths.SeedData, "*.md")
            .Select(f => DigestParser.Parse(File.ReadAllText(f), Path.GetFileName(f)))
            .ToList();

        digests.SelectMany(d => d.Days).Select(d => d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeEquivalentTo(["2023-12-08", "2024-01-17", "2024-01-19", "2024-02-06", "2024-04-02"]);
        digests.SelectMany(d => d.Days).Sum(d => d.Papers.Count).Should().Be(65);
        digests.SelectMany(d => d.Diagnostics).Where(d => d.Severity == Severity.Error).Should().BeEmpty();
    }

    [Fact]
    public void Day_heading_gives_the_date_and_papers_keep_digest_order()
    {
        var day = ParseSeed("2024-01-17").Days.Single();

        day.Date.Should().Be(new DateOnly(2024, 1, 17));
        day.Line.Should().Be(1);
        day.Papers.Select(p => p.Votes).Should().Equal(21, 17, 12, 11, 8, 8, 7, 7, 2);
        day.Papers.Select(p => p.Position).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9);
        day.Papers[0].ArxivId.Value.Should().Be("2401.08541");
        day.NotesMarkdown.Should().BeNull();
    }

    [Fact]
    public void Author_lists_keep_each_person_once_in_first_seen_order()
    {
        var paper = Paper("2024-01-17", "2401.08541");

        paper.Authors.Should().HaveCount(8);
        paper.Authors.Should().OnlyHaveUniqueItems();
        paper.AuthorsTruncated.Should().BeFalse();
    }

    [Fact]
    public void A_plus_marker_truncates_the_author_list_and_is_not_an_author()
    {
        var aurora = ParseSeed("2024-04-02").Days.Single().Papers.Single(p => p.Title.StartsWith("Aurora-M", StringComparison.Ordinal));

        aurora.AuthorsTruncated.Should().BeTrue();
        aurora.Authors.Should().NotContain(a => a.Contains('+', StringComparison.Ordinal));
        aurora.Authors.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Thumbnails_and_videos_become_data_and_leave_the_summary()
    {
        var day = ParseSeed("2024-02-06").Days.Single();
        var withVideo = day.Papers.Single(p => p.ArxivId.Value == "2402.03286");
        var withImage = day.Papers.Single(p => p.ArxivId.Value == "2402.03300");

        withVideo.VideoUrl.Should().Be("https://cdn-uploads.huggingface.co/production/uploads/60f1abe7544c2adfd699860c/WuqBtMvZE5Y_iIk5b8d_r.mp4");
        withVideo.ThumbnailUrl.Should().BeNull();
        withVideo.SummaryMarkdown.Should().NotContain("<video").And.NotContain("Watch Video").And.StartWith("- 자연어를");
        withImage.ThumbnailUrl.Should().Be("https://cdn-uploads.huggingface.co/production/uploads/60f1abe7544c2adfd699860c/hj34x64Rwwu65IWHLS4eX.png");
        withImage.Votes.Should().Be(35);
        withImage.SummaryMarkdown.Should().NotContain("Vote:").And.NotContain("Authors:").And.NotContain("![](");
    }

    [Fact]
    public void Title_is_the_literal_link_text()
    {
        var paper = Paper("2024-02-06", "2402.03300");

        paper.Title.Should().Be("DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open Language Models");
        paper.Line.Should().Be(3);
    }
}
