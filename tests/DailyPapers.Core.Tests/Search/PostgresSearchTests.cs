using System.Data.Common;
using DailyPapers.Core.Data;
using DailyPapers.Core.Data.Postgres;
using DailyPapers.Core.Ingestion;
using DailyPapers.Core.Search;
using DailyPapers.Core.Tests.Ingestion;
using DailyPapers.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DailyPapers.Core.Tests.Search;

/// <summary>
/// The same query set on SQLite's FTS5 index and PostgreSQL's tsvector index finds the same papers: Korean inside longer
/// words, English words and prefixes, phrases, names written apart and together, TeX, accents, filters, authors,
/// spelling suggestions and monthly trends. Newest-first, by-votes and relevance orders must agree paper for paper
/// (relevance is the app's score, <see cref="Relevance"/>, from the same numbers on both).
/// </summary>
public sealed class PostgresSearchTests
{
    private static readonly string[] Queries =
    [
        "모델", "언어모델", "모", "언어 모델", "대규모 언어 모델을", "diffusion", "Diffusion Video", "diffus", "di", "\"language model\"",
        "\"model language\"", "llama3", "Llama-3", "LLaMA 3", "GPT4", "gpt-4", "StableDiffusion", "stable diffusion", "transformer",
        "transformers", "zzzqqqxx", "Kölle", "kolle", "naïve", "VILA^2", "3D", "a", "of the", "x", "LLM 에이전트", "에이전트",
        "title: model", "model -video", "(model)", "model*", "\"unterminated", "C++", "q&a", "100", "2024",
    ];

    [PostgresFact(Corpus = true)]
    public void The_corpus_answers_every_query_alike_on_both_providers() => Compare(folder => folder.WithCorpus());

    [PostgresFact]
    public void The_seed_digests_answer_every_query_alike_on_both_providers() => Compare(folder => folder.WithSeeds());

    private static void Compare(Func<IngestFolder, IngestFolder> fill)
    {
        using var folder = fill(new IngestFolder());
        var postgres = PostgresServer.Shared.CreateDatabase();
        new PostgresDatabase(postgres).Migrate();
        folder.Ingest();
        new DigestImporter(postgres, DatabaseProvider.Postgres).Ingest(folder.DataDirectory);
        using var sqlite = new SqliteConnection(folder.ConnectionString);
        using var pg = new NpgsqlConnection(postgres);
        sqlite.Open();
        pg.Open();
        var found = 0;
        var foundWithCode = 0;
        foreach (var query in Queries)
        {
            var terms = PaperSearch.Terms(query);
            foreach (var sort in new[] { SearchSort.Newest, SearchSort.Votes })
            {
                Find(pg, terms, sort).Should().Equal(Find(sqlite, terms, sort), $"'{query}' by {sort} should find the same papers in the same order");
            }

            var relevance = Find(sqlite, terms, SearchSort.Relevance);
            Find(pg, terms, SearchSort.Relevance).Should().Equal(relevance, $"'{query}' by relevance should find the same papers in the same order");
            found += relevance.Count;

            var filter = new SearchFilter(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 31), 5);
            PaperSearch.Find(pg, terms, filter, SearchSort.Newest, 0, 10_000).PaperIds.Should()
                .Equal(PaperSearch.Find(sqlite, terms, filter, SearchSort.Newest, 0, 10_000).PaperIds, $"'{query}' filtered");
            var withCode = new SearchFilter(WithCode: true);
            var coded = PaperSearch.Find(sqlite, terms, withCode, SearchSort.Votes, 0, 10_000).PaperIds;
            PaperSearch.Find(pg, terms, withCode, SearchSort.Votes, 0, 10_000).PaperIds.Should().Equal(coded, $"'{query}' with code");
            foundWithCode += coded.Count;

            Spelling.Suggest(pg, query).Should().Be(Spelling.Suggest(sqlite, query), $"'{query}' should get the same suggestion");
            AuthorIndex.Find(pg, query.ToLowerInvariant()).Should().BeEquivalentTo(AuthorIndex.Find(sqlite, query.ToLowerInvariant()), $"authors named like '{query}'");
        }

        found.Should().BeGreaterThan(100, "the queries must find papers, or agreeing proves nothing");
        foundWithCode.Should().BeGreaterThan(10, "some matches have code links, or agreeing on them proves nothing");
        TopicTrends.Monthly(pg, ["diffusion", "모델", "llama3"]).Should().BeEquivalentTo(TopicTrends.Monthly(sqlite, ["diffusion", "모델", "llama3"]), o => o.WithStrictOrdering());
        RisingTerms.Latest(pg, 12).Should().BeEquivalentTo(RisingTerms.Latest(sqlite, 12), o => o.WithStrictOrdering());
    }

    /// <summary>Every match, all pages in one.</summary>
    private static List<int> Find(DbConnection connection, IReadOnlyList<string> terms, SearchSort sort) =>
        [.. PaperSearch.Find(connection, terms, new SearchFilter(), sort, 0, 100_000).PaperIds];
}
