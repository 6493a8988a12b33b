using DailyPapers.Core.Parsing;
using DailyPapers.Core.Search;
using DailyPapers.Core.Tests.Ingestion;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Search;

public sealed class PaperSearchTests : IDisposable
{
    private readonly IngestFolder _folder = new IngestFolder().WithSeeds();
    private readonly SqliteConnection _connection;

    public PaperSearchTests()
    {
        _folder.Ingest();
        _connection = new SqliteConnection(_folder.ConnectionString);
        _connection.Open();
    }

    private List<string> Search(string query, SearchSort sort = SearchSort.Relevance, SearchFilter? filter = null, int offset = 0, int limit = 1000)
    {
        var hits = PaperSearch.Find(_connection, PaperSearch.Terms(query), filter ?? new SearchFilter(), sort, offset, limit);
        var ids = hits.PaperIds.ToList();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT Id, ArxivId FROM Papers";
        var map = new Dictionary<int, string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                map[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        return [.. ids.Select(id => map[id])];
    }

    /// <summary>The oracle: seed papers whose title, summary or authors contain every term, compared loosely.</summary>
    private static List<string> Containing(params string[] terms) =>
    [
        .. Directory.GetFiles(TestPaths.SeedData, "*.md")
            .SelectMany(f => DigestParser.Parse(File.ReadAllText(f), f).Days.SelectMany(d => d.Papers))
            .Where(p => terms.All(t => Fold(p.Title + "\n" + p.SummaryMarkdown + "\n" + string.Join(", ", p.Authors)).Contains(Fold(t), StringComparison.Ordinal)))
            .Select(p => p.ArxivId.Value),
    ];

    private static string Fold(string text) => AuthorNames.Fold(text);

    [Theory]
    [InlineData("모델")]
    [InlineData("학습")]
    [InlineData("모델을")]
    [InlineData("언어 모델의")]
    public void Korean_queries_find_every_paper_containing_them_even_with_particles_attached(string query)
    {
        var expected = Containing(query.Split(' '));

        var found = Search(query);

        expected.Should().NotBeEmpty();
        found.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void A_two_syllable_query_finds_the_word_inside_longer_runs()
    {
        var found = Search("모델");

        found.Should().Contain(Containing("모델을")).And.Contain(Containing("모델의"));
        Containing("모델을").Should().NotBeEmpty();
        Containing("모델의").Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("diffusion video")]
    [InlineData("DIFFUSION")]
    [InlineData("language model")]
    public void English_queries_are_case_insensitive_and_need_every_word(string query)
    {
        var found = Search(query);

        found.Should().BeEquivalentTo(Containing(query.Split(' ')));
    }

    [Theory]
    [InlineData("Kolle")]
    [InlineData("kölle")]
    [InlineData("Xintao Wang")]
    public void Author_names_match_without_case_or_accents(string query)
    {
        Search(query).Should().NotBeEmpty().And.BeEquivalentTo(Containing(query.Split(' ')));
    }

    [Fact]
    public void Titles_outrank_summaries_and_phrases_outrank_scattered_words()
    {
        using var folder = new IngestFolder();
        folder.Write("d.md", """
            ## Daily Papers (2024-05-01)

            ### [Scattered: Video Models Meet Diffusion](https://arxiv.org/abs/2405.00003)

            - 요약.

            ### [Summary Phrase Only](https://arxiv.org/abs/2405.00002)

            - We study diffusion video generation.

            ### [A Diffusion Video Generator](https://arxiv.org/abs/2405.00001)

            - 요약.

            ### [Summary Scattered Only](https://arxiv.org/abs/2405.00004)

            - Video is hard; diffusion helps.

            """);
        folder.Ingest();
        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();

        var hits = PaperSearch.Find(connection, PaperSearch.Terms("diffusion video"), new SearchFilter(), SearchSort.Relevance, 0, 10);

        hits.Total.Should().Be(4);
        hits.PaperIds.Should().Equal(IdsOf(connection, "2405.00001", "2405.00003", "2405.00002", "2405.00004"));
    }

    [Fact]
    public void Results_page_through_in_a_stable_order()
    {
        var all = Search("모델");
        var pages = Enumerable.Range(0, (all.Count + 19) / 20).SelectMany(p => Search("모델", offset: p * 20, limit: 20)).ToList();

        pages.Should().Equal(all);
        PaperSearch.Find(_connection, PaperSearch.Terms("모델"), new SearchFilter(), SearchSort.Relevance, 1000, 20).Total.Should().Be(all.Count);
    }

    [Fact]
    public void Filters_narrow_by_date_and_votes_and_sorts_reorder()
    {
        var january = Search("모델", filter: new SearchFilter(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31)));
        var popular = Search("모델", sort: SearchSort.Votes, filter: new SearchFilter(MinVotes: 20));
        var newest = Search("모델", sort: SearchSort.Newest);

        january.Should().NotBeEmpty().And.OnlyContain(id => id.StartsWith("2401.", StringComparison.Ordinal));
        popular.Should().NotBeEmpty();
        popular.Count.Should().BeLessThan(Search("모델").Count);
        newest[0].Should().Match(id => id.StartsWith("2403.", StringComparison.Ordinal) || id.StartsWith("2404.", StringComparison.Ordinal), "the newest seed day is 2024-04-02");
    }

    [Fact]
    public void With_code_finds_only_the_matches_whose_summary_names_code_or_a_project_page()
    {
        var withCode = Search("모델", filter: new SearchFilter(WithCode: true));
        var stored = new Dictionary<string, bool>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT ArxivId, CodeUrls IS NOT NULL FROM Papers";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stored[reader.GetString(0)] = reader.GetBoolean(1);
            }
        }

