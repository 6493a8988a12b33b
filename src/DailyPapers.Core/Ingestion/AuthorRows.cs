using System.Data.Common;
using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// The store stage's authors: one record per folded name (<see cref="AuthorNames.Key"/>) with a slug of its own, and
/// each paper's links to them keeping the spelling it used. Remembers which authors a batch and the run touched: their
/// totals are refreshed, and only they can have lost their last paper.
/// </summary>
internal sealed class AuthorRows : IDisposable
{
    // Statements binding one JSON parameter of many rows: a batch's authors and links in a few statements, not one per row.
    private const int RowsPerStatement = 1000;

    private readonly SqlDialect _sql;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _slugs = new(StringComparer.Ordinal);
    private readonly Statement _unlink;
    // The trigram table of author names FTS5 keeps; PostgreSQL indexes Authors.FoldedName itself (pg_trgm), so needs neither.
    private readonly Statement? _unindex;
    private readonly bool _trigrams;
    // PostgreSQL: links written by COPY (binary), before anything reads them.
    private readonly Data.Postgres.CopyRows? _copy;

    // Held until the next flush: authors not stored yet, by key, and each paper's links.
    private readonly Dictionary<string, (string Name, string Folded, string Slug)> _new = new(StringComparer.Ordinal);
    private readonly List<(int PaperId, int Position, string Key, string Name)> _links = [];

    public AuthorRows(DbConnection connection, SqlDialect sql)
    {
        _sql = sql;
        // Keys are computed again from the names, so a database keyed by an older rule still finds every author.
        foreach (var (id, name, slug) in connection.Query(null, "SELECT Id, Name, Slug FROM Authors ORDER BY Id", r => (r.GetInt32(0), r.GetString(1), r.GetString(2))))
        {
            _ids.TryAdd(AuthorNames.Key(name), id);
            _slugs.Add(slug);
        }

        _unlink = connection.Prepare("DELETE FROM PaperAuthors WHERE PaperId = @paper RETURNING AuthorId", "@paper");
        _copy = sql.BulkRows("PaperAuthors", "PaperId", "Position", "AuthorId", "Name");
        _trigrams = sql.FullText == FullTextIndex.Fts5;
        if (_trigrams)
        {
            _unindex = connection.Prepare(Search.AuthorIndex.DeleteSql, "@id");
        }
    }

    /// <summary>Authors whose totals the batch changed.</summary>
    public HashSet<int> Batch { get; } = [];

    /// <summary>Authors the run touched: the only ones that can have lost their last paper.</summary>
    public HashSet<int> Run { get; } = [];

    public void Touch(int authorId)
    {
        Run.Add(authorId);
        Batch.Add(authorId);
    }

    /// <summary>Links a paper to its authors, in order, at the next <see cref="Flush"/>, which stores the authors not stored yet.</summary>
    public void Link(int paperId, IReadOnlyList<string> names)
    {
        for (var position = 0; position < names.Count; position++)
        {
            var name = names[position];
            var key = AuthorNames.Key(name);
            if (!_ids.ContainsKey(key) && !_new.ContainsKey(key))
            {
                var slug = AuthorNames.Slug(name);
                for (var n = 2; !_slugs.Add(slug); n++)
                {
                    slug = $"{AuthorNames.Slug(name)}-{n}";
                }

                _new[key] = (name, AuthorNames.Fold(name), slug);
            }

            _links.Add((paperId, position, key, name));
        }
    }

    /// <summary>Drops a paper's links; the authors it named lose a paper.</summary>
    public void Unlink(DbTransaction transaction, int paperId)
    {
        Flush(transaction);
        foreach (var authorId in _unlink.Query(transaction, r => r.GetInt32(0), paperId))
        {
            Touch(authorId);
        }
    }

    /// <summary>Takes the removed authors out of the name index (SQLite's trigram table).</summary>
    public void Unindex(DbTransaction transaction, IEnumerable<int> authorIds)
    {
        foreach (var id in authorIds)
        {
            _unindex?.Execute(transaction, id);
        }
    }

    /// <summary>Writes the authors and links held: before anything reads Authors or PaperAuthors.</summary>
    public void Flush(DbTransaction transaction)
    {
        foreach (var chunk in _new.Chunk(RowsPerStatement))
        {
            var rows = JsonRows.Of(chunk, (json, a) =>
            {
                json.WriteStringValue(a.Key);
                json.WriteStringValue(a.Value.Name);
                json.WriteStringValue(a.Value.Folded);
                json.WriteStringValue(a.Value.Slug);
            });
            var stored = transaction.Query(
                $"INSERT INTO Authors (Key, Name, FoldedName, Slug, PaperCount, VoteCount) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, 0, 0 FROM {_sql.Rows("@rows")} RETURNING Id, Key",
                r => (Id: r.GetInt32(0), Key: r.GetString(1)), ("@rows", rows));
            foreach (var (id, key) in stored)
            {
                _ids[key] = id;
            }

            if (_trigrams)
            {
                transaction.Execute(Search.AuthorIndex.InsertManySql, ("@rows", JsonRows.Of(stored, (json, a) =>
                {
                    json.WriteNumberValue(a.Id);
                    json.WriteStringValue(_new[a.Key].Folded);
                })));
            }
        }

        _new.Clear();
        if (_links.Count == 0)
        {
            _copy?.Flush(transaction);
            return;
        }

        foreach (var (paperId, position, key, name) in _links)
        {
            Touch(_ids[key]);
            _copy?.Add(paperId, position, _ids[key], name);
        }

        if (_copy is not null)
        {
            _copy.Flush(transaction);
        }
        else
        {
            foreach (var chunk in _links.Chunk(RowsPerStatement))
            {
                transaction.Execute(
                    $"INSERT INTO PaperAuthors (PaperId, Position, AuthorId, Name) SELECT {_sql.Int("value ->> 0")}, {_sql.Int("value ->> 1")}, {_sql.Int("value ->> 2")}, value ->> 3 FROM {_sql.Rows("@rows")}",
                    ("@rows", JsonRows.Of(chunk, (json, l) =>
                    {
                        json.WriteNumberValue(l.PaperId);
                        json.WriteNumberValue(l.Position);
                        json.WriteNumberValue(_ids[l.Key]);
                        json.WriteStringValue(l.Name);
                    })));
            }
        }

        _links.Clear();
    }

    public void Dispose()
    {
        _unlink.Dispose();
        _unindex?.Dispose();
    }
}
