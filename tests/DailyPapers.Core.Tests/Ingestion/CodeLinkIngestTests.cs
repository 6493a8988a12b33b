using DailyPapers.Core.Parsing;
using DailyPapers.Testing;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>
/// Each paper and each listing keeps the code and project links of its own summary; a paper shows those of the listing
/// it shows, and gets them back from a stored listing when a later one goes.
/// </summary>
public sealed class CodeLinkIngestTests(ITestOutputHelper output)
{
    private const string FirstDay = """
        ## Daily Papers (2024-05-01)

        ### [Shared Paper](https://arxiv.org/abs/2405.00001)

        Vote: 5

        Authors: Ann Lee

        - 코드는 https://github.com/lab/first에서, 프로젝트 페이지는 https://lab.github.io/first/.

        ### [No Code](https://arxiv.org/abs/2405.00002)

        Vote: 3

        Authors: Cy Park

        - 데모는 https://huggingface.co/spaces/lab/demo 에 있다.

        """;

    private const string LaterDay = """
        ## Daily Papers (2024-05-02)

        ### [Shared Paper, again](https://arxiv.org/abs/2405.00001)

        Vote: 9

        Authors: Ann Lee

        - 코드는 이제 (https://gitlab.com/lab/second) 에 있다.

        """;

    [Fact]
    public void A_paper_shows_the_links_of_its_best_listing_and_each_listing_keeps_its_own()
    {
        using var folder = new IngestFolder();
        folder.Write("2024/05/01.md", FirstDay);
        var later = folder.Write("2024/05/02.md", LaterDay);

        folder.Ingest();

        PaperLinks(folder, "2405.00001").Should().Equal(new CodeLink("https://gitlab.com/lab/second", CodeLinkKind.Code));
        PaperLinks(folder, "2405.00002").Should().BeEmpty();
        Scalar(folder, "SELECT CodeUrls FROM Papers WHERE ArxivId = '2405.00002'").Should().BeNull("a paper without links stores none");
        Scalar(folder, "SELECT a.CodeUrls FROM Appearances a JOIN Days d ON d.Id = a.DayId JOIN Papers p ON p.Id = a.PaperId WHERE p.ArxivId = '2405.00001' AND d.Date = '2024-05-01'")
            .Should().Be("""[{"url":"https://github.com/lab/first","kind":"code"},{"url":"https://lab.github.io/first/","kind":"project"}]""");

        // The later listing goes: the paper shows its first listing again, read back from what was stored of it.
        File.Delete(later);
        folder.Ingest();

        PaperLinks(folder, "2405.00001").Should().Equal(
            new CodeLink("https://github.com/lab/first", CodeLinkKind.Code), new CodeLink("https://lab.github.io/first/", CodeLinkKind.Project));
    }

    [CorpusFact]
    public void Corpus_papers_get_the_code_and_project_links_their_summaries_name()
    {
        using var folder = new IngestFolder().WithCorpus();

        folder.Ingest();

        var papers = Rows(folder, "SELECT ArxivId, CodeUrls FROM Papers WHERE CodeUrls IS NOT NULL ORDER BY ArxivId")
            .ToDictionary(r => r[0]!, r => CodeLinks.FromJson(r[1]));
        var links = papers.Values.SelectMany(l => l).ToList();
        var code = papers.Count(p => p.Value.Any(l => l.Kind == CodeLinkKind.Code));
        var project = papers.Count(p => p.Value.Any(l => l.Kind == CodeLinkKind.Project));
        output.WriteLine(
            $"{papers.Count} of {Scalar(folder, "SELECT COUNT(*) FROM Papers")} papers have code links: {code} a repository, {project} a project page; " +
            $"{links.Count} links ({links.Count(l => l.Kind == CodeLinkKind.Code)} code, {links.Count(l => l.Kind == CodeLinkKind.Project)} project)");

        papers.Should().HaveCount(360);
        (code, project).Should().Be((208, 156));
        links.Should().HaveCount(368);
        links.Should().OnlyContain(l => l.Url.StartsWith("http", StringComparison.Ordinal) && !l.Url.Contains('#', StringComparison.Ordinal));
        // Glued to Korean, in parentheses, and written without a scheme.
        papers["2312.03814"].Should().Equal(
            new CodeLink("https://github.com/facebookresearch/pearl", CodeLinkKind.Code), new CodeLink("https://pearlagent.github.io", CodeLinkKind.Project));
        papers["2405.08748"].Should().Equal(new CodeLink("https://github.com/Tencent/HunyuanDiT", CodeLinkKind.Code));
        Rows(folder, "SELECT COUNT(*) FROM Papers p JOIN Appearances a ON a.PaperId = p.Id AND a.DayId = p.ContentDayId WHERE a.CodeUrls IS NOT p.CodeUrls")
            .Single()[0].Should().Be("0", "a paper's links are those of the listing it shows");
    }

    private static IReadOnlyList<CodeLink> PaperLinks(IngestFolder folder, string arxivId) =>
        CodeLinks.FromJson(Scalar(folder, $"SELECT CodeUrls FROM Papers WHERE ArxivId = '{arxivId}'"));

    internal static string? Scalar(IngestFolder folder, string sql) => Rows(folder, sql).SingleOrDefault()?[0];

    internal static List<string?[]> Rows(IngestFolder folder, string sql)
    {
        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))]);
        }

        return rows;
    }
}
