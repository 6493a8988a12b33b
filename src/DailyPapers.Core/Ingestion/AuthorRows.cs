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
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _slugs = new(StringComparer.Ordinal);
    private readonly Statement _insert;
    private readonly Statement _unlink;
    private readonly Statement? _link;
    // The trigram table of author names FTS5 keeps; PostgreSQL indexes Authors.FoldedName itself (pg_trgm), so needs neither.
    private readonly Statement? _index;
    private readonly Statement? _unindex;
    // PostgreSQL: links written by COPY (binary) at the next flush, before anything reads them.
    private readonly Data.Postgres.CopyRows? _copy;

    public AuthorRows(DbConnection connection, SqlDialect sql)
    {
        // Keys are computed again from the names, so a database keyed by an older rule still finds every author.
        foreach (var (id, name, slug) in connection.Query(null, "SELECT Id, Name, Slug FROM Authors ORDER BY Id", r => (r.GetInt32(0), r.GetString(1), r.GetString(2))))
        {
            _ids.TryAdd(AuthorNames.Key(name), id);
            _slugs.Add(slug);
        }

        _insert = connection.Prepare("INSERT INTO Authors (Key, Name, FoldedName, Slug, PaperCount, VoteCount) VALUES (@key, @name, @folded, @slug, 0, 0) RETURNING Id", "@key", "@name", "@folded", "@slug");
        _unlink = connection.Prepare("DELETE FROM PaperAuthors WHERE PaperId = @paper RETURNING AuthorId", "@paper");
        _copy = sql.BulkRows("PaperAuthors", "PaperId", "Position", "AuthorId", "Name");
        if (_copy is null)
        {
            // One statement per paper: the links travel as one JSON array of [id, spelling] pairs the database expands.
            _link = connection.Prepare($"INSERT INTO PaperAuthors (PaperId, Position, AuthorId, Name) SELECT @paper, key, {sql.Int("value ->> 0")}, value ->> 1 FROM {sql.Rows("@authors")}", "@paper", "@authors");
        }

        if (sql.FullText == FullTextIndex.Fts5)
        {
            _index = connection.Prepare(Search.AuthorIndex.InsertSql, "@id", "@name");
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

    /// <summary>Links a paper to its authors, in order, creating the authors not stored yet.</summary>
    public void Link(DbTransaction transaction, int paperId, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        var links = new List<object[]>(names.Count);
        foreach (var name in names)
        {
            var authorId = IdOf(transaction, name);
            Touch(authorId);
            links.Add([authorId, name]);
        }

        if (_copy is not null)
        {
            for (var position = 0; position < links.Count; position++)
            {
                _copy.Add(paperId, position, links[position][0], links[position][1]);
            }

            return;
        }

        _link!.Execute(transaction, paperId, System.Text.Json.JsonSerializer.Serialize(links));
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

    /// <summary>Writes the links held for <c>COPY</c> (PostgreSQL): before anything reads PaperAuthors.</summary>
    public void Flush(DbTransaction transaction) => _copy?.Flush(transaction);

    private int IdOf(DbTransaction transaction, string name)
    {
        var key = AuthorNames.Key(name);
        if (_ids.TryGetValue(key, out var id))
        {
            return id;
        }

        var slug = AuthorNames.Slug(name);
        for (var n = 2; !_slugs.Add(slug); n++)
        {
            slug = $"{AuthorNames.Slug(name)}-{n}";
        }

        var folded = AuthorNames.Fold(name);
        id = _insert.Insert(transaction, key, name, folded, slug);
        _index?.Execute(transaction, id, folded);
        _ids[key] = id;
        return id;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _unlink.Dispose();
        _link?.Dispose();
        _index?.Dispose();
        _unindex?.Dispose();
    }
}
