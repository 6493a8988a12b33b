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
/// On PostgreSQL a one-word search without a filter takes its count from the vocabulary once the word is held by more
/// papers than a search counts; every other search counts its matches. The archive is
/// <see cref="SearchCountLimitTests"/>' 1,001 papers: "capybara" in all of them, "wombat" in all but one.
/// </summary>
public sealed class PostgresSearchCountTests : IDisposable
{
    private readonly IngestFolder _folder = new();
    private readonly NpgsqlConnection _postgres;
    private readonly SqliteConnection _sqlite;

    public PostgresSearchCountTests()
    {
        SearchCountLimitTests.Write(_folder);
        _folder.Ingest();
        var postgres = PostgresServer.Shared.CreateDatabase();
        new PostgresDatabase(postgres).Migrate();
        new DigestImporter(postgres, DatabaseProvider.Postgres).Ingest(_folder.DataDirectory);
        _postgres = new NpgsqlConnection(postgres);
        _postgres.Open();
        _sqlite = new SqliteConnection(_folder.ConnectionString);
        _sqlite.Open();
    }

    private static SearchHits Find(System.Data.Common.DbConnection connection, string query, SearchSort sort = SearchSort.Newest, SearchFilter? filter = null) =>
        PaperSearch.Find(connection, PaperSearch.Terms(query), filter ?? new SearchFilter(), sort, 0, 20);

    [PostgresFact]
    public void Counts_and_pages_agree_with_SQLite_past_at_and_under_the_limit()
    {
        foreach (var query in new[] { "capybara", "capy", "wombat", "capybara wombat", "alone" })
        {
            Agree(query);
        }
    }

    private void Agree(string query)
    {
        foreach (var sort in new[] { SearchSort.Newest, SearchSort.Votes, SearchSort.Relevance })
        {
            var postgres = Find(_postgres, query, sort);
            var sqlite = Find(_sqlite, query, sort);
            (postgres.Total, postgres.Capped).Should().Be((sqlite.Total, sqlite.Capped), $"'{query}' by {sort}");
            if (sort != SearchSort.Relevance)
            {
                postgres.PaperIds.Should().Equal(sqlite.PaperIds, $"'{query}' by {sort}");
            }
        }
    }

    [PostgresFact]
    public void The_vocabulary_decides_for_one_word_without_a_filter_and_only_then()
    {
        // The vocabulary now says 5,000 papers hold "wombat": it is believed where it decides, and only there.
        using (var command = _postgres.CreateCommand())
        {
            command.CommandText = "UPDATE SearchVocabulary SET doc = 5000 WHERE term = 'wombat'";
            command.ExecuteNonQuery().Should().Be(1);
        }

        var oneWord = Find(_postgres, "wombat");
        (oneWord.Total, oneWord.Capped).Should().Be((PaperSearch.CountLimit, true), "more papers hold the word than a search counts");

        var filtered = Find(_postgres, "wombat", filter: new SearchFilter(MinVotes: 40));
        (filtered.Total, filtered.Capped).Should().Be((Find(_sqlite, "wombat", filter: new SearchFilter(MinVotes: 40)).Total, false), "a filter's matches are counted");
        var twoWords = Find(_postgres, "wombat and");
        (twoWords.Total, twoWords.Capped).Should().Be((PaperSearch.CountLimit, false), "two words' matches are counted");
        var phrase = Find(_postgres, "\"and wombat\"");
        (phrase.Total, phrase.Capped).Should().Be((PaperSearch.CountLimit, false), "a phrase's matches are counted");
    }

    public void Dispose()
    {
        _postgres.Dispose();
        _sqlite.Dispose();
        _folder.Dispose();
    }
}
