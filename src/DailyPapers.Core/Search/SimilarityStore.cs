using System.Data.Common;
using System.Text.Json;
using DailyPapers.Core.Data;
using DailyPapers.Core.Data.Postgres;

namespace DailyPapers.Core.Search;

/// <summary>
/// The similarity tables, read and written inside an ingest's transaction: each paper's <see cref="TermDocument"/>
/// (SimilarityDocuments), each term's document frequency (SimilarityTerms), the kept terms' weights as an inverted
/// index (SimilarityPostings) and the lists (SimilarPapers). Sets of ids and batches of postings travel as one JSON
/// parameter; PostgreSQL takes documents and lists by COPY where SQLite runs one prepared statement a row.
/// </summary>
internal sealed class SimilarityStore : IDisposable
{
    /// <summary>Papers are read, cut and written this many at a time, so a full ingest never holds every text at once.</summary>
    public const int Chunk = 4096;

    /// <summary>The (Term, Weight, PaperId) index of the model (<c>SimilarityPostingConfiguration</c>), dropped and made again around a bulk write.</summary>
    private const string TermIndex = "IX_SimilarityPostings_Term_Weight_PaperId";

    private readonly DbTransaction _transaction;
    private readonly SqlDialect _sql;
    private readonly Lazy<Statement> _upsertDocument;
    private readonly Lazy<Statement> _insertPostings;
    private readonly Lazy<Statement> _heaviest;
    private readonly Lazy<Statement> _insertList;

    public SimilarityStore(DbTransaction transaction)
    {
        _transaction = transaction;
        var connection = transaction.Connection!;
        _sql = SqlDialect.Of(connection);
        _upsertDocument = new(() => connection.Prepare(
            "INSERT INTO SimilarityDocuments (PaperId, Terms) VALUES (@id, @terms) ON CONFLICT (PaperId) DO UPDATE SET Terms = excluded.Terms", "@id", "@terms"));
        _insertPostings = new(() => connection.Prepare(
            $"INSERT INTO SimilarityPostings (Term, PaperId, Weight) SELECT value ->> 0, {_sql.Int("value ->> 1")}, {_sql.Real("value ->> 2")} FROM {_sql.Rows("@postings")}", "@postings"));
        _heaviest = new(() => connection.Prepare(
            "SELECT PaperId, Weight FROM SimilarityPostings WHERE Term = @term ORDER BY Weight DESC LIMIT @followed", "@term", "@followed"));
        _insertList = new(() => connection.Prepare(
            "INSERT INTO SimilarPapers (PaperId, Rank, SimilarPaperId, Score) VALUES (@id, @rank, @similar, @score)", "@id", "@rank", "@similar", "@score"));
    }

    /// <summary>Whether papers are stored while no document is: a database from before similarity, indexed whole at its first ingest.</summary>
    public bool Unindexed() => _transaction.Number("SELECT NOT EXISTS (SELECT 1 FROM SimilarityDocuments) AND EXISTS (SELECT 1 FROM Papers)") == 1;

    public List<int> PaperIds() => _transaction.Query("SELECT Id FROM Papers", r => r.GetInt32(0));

    /// <summary>The stored title and summary of those of the papers still stored.</summary>
    public List<(int Id, string Title, string Summary)> PaperTexts(IReadOnlyCollection<int> ids) =>
        ids.Count == 0 ? [] : _transaction.Query(
            $"SELECT Id, Title, SummaryMarkdown FROM Papers WHERE Id IN ({_sql.Ids("@ids")})", r => (r.GetInt32(0), r.GetString(1), r.GetString(2)), ("@ids", Sql.IdList(ids)));

    public int DocumentCount() => (int)_transaction.Number("SELECT COUNT(*) FROM SimilarityDocuments");

    public Dictionary<int, TermDocument> Documents(IReadOnlyCollection<int> ids) =>
        ids.Count == 0 ? [] : _transaction.Query(
            $"SELECT PaperId, Terms FROM SimilarityDocuments WHERE PaperId IN ({_sql.Ids("@ids")})", r => (Id: r.GetInt32(0), Text: r.GetString(1)), ("@ids", Sql.IdList(ids)))
            .ToDictionary(d => d.Id, d => TermDocument.Stored(d.Text));

