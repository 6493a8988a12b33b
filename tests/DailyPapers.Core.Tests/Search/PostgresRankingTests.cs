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
/// One ranking on both providers (issue 29): the same archive in SQLite and in PostgreSQL gives the same papers in the
/// same order by relevance, page for page, because the order inside a tier is the app's score from the same numbers.
/// Before, each index scored with its own function (FTS5's bm25, ts_rank) and the first twenty of these queries shared
/// 8 to 19 papers.
/// </summary>
public sealed class PostgresRankingTests
{
    // The search syntax has no field restriction ("title: model" is two words); an author's name is a query like any.
    private static readonly string[] Queries =
    [
        "diffusion", "Mamba", "비디오", "reinforcement learning", "\"video generation\"", "agent", "LLM 추론", "Ziwei Liu",
        "language model", "3D", "benchmark", "transformer", "영상 생성", "\"large language model\"", "efficient", "학습",
    ];

    [PostgresFact(Corpus = true)]
    public void The_corpus_ranks_every_query_alike_on_both_providers()
    {
        var (sqlite, postgres, disposables) = Both(folder => folder.WithCorpus());
        using (disposables)
        {
            var ranked = 0;
            foreach (var query in Queries)
            {
                var terms = PaperSearch.Terms(query);
                foreach (var page in new[] { 0, 20 })
                {
                    var expected = Find(sqlite, terms, page);
                    Find(postgres, terms, page).PaperIds.Should().Equal(expected.PaperIds, $"'{query}' from {page} should rank alike");
                    ranked += expected.PaperIds.Count;
                }
            }

            ranked.Should().BeGreaterThan(400, "the queries must find papers, or agreeing proves nothing");
            Kept(postgres).Should().Be(Kept(sqlite), "both ingests keep the same archive figures");
        }
    }

    [PostgresFact]
    public void Papers_rank_by_BM25F_on_PostgreSQL_too()
    {
        var (sqlite, postgres, disposables) = Both(folder =>
        {
            RelevanceTests.WriteKnownOrder(folder);
            return folder;
        });
        using (disposables)
        {
            var terms = PaperSearch.Terms("capybara");

            RelevanceTests.ArxivIds(postgres, Find(postgres, terms, 0).PaperIds).Should().Equal(RelevanceTests.KnownOrder);
            Find(sqlite, terms, 0).PaperIds.Should().Equal(Find(postgres, terms, 0).PaperIds);
            var tsRank = RelevanceTests.ArxivIds(postgres, RelevanceTests.Ids(postgres,
                $"SELECT PaperId FROM {SearchIndex.Table} WHERE Words @@ CAST('capybara' AS tsquery) ORDER BY ts_rank('{{0.1, 0.3, 0.1, 1.0}}', Words, CAST('capybara' AS tsquery)) DESC, PaperId DESC"));
            tsRank[0].Should().Be("2405.00004", "ts_rank puts the author match first, or this archive would not tell the two apart");
            tsRank.Should().NotEqual(RelevanceTests.KnownOrder);
        }
    }

    private static SearchHits Find(DbConnection connection, IReadOnlyList<string> terms, int offset) =>
        PaperSearch.Find(connection, terms, new SearchFilter(), SearchSort.Relevance, offset, 20);

    private static Relevance.Archive Kept(DbConnection connection) => RelevanceStore.Statistics(connection, IndexSyntax.Of(connection), []).Archive;

    /// <summary>The folder <paramref name="fill"/> writes, ingested into SQLite and into a new PostgreSQL database.</summary>
    private static (SqliteConnection Sqlite, NpgsqlConnection Postgres, IDisposable Disposables) Both(Func<IngestFolder, IngestFolder> fill)
    {
        var folder = fill(new IngestFolder());
        var database = PostgresServer.Shared.CreateDatabase();
        new PostgresDatabase(database).Migrate();
        folder.Ingest();
        new DigestImporter(database, DatabaseProvider.Postgres).Ingest(folder.DataDirectory);
        var sqlite = new SqliteConnection(folder.ConnectionString);
        var postgres = new NpgsqlConnection(database);
        sqlite.Open();
        postgres.Open();
        return (sqlite, postgres, new Disposables(postgres, sqlite, folder));
    }

    private sealed class Disposables(params IDisposable[] all) : IDisposable
    {
        public void Dispose()
        {
            foreach (var one in all)
            {
                one.Dispose();
            }
        }
    }
}