        var all = Search("모델");
        withCode.Should().NotBeEmpty().And.Equal(all.Where(id => stored[id]), "the filter keeps the matches with links, in the same order");
        withCode.Count.Should().BeLessThan(all.Count);
        PaperSearch.Find(_connection, PaperSearch.Terms("모델"), new SearchFilter(WithCode: true), SearchSort.Relevance, 0, 5).Total.Should().Be(withCode.Count);
        // Pearl names its repository and its project page; AIM names neither.
        Search("Pearl", filter: new SearchFilter(WithCode: true)).Should().Contain("2312.03814");
        Search("Autoregressive Image Models", filter: new SearchFilter(WithCode: true)).Should().NotContain("2401.08541");
        Search("모델", SearchSort.Votes, new SearchFilter(MinVotes: 5, WithCode: true)).Should().NotBeEmpty().And.OnlyContain(id => stored[id]);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unbalanced quote")]
    [InlineData("NEAR(model data, 3)")]
    [InlineData("model*")]
    [InlineData("-model")]
    [InlineData("title: model")]
    [InlineData("(model OR data) AND NOT x")]
    [InlineData("'; DROP TABLE Papers; --")]
    [InlineData("😀🚀")]
    [InlineData("^model")]
    [InlineData("{title summary}: x")]
    [InlineData("\0\u0001")]
    public void Any_query_text_is_safe(string query)
    {
        var act = () => Search(query);

        act.Should().NotThrow();
        Search("모델").Should().NotBeEmpty("the index is intact after the hostile query");
    }

    [Fact]
    public void A_thousand_character_query_answers()
    {
        var act = () => Search(string.Concat(Enumerable.Repeat("모델 diffusion ", 80))[..1000]);

        act.Should().NotThrow();
        PaperSearch.Terms(new string('가', 5000)).Single().Length.Should().Be(PaperSearch.MaxQueryLength);
    }

    [Fact]
    public void The_index_follows_edits_and_removals()
    {
        var path = Path.Combine(_folder.DataDirectory, "2024-01-17.md");
        var text = File.ReadAllText(path);
        text.Should().Contain("AIM을");
        _folder.Write("2024-01-17.md", text.Replace("AIM을", "ZYXWVQ를", StringComparison.Ordinal));
        _folder.Ingest();

        Search("ZYXWVQ").Should().Equal("2401.08541");
        Search("AIM을").Should().NotContain("2401.08541");

        File.Delete(Path.Combine(_folder.DataDirectory, "2024-01-19.md"));
        _folder.Ingest();

        Search("ChatQA").Should().BeEmpty();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM Papers), (SELECT COUNT(*) FROM SearchWords)";
        using var reader = command.ExecuteReader();
        reader.Read();
        reader.GetInt32(1).Should().Be(reader.GetInt32(0));
    }

    private static List<int> IdsOf(SqliteConnection connection, params string[] arxivIds)
    {
        var ids = new List<int>();
        foreach (var arxivId in arxivIds)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Id FROM Papers WHERE ArxivId = $a";
            command.Parameters.AddWithValue("$a", arxivId);
            ids.Add(Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }

        return ids;
    }

    public void Dispose()
    {
        _connection.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("모델")]
    [InlineData("language model")]
    [InlineData("diffusion video")]
    public void Broad_queries_rank_in_tiers_newest_first_and_page_consistently(string query)
    {
        var terms = PaperSearch.Terms(query);
        var scored = PaperSearch.Find(_connection, terms, new SearchFilter(), SearchSort.Relevance, 0, 1000, fullScoreLimit: int.MaxValue);
        var tiered = PaperSearch.Find(_connection, terms, new SearchFilter(), SearchSort.Relevance, 0, 1000, fullScoreLimit: 0);
        var paged = Enumerable.Range(0, 8)
            .SelectMany(p => PaperSearch.Find(_connection, terms, new SearchFilter(), SearchSort.Relevance, p * 7, 7, fullScoreLimit: 0).PaperIds)
            .ToList();

        tiered.Total.Should().Be(scored.Total);
        tiered.PaperIds.Should().BeEquivalentTo(scored.PaperIds, "both orders hold the same matches");
        paged.Should().Equal(tiered.PaperIds.Take(56));
        var titleTier = tiered.PaperIds.TakeWhile(id => TitleHasAll(id, terms)).Count();
        tiered.PaperIds.Skip(titleTier).Should().NotContain(id => TitleHasAll(id, terms), "papers with every word in the title come first");
    }

    private bool TitleHasAll(int paperId, IReadOnlyList<string> terms)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT Title FROM Papers WHERE Id = $id";
        command.Parameters.AddWithValue("$id", paperId);
        var title = Fold((string)command.ExecuteScalar()!);
        return terms.All(t => title.Contains(Fold(t), StringComparison.Ordinal));
    }
}