    /// <summary>Stores these papers' documents in place of what they had.</summary>
    public void WriteDocuments(IReadOnlyList<(int Id, TermDocument Document)> documents)
    {
        if (documents.Count == 0)
        {
            return;
        }

        if (_sql.IsPostgres)
        {
            // One delete and one COPY instead of a statement per paper.
            var copy = new CopyRows("SimilarityDocuments", "PaperId", "Terms");
            foreach (var (id, document) in documents)
            {
                copy.Add(id, document.Text);
            }

            DeleteWhereIn("SimilarityDocuments", "PaperId", documents.Select(d => d.Id));
            copy.Flush(_transaction);
            return;
        }

        foreach (var (id, document) in documents)
        {
            _upsertDocument.Value.Execute(_transaction, id, document.Text);
        }
    }

    public void DeleteDocuments(IEnumerable<int> ids) => DeleteWhereIn("SimilarityDocuments", "PaperId", ids);

    /// <summary>The papers whose lists name one of these.</summary>
    public List<int> Referrers(IEnumerable<int> ids) => ChunkedQuery(
        ids, $"SELECT DISTINCT PaperId FROM SimilarPapers WHERE SimilarPaperId IN ({_sql.Ids("@ids")})", r => r.GetInt32(0));

    /// <summary>Moves terms' document frequencies by these differences; a term in no document any more goes.</summary>
    public void MoveFrequencies(IReadOnlyDictionary<string, int> deltas)
    {
        _transaction.Execute(
            $"""
            INSERT INTO SimilarityTerms (Term, DocumentCount) SELECT value ->> 0, {_sql.Int("value ->> 1")} FROM {_sql.Rows("@deltas")} WHERE true
            ON CONFLICT (Term) DO UPDATE SET DocumentCount = SimilarityTerms.DocumentCount + excluded.DocumentCount
            """,
            ("@deltas", JsonRows.Of(deltas.Where(d => d.Value != 0), static (json, d) => { json.WriteStringValue(d.Key); json.WriteNumberValue(d.Value); })));
        _transaction.Execute(
            $"DELETE FROM SimilarityTerms WHERE Term IN (SELECT value ->> 0 FROM {_sql.Rows("@deltas")}) AND DocumentCount <= 0",
            ("@deltas", JsonRows.Of(deltas.Where(d => d.Value < 0), static (json, d) => json.WriteStringValue(d.Key))));
    }

    /// <summary>Document frequencies of the given terms, or of every term when <paramref name="terms"/> is null.</summary>
    public Dictionary<string, int> Frequencies(IEnumerable<string>? terms)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = terms is null
            ? _transaction.Query("SELECT Term, DocumentCount FROM SimilarityTerms", r => (r.GetString(0), r.GetInt32(1)))
            : [.. terms.Chunk(Chunk).SelectMany(chunk => _transaction.Query(
                $"SELECT Term, DocumentCount FROM SimilarityTerms WHERE Term IN ({_sql.Texts("@terms")})", r => (r.GetString(0), r.GetInt32(1)), ("@terms", JsonSerializer.Serialize(chunk))))];
        foreach (var (term, count) in rows)
        {
            frequencies[term] = count;
        }

