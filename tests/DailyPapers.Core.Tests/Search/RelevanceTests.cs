using System.Data.Common;
using System.Globalization;
using System.Text;
using DailyPapers.Core.Search;
using DailyPapers.Core.Tests.Ingestion;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Search;

/// <summary>
/// Relevance inside a tier is the app's BM25F, the same on both providers: its arithmetic by hand, the archive figures
/// an ingest keeps, and an archive whose BM25F order differs from FTS5's own bm25 and from newest first.
/// </summary>
public sealed class RelevanceTests
{
    private static readonly Relevance.Phrase Capybara = new(["capybara"], Prefix: false);

    [Fact]
    public void A_paper_scores_its_weighted_length_normalised_frequencies_saturated()
    {
        // Every field as long as the archive's average, so each counts its weight: title 10 + summary 1 = 11.
        var paper = new Relevance.Fields("A Capybara", "capybara word", "Ann Lee");
        var archive = new Relevance.Archive(Papers: 100, Title: 2, Summary: 2, Authors: 2);

        var scorer = new Relevance.Scorer([Capybara], [1.0], archive);
        var score = scorer.Of(paper);

        score.All.Should().BeApproximately(11 * 2.2 / (1.2 + 11), 1e-12);
        score.Title.Should().BeApproximately(10 * 2.2 / (1.2 + 10), 1e-12);
        scorer.Title(paper.Title).Should().Be(score.Title, "the title tiers are ordered from the title alone");
    }

    [Fact]
    public void A_longer_field_than_the_average_counts_for_less()
    {
        var scorer = new Relevance.Scorer([Capybara], [1.0], new Relevance.Archive(100, Title: 4, Summary: 10, Authors: 2));

        var shortSummary = scorer.Of(new("Study", "capybara", ""));
        var longSummary = scorer.Of(new("Study", "capybara " + string.Join(' ', Enumerable.Repeat("word", 29)), ""));

        // b = 0.75: 1 / (0.25 + 0.75 · 1/10) against 1 / (0.25 + 0.75 · 30/10).
        shortSummary.All.Should().BeApproximately(Saturated(1 / 0.325), 1e-12);
        longSummary.All.Should().BeApproximately(Saturated(1 / 2.5), 1e-12);
        shortSummary.Title.Should().Be(0);
    }

    [Fact]
    public void Each_phrase_weighs_by_how_few_papers_hold_it()
    {
        Relevance.Weight(1000, 10).Should().BeApproximately(Math.Log(1 + (990.5 / 10.5)), 1e-12);
        Relevance.Weight(1000, 10).Should().BeGreaterThan(Relevance.Weight(1000, 500));
        Relevance.Weight(1000, 1000).Should().BePositive("a phrase every paper holds still counts a little");
        Relevance.Weight(10, 50).Should().Be(Relevance.Weight(50, 50), "a count past the archive's size is the archive's size");

        var archive = new Relevance.Archive(1000, 2, 2, 2);
        var rare = new Relevance.Phrase(["wombat"], false);
        var both = new Relevance.Scorer([Capybara, rare], [Relevance.Weight(1000, 500), Relevance.Weight(1000, 10)], archive).Of(new("Wombat Capybara", "", ""));
        both.All.Should().BeApproximately((Relevance.Weight(1000, 500) + Relevance.Weight(1000, 10)) * Saturated(10), 1e-12);
    }

    [Theory]
    [InlineData("diffusion models; video diffusion model, diffusion-based modeling", "diffusion model", false, 1)]
    [InlineData("diffusion models; video diffusion model, diffusion-based modeling", "diffusion model", true, 2)]
    [InlineData("Stable Diffusion과 StableDiffusion", "diffusion", false, 2)]
    [InlineData("비디오 생성 모델과 비디오를", "비디오", false, 2)]
    [InlineData("LLaMA-3, Llama 3 and llama3", "llama3", false, 3)]
    [InlineData("Kölle und KOLLE", "kolle", false, 2)]
    public void A_phrase_is_counted_where_its_words_follow_each_other_as_the_index_cut_them(string text, string phrase, bool prefix, int expected)
    {
        var tokens = SearchText.QueryTokens(phrase);
        var asked = new Relevance.Phrase([.. SearchVector.Words(tokens)], prefix);

        Relevance.Occurrences(new IndexWords().Cut(text), asked).Should().Be(expected);
    }

    [Fact]
    public void An_ingest_keeps_the_average_field_lengths_of_the_newest_papers_and_the_paper_count()
    {
        using var folder = new IngestFolder().WithSeeds();
        folder.Ingest();
        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();

        var (archive, _) = RelevanceStore.Statistics(connection, IndexSyntax.Sqlite, []);
        var ids = new List<int>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id FROM Papers";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        ids.Should().HaveCountLessThan(RelevanceStore.Sample, "the seeds are all sampled");
        archive.Should().Be(Relevance.Archive.Of(RelevanceStore.Texts(connection, ids).Values) with { Papers = ids.Count });
        archive.Summary.Should().BeGreaterThan(archive.Authors).And.BeGreaterThan(archive.Title);

        // Until an ingest keeps them (a database from before), the averages are sampled when a search needs them.
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM Meta WHERE Key = 'SearchFieldLengths'";
            command.ExecuteNonQuery().Should().Be(1);
        }

