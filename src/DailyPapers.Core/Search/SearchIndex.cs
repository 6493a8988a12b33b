using System.Data.Common;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Search;

/// <summary>
/// The write side of full-text search: one FTS5 table keyed by paper id, kept in step with Papers inside the ingest
/// transaction. It indexes <see cref="SearchText.IndexTokens"/> of title, summary and authors with the unicode61
/// tokenizer (case- and accent-insensitive). It is contentless: the text lives in Papers, the table holds only the index.
/// All SQLite-specific search SQL lives here and in <see cref="PaperSearch"/>. On PostgreSQL the same words go into a
/// <c>tsvector</c> column with a GIN index (<see cref="SearchVector"/>), one row per paper.
/// </summary>
/// <remarks>
/// The trigram tokenizer was measured first (bench search, ≈ 35,000 papers): its index was 126 MiB against 43 MiB,
/// ingest took 33 s against 4 s without it, and common English trigrams made broad queries slow (p99 53 ms).
/// Syllable pairs keep Korean substring search and make every query a lookup of short doclists.
/// </remarks>
public sealed class SearchIndex : IDisposable
{
    public const string Table = "SearchWords";

    private readonly Statement _delete;
    private readonly Statement _insert;
    private readonly bool _vector;

    // PostgreSQL's vocabulary (Spelling): how many more or fewer papers hold each word since the last flush. Counted
    // here and written once per commit: a row per word per paper would update the same rows thousands of times in one
    // transaction, each update a new row version the next one must step over.
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);

    // PostgreSQL: new papers' rows, written by COPY at the next flush.
    private readonly Data.Postgres.CopyRows _rows = new(Table, "PaperId", "Words");

    public SearchIndex(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _vector = SqlDialect.Of(connection).FullText == FullTextIndex.TsVector;
        if (_vector)
        {
            _delete = connection.Prepare($"DELETE FROM {Table} WHERE PaperId = @id RETURNING array_to_string(tsvector_to_array(Words), ' ')", "@id");
            _insert = connection.Prepare($"INSERT INTO {Table} (PaperId, Words) VALUES (@id, CAST(@words AS tsvector))", "@id", "@words");
        }
        else
        {
            _delete = connection.Prepare($"DELETE FROM {Table} WHERE rowid = @id", "@id");
            _insert = connection.Prepare($"INSERT INTO {Table} (rowid, title, summary, authors) VALUES (@id, @title, @summary, @authors)", "@id", "@title", "@summary", "@authors");
        }
    }

    /// <summary>Whether rows are PostgreSQL word vectors (<see cref="SearchRow.Vector"/>) rather than FTS5 tokens.</summary>
    public bool TakesVectors => _vector;

    /// <summary>Indexes a paper's current row (<see cref="PaperTerms"/>), replacing what was indexed for it before.</summary>
    public void Put(DbTransaction transaction, int paperId, bool isNew, SearchRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!isNew)
        {
            Unindex(transaction, paperId);
        }

        if (_vector)
        {
            foreach (var word in row.Words)
            {
                Count(word, 1);
            }

            _rows.Add(paperId, new Data.Postgres.CopyRows.Words(row.Vector!));
            return;
        }

        _insert.Execute(transaction, paperId, row.Title, row.Summary, row.Authors);
    }

    /// <summary>Drops the index rows of deleted papers.</summary>
    public void Delete(DbTransaction transaction, IEnumerable<int> paperIds)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        foreach (var id in paperIds)
        {
            Unindex(transaction, id);
        }
    }

    /// <summary>Removes a paper's row; on PostgreSQL its words leave the vocabulary.</summary>
    private void Unindex(DbTransaction transaction, int paperId)
    {
        if (!_vector)
        {
            _delete.Execute(transaction, paperId);
            return;
        }

        // The paper's row may still be waiting to be copied.
        _rows.Flush(transaction);
        if (_delete.Query(transaction, r => r.IsDBNull(0) ? null : r.GetString(0), paperId) is [{ } words])
        {
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Count(word, -1);
            }
        }
    }

    private void Count(string word, int delta)
    {
        var count = _vocabulary.GetValueOrDefault(word) + delta;
        if (count == 0)
        {
            _vocabulary.Remove(word);
        }
        else
        {
            _vocabulary[word] = count;
        }
    }

    /// <summary>On PostgreSQL, writes the rows and the vocabulary's changes held since the last flush: once per commit, before it.</summary>
    public void Flush(DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (_vector)
        {
            _rows.Flush(transaction);
        }

        if (_vocabulary.Count == 0)
        {
            return;
        }

        transaction.Execute(
            $"""
            INSERT INTO {Spelling.VocabularyTable} (term, doc) SELECT value ->> 0, CAST(value ->> 1 AS bigint) FROM jsonb_array_elements(CAST(convert_from(@counts, 'UTF8') AS jsonb))
            ON CONFLICT (term) DO UPDATE SET doc = {Spelling.VocabularyTable}.doc + excluded.doc;
            DELETE FROM {Spelling.VocabularyTable} WHERE doc <= 0 AND term IN (SELECT value ->> 0 FROM jsonb_array_elements(CAST(convert_from(@counts, 'UTF8') AS jsonb)));
            """,
            ("@counts", JsonRows.Of(_vocabulary, (json, w) =>
            {
                json.WriteStringValue(w.Key);
                json.WriteNumberValue(w.Value);
            })));
        _vocabulary.Clear();
    }

    /// <summary>Builds the index from Papers when it does not hold every paper (a database from before search, or a damaged index).</summary>
    public static void EnsureComplete(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Number(null, $"SELECT CASE WHEN (SELECT COUNT(*) FROM Papers) = (SELECT COUNT(*) FROM {Table}) THEN 1 ELSE 0 END") == 1)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        transaction.Execute(SqlDialect.Of(connection).FullText == FullTextIndex.TsVector ? $"DELETE FROM {Table}; DELETE FROM {Spelling.VocabularyTable};" : $"DELETE FROM {Table};");
        var rows = new List<(int Id, string Title, string Summary, List<string> Authors)>();
        foreach (var (id, title, summary, author) in transaction.Query(
            "SELECT p.Id, p.Title, p.SummaryMarkdown, pa.Name FROM Papers p LEFT JOIN PaperAuthors pa ON pa.PaperId = p.Id ORDER BY p.Id, pa.Position",
            r => (r.GetInt32(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3))))
        {
            if (rows.Count == 0 || rows[^1].Id != id)
            {
                rows.Add((id, title, summary, []));
            }

            if (author is not null)
            {
                rows[^1].Authors.Add(author);
            }
        }

        using var index = new SearchIndex(connection);
        foreach (var row in rows)
        {
            index.Put(transaction, row.Id, isNew: true, SearchRow.Of(row.Title, row.Summary, row.Authors, index.TakesVectors));
        }

        index.Flush(transaction);
        transaction.Commit();
    }

    public void Dispose()
    {
        _delete.Dispose();
        _insert.Dispose();
    }
}