        return frequencies;
    }

    /// <summary>Before most of the index is written afresh: the term index is built once after the rows (a sort), rather than kept up to date row by row.</summary>
    public void DropTermIndex() => _transaction.Execute($"DROP INDEX IF EXISTS {TermIndex}");

    public void CreateTermIndex() => _transaction.Execute($"CREATE INDEX {TermIndex} ON SimilarityPostings (Term, Weight DESC, PaperId)");

    public void DeletePostings(IEnumerable<int> ids) => DeleteWhereIn("SimilarityPostings", "PaperId", ids);

    /// <summary>Writes postings many to a statement, in the order given (paper, then term: the key's pages are touched once each).</summary>
    public void InsertPostings(IEnumerable<(string Term, int Paper, double Weight)> postings)
    {
        foreach (var batch in postings.Chunk(Chunk))
        {
            _insertPostings.Value.Execute(_transaction, JsonRows.Of(batch, static (json, p) =>
            {
                json.WriteStringValue(p.Term);
                json.WriteNumberValue(p.Paper);
                json.WriteNumberValue(p.Weight);
            }));
        }
    }

    /// <summary>The stored postings (vectors) of these papers, paper by paper in id order, each paper's terms in the order read; papers without postings are left out.</summary>
    public List<(int Paper, List<(string Term, double Weight)> Terms)> Postings(IEnumerable<int> papers)
    {
        var vectors = new List<(int Paper, List<(string Term, double Weight)> Terms)>();
        var rows = ChunkedQuery(
            papers, $"SELECT PaperId, Term, Weight FROM SimilarityPostings WHERE PaperId IN ({_sql.Ids("@ids")}) ORDER BY PaperId", r => (Paper: r.GetInt32(0), Term: r.GetString(1), Weight: r.GetDouble(2)));
        foreach (var (paper, term, weight) in rows)
        {
            if (vectors.Count == 0 || vectors[^1].Paper != paper)
            {
                vectors.Add((paper, []));
            }

            vectors[^1].Terms.Add((term, weight));
        }

        return vectors;
    }

    /// <summary>Each term's <paramref name="limit"/> heaviest postings, heaviest first, read along the (Term, Weight) index.</summary>
    public Dictionary<string, List<(int Paper, double Weight)>> Heaviest(IEnumerable<string> terms, int limit)
    {
        var postings = new Dictionary<string, List<(int Paper, double Weight)>>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            postings[term] = _heaviest.Value.Query(_transaction, r => (r.GetInt32(0), r.GetDouble(1)), term, limit);
        }

        return postings;
    }

    /// <summary>The stored lists of these papers, closest first.</summary>
    public Dictionary<int, List<(int Id, double Score)>> Lists(IEnumerable<int> ids)
    {
        var lists = new Dictionary<int, List<(int Id, double Score)>>();
        var rows = ChunkedQuery(
            ids, $"SELECT PaperId, SimilarPaperId, Score FROM SimilarPapers WHERE PaperId IN ({_sql.Ids("@ids")}) ORDER BY PaperId, Rank", r => (r.GetInt32(0), r.GetInt32(1), r.GetDouble(2)));
        foreach (var (id, similar, score) in rows)
        {
            (lists.TryGetValue(id, out var list) ? list : lists[id] = []).Add((similar, score));
        }

        return lists;
    }

    public void DeleteLists(IEnumerable<int> ids) => DeleteWhereIn("SimilarPapers", "PaperId", ids);

    /// <summary>Replaces the lists of these papers.</summary>
    public void WriteLists(IEnumerable<int> ids, IReadOnlyDictionary<int, List<(int Id, double Score)>> lists)
    {
        var copy = _sql.IsPostgres ? new CopyRows("SimilarPapers", "PaperId", "Rank", "SimilarPaperId", "Score") : null;
        foreach (var chunk in ids.Chunk(Chunk))
        {
            DeleteWhereIn("SimilarPapers", "PaperId", chunk);
            foreach (var id in chunk)
            {
                var rank = 0;
                foreach (var (similar, score) in lists[id])
                {
                    if (copy is not null)
                    {
                        copy.Add(id, ++rank, similar, score);
                    }
                    else
                    {
                        _insertList.Value.Execute(_transaction, id, ++rank, similar, score);
                    }
                }
            }

            copy?.Flush(_transaction);
        }
    }

    public List<string> ArxivIds(IEnumerable<int> ids) => ChunkedQuery(ids, $"SELECT ArxivId FROM Papers WHERE Id IN ({_sql.Ids("@ids")})", r => r.GetString(0));

    public void Dispose()
    {
        foreach (var statement in new[] { _upsertDocument, _insertPostings, _heaviest, _insertList })
        {
            if (statement.IsValueCreated)
            {
                statement.Value.Dispose();
            }
        }
    }

    private void DeleteWhereIn(string table, string column, IEnumerable<int> ids)
    {
        foreach (var chunk in ids.Chunk(Chunk))
        {
            _transaction.Execute($"DELETE FROM {table} WHERE {column} IN ({_sql.Ids("@ids")})", ("@ids", Sql.IdList(chunk)));
        }
    }

    private List<T> ChunkedQuery<T>(IEnumerable<int> ids, string sql, Func<DbDataReader, T> row)
    {
        var rows = new List<T>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            rows.AddRange(_transaction.Query(sql, row, ("@ids", Sql.IdList(chunk))));
        }

        return rows;
    }
}