        RelevanceStore.Statistics(connection, IndexSyntax.Sqlite, []).Archive.Should().Be(archive);
        folder.Ingest().DataChanged.Should().BeTrue("the next ingest keeps them, though no file changed");
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COUNT(*) FROM Meta WHERE Key = 'SearchFieldLengths'";
            command.ExecuteScalar().Should().Be(1L);
        }

        folder.Ingest().DataChanged.Should().BeFalse("then nothing is owed");
    }

    /// <summary>
    /// Four papers none of whose titles holds "capybara", so all are one tier, listed so that their ids (newest first:
    /// Delta, Gamma, Beta, Alpha) follow no score. BM25F (field averages: title 2, authors 2, summary 227.5 words) gives
    /// Alpha (once in 10 summary words) 1.64, Delta (once among 2 author words, weighing 3) 1.57, Beta (twice in 200)
    /// 1.42, Gamma (once in 100) 1.30. FTS5's bm25 normalises by the whole row's length and puts Delta, with its 600
    /// summary words, last; PostgreSQL's ts_rank ignores length and puts Delta first.
    /// </summary>
    internal static void WriteKnownOrder(IngestFolder folder)
    {
        static string Words(int count) => string.Join(' ', Enumerable.Repeat("word", count));
        var papers = new (string Title, string Authors, string Summary)[]
        {
            ("Beta Study", "Bo Kim", "capybara capybara " + Words(198)),
            ("Alpha Study", "Ann Lee", "capybara " + Words(9)),
            ("Gamma Study", "Cy Ng", "capybara " + Words(99)),
            ("Delta Study", "Capybara Smith", Words(600)),
        };
        var digest = new StringBuilder("## Daily Papers (2024-05-01)\n\n");
        foreach (var (paper, i) in papers.Select((p, i) => (p, i)))
        {
            digest.Append(CultureInfo.InvariantCulture, $"### [{paper.Title}](https://arxiv.org/abs/2405.0000{i + 1})\n\nAuthors: {paper.Authors}\n\n- {paper.Summary}\n\n");
        }

        folder.Write("2024-05-01.md", digest.ToString());
    }

    /// <summary>The arXiv ids of <see cref="WriteKnownOrder"/>'s papers in BM25F order: Alpha, Delta, Beta, Gamma.</summary>
    internal static readonly string[] KnownOrder = ["2405.00002", "2405.00004", "2405.00001", "2405.00003"];

    [Fact]
    public void Papers_rank_by_BM25F_not_by_the_indexs_own_score()
    {
        using var folder = new IngestFolder();
        WriteKnownOrder(folder);
        folder.Ingest();
        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();

        var ranked = ArxivIds(connection, PaperSearch.Find(connection, PaperSearch.Terms("capybara"), new SearchFilter(), SearchSort.Relevance, 0, 10).PaperIds);

        ranked.Should().Equal(KnownOrder);
        var bm25 = ArxivIds(connection, Ids(connection, $"SELECT rowid FROM {SearchIndex.Table} WHERE {SearchIndex.Table} MATCH 'capybara' ORDER BY bm25({SearchIndex.Table}, 10.0, 1.0, 3.0)"));
        bm25.Should().Equal(["2405.00002", "2405.00001", "2405.00003", "2405.00004"], "FTS5's own score orders them otherwise, or this archive would not tell the two apart");
    }

    [Fact]
    public void Titles_order_their_tier_and_the_rest_of_the_paper_breaks_their_ties_page_by_page()
    {
        using var folder = new IngestFolder();
        var papers = new (string Title, string Summary)[]
        {
            ("Capybara Alpha", "word word"),
            ("Capybara Beta", "capybara capybara word"),
            ("Capybara", "word"),
            ("Capybara Gamma", "capybara word word word"),
        };
        folder.Write("2024-05-01.md", "## Daily Papers (2024-05-01)\n\n" + string.Concat(papers.Select((p, i) =>
            $"### [{p.Title}](https://arxiv.org/abs/2405.0000{i + 1})\n\n- {p.Summary}\n\n")));
        folder.Ingest();
        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();
        List<string> Page(int offset, int limit) =>
            ArxivIds(connection, PaperSearch.Find(connection, PaperSearch.Terms("capybara"), new SearchFilter(), SearchSort.Relevance, offset, limit).PaperIds);

        // The shortest title first; the three two-word titles tie, and their summaries decide: twice, once, never.
        Page(0, 10).Should().Equal("2405.00003", "2405.00002", "2405.00004", "2405.00001");
        Page(0, 2).Concat(Page(2, 2)).Should().Equal(Page(0, 10));
        Page(1, 1).Should().Equal("2405.00002");
    }

    internal static List<int> Ids(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var ids = new List<int>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    internal static List<string> ArxivIds(DbConnection connection, IEnumerable<int> ids) => [.. ids.Select(id => Arxiv(connection, id))];

    private static string Arxiv(DbConnection connection, int id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT ArxivId FROM Papers WHERE Id = {id.ToString(CultureInfo.InvariantCulture)}";
        return (string)command.ExecuteScalar()!;
    }

    private static double Saturated(double frequency) => frequency * 2.2 / (1.2 + frequency);
}
