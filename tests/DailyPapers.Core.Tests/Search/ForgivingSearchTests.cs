using DailyPapers.Core.Search;
using DailyPapers.Core.Tests.Ingestion;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Search;

/// <summary>Search that forgives: names written together or apart find each other, and a typo gets a suggestion.</summary>
public sealed class ForgivingSearchTests : IDisposable
{
    private readonly IngestFolder _folder = new();
    private readonly SqliteConnection _connection;

    public ForgivingSearchTests()
    {
        _folder.Write("a.md", """
            ## Daily Papers (2024-05-01)

            ### [Llama-3 Goes Small](https://arxiv.org/abs/2405.00001)

            - Llama-3 모델을 작게 만든다.

            ### [What LLaMA 3 Knows](https://arxiv.org/abs/2405.00002)

            - 지식을 조사한다.

            ### [Fine-tuning llama3 for Code](https://arxiv.org/abs/2405.00003)

            - 코드 생성.

            ### [Video Diffusion Models](https://arxiv.org/abs/2405.00004)

            - diffusion 기반 영상 생성.

            """);
        _folder.Ingest();
        _connection = new SqliteConnection(_folder.ConnectionString);
        _connection.Open();
    }

    [Theory]
    [InlineData("llama3")]
    [InlineData("Llama-3")]
    [InlineData("LLaMA 3")]
    [InlineData("LLAMA3")]
    public void Letter_digit_and_hyphen_boundaries_do_not_matter(string query)
    {
        PaperSearch.Find(_connection, PaperSearch.Terms(query), new SearchFilter(), SearchSort.Relevance, 0, 10).Total.Should().Be(3);
    }

    [Theory]
    [InlineData("diffusoin", "diffusion")]
    [InlineData("difusion models", "diffusion models")]
    [InlineData("vidoe diffusion", "video diffusion")]
    public void A_typo_gets_the_nearest_indexed_word(string query, string suggestion)
    {
        Spelling.Suggest(_connection, query).Should().Be(suggestion);
    }

    [Theory]
    [InlineData("diffusion")]
    [InlineData("xyzzyplugh")]
    [InlineData("모델을")]
    [InlineData("abc")]
    public void Known_words_korean_short_and_hopeless_words_get_no_suggestion(string query)
    {
        Spelling.Suggest(_connection, query).Should().BeNull();
    }

    [Theory]
    [InlineData("diffusion", "diffusoin", 1)]
    [InlineData("diffusion", "difusion", 1)]
    [InlineData("model", "modle", 1)]
    [InlineData("model", "model", 0)]
    [InlineData("model", "transformer", 3)]
    public void Edit_distance_counts_swaps_once_and_stops_past_its_limit(string a, string b, int expected)
    {
        Spelling.Distance(a, b, 2).Should().Be(expected);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _folder.Dispose();
    }
}
