using System.Globalization;
using System.Text;
using System.Data.Common;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Search;

/// <summary>
/// Each paper's most similar papers, computed at ingest and stored (SimilarPapers) so a paper page reads its list by key.
/// </summary>
/// <remarks>
/// <para>A paper is a tf-idf vector over the terms search indexes (<see cref="SearchText.Terms"/>: Korean syllable
/// pairs, English words) of its title and summary, the title counted twice: weight (1 + ln tf) · ln(1 + N / df).
/// Only its <see cref="TermsKept"/> heaviest terms are kept, normalised to length 1; two papers' similarity is the
/// cosine of those vectors. Dropping the light tail drops the particles and endings every summary shares, keeps the
/// names and topics, and keeps the inverted index (SimilarityPostings: term → papers with weights) small.</para>
/// <para>An ingest re-indexes only the papers it touched whose terms changed, then scores only the papers sharing a
/// kept term with them, found through each term's <see cref="Followed"/> heaviest postings (terms in more than a tenth
/// of the archive are not followed), so its cost follows the new papers and their terms, not the archive. Lists are rewritten exactly for the changed papers and for every paper
/// whose list named a changed or removed paper. A new paper enters an older paper's list when it is among the new
/// paper's <see cref="Propagated"/> closest and beats that list's last entry; an older paper pushed further down the
/// ranking than that keeps its list until it is itself re-indexed.</para>
/// <para>Weights use the document frequencies of the ingest that indexed the paper: a full ingest is exact, and an
/// older paper's weights drift by as little as one day's papers move the frequencies, until its content changes.</para>
/// </remarks>
public static class SimilarPapers
{
    public const int ListLength = 6;

    internal const int TermsKept = 24;

    internal const int Propagated = 20;

    /// <summary>
    /// How many of a term's postings, heaviest first, are followed for candidates. A paper is found through the terms
    /// it weighs most; this keeps a paper's cost the same however long the archive makes each term's posting list
    /// (at the corpus's size no followed term has more).
    /// </summary>
    internal const int Followed = 256;

    private const int TitleWeight = 2;

    /// <summary>
    /// Brings the similarity index and the neighbour lists up to date for papers an ingest touched (written, relisted
    /// or removed), inside its transaction. Returns the arXiv ids of the papers whose lists changed.
    /// </summary>
    public static IReadOnlyCollection<string> Update(DbTransaction transaction, IReadOnlyCollection<int> touched)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(touched);
        var ids = touched.ToHashSet();

        // A database from before similarity indexes every paper at its first ingest.
        if (Scalar(transaction, "SELECT NOT EXISTS (SELECT 1 FROM SimilarityDocuments) AND EXISTS (SELECT 1 FROM Papers)") == 1)
        {
            ids.UnionWith(ReadInts(transaction, "SELECT Id FROM Papers", null));
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var (changed, removed, referrers) = StoreDocuments(transaction, ids);
        if (changed.Count == 0 && removed.Count == 0)
        {
            return [];
        }

        var paperCount = Scalar(transaction, "SELECT COUNT(*) FROM SimilarityDocuments");
        var vocabulary = new Vocabulary();
        var (vectors, allFrequencies) = StorePostings(transaction, changed, paperCount, vocabulary);
        ReadVectors(transaction, referrers, vocabulary, vectors);

        // Every paper's vector in hand (a first ingest, or a rebuild): the postings are read from them rather than asked for term by term.
        var scorer = allFrequencies is not null && vectors.Count == paperCount
            ? Scorer.From(vectors, vocabulary, allFrequencies, paperCount)
            : Scorer.Load(transaction, vocabulary, paperCount);
        return StoreLists(transaction, vectors, scorer, vocabulary, [.. changed], removed);
    }

    /// <summary>
    /// Computes the lists of the given papers again from the stored index, every posting read from it: what an ingest
    /// does for papers whose lists named a changed paper. Returns the arXiv ids of the papers whose lists changed.
    /// </summary>
    internal static IReadOnlyCollection<string> Rescore(DbTransaction transaction, IReadOnlyCollection<int> papers)
    {
        var vocabulary = new Vocabulary();
        var vectors = new Dictionary<int, Entry[]>();
        ReadVectors(transaction, papers, vocabulary, vectors);
        var scorer = Scorer.Load(transaction, vocabulary, Scalar(transaction, "SELECT COUNT(*) FROM SimilarityDocuments"));
        return StoreLists(transaction, vectors, scorer, vocabulary, [], []);
    }

    /// <summary>Stored vectors (the papers' postings) into <paramref name="vectors"/>.</summary>
    private static void ReadVectors(DbTransaction transaction, IEnumerable<int> papers, Vocabulary vocabulary, Dictionary<int, Entry[]> vectors)
    {
        foreach (var chunk in papers.Chunk(Chunk))
        {
            using var command = Command(transaction, $"SELECT PaperId, Term, Weight FROM SimilarityPostings WHERE PaperId IN ({Sql(transaction).Ids("@ids")}) ORDER BY PaperId", ("@ids", IdList(chunk)));
            using var reader = command.ExecuteReader();
            var entries = new List<Entry>();
            var paper = -1;
            while (true)
            {
                var more = reader.Read();
                var id = more ? reader.GetInt32(0) : -1;
                if (id != paper && entries.Count > 0)
                {
                    vectors[paper] = Entry.Sorted(entries);
                    entries.Clear();
                }

                if (!more)
                {
                    break;
                }

                paper = id;
                entries.Add(new Entry(vocabulary.Id(reader.GetString(1)), reader.GetDouble(2)));
            }
        }
    }

    /// <summary>
    /// Scores the papers of <paramref name="vectors"/> and writes the lists that changed: theirs, and those of older
    /// papers a changed paper now beats; drops the lists of removed papers. Returns the arXiv ids of the papers whose lists changed.
    /// </summary>
    private static List<string> StoreLists(
        DbTransaction transaction, Dictionary<int, Entry[]> vectors, Scorer scorer, Vocabulary vocabulary, HashSet<int> changedSet, List<int> removed)
    {
        var lists = new Dictionary<int, List<(int Id, double Score)>>();
        var offers = new Dictionary<int, List<(int Id, double Score)>>();
        using var postingsOf = Command(transaction, "SELECT Term, Weight FROM SimilarityPostings WHERE PaperId = @id", ("@id", 0));
        var read = new Dictionary<int, Entry[]>();
        Entry[] VectorOf(int paper)
        {
            if (vectors.TryGetValue(paper, out var known) || read.TryGetValue(paper, out known))
            {
                return known;
            }

            // A paper outside this ingest, reached as a candidate: its postings by key.
            postingsOf.Parameters[0].Value = paper;
            using var reader = postingsOf.ExecuteReader();
            var entries = new List<Entry>();
            while (reader.Read())
            {
                entries.Add(new Entry(vocabulary.Id(reader.GetString(0)), reader.GetDouble(1)));
            }

            return read[paper] = Entry.Sorted(entries);
        }

        foreach (var (id, closest) in scorer.Closest(vectors, Propagated, VectorOf))
        {
            lists[id] = [.. closest.Take(ListLength)];
            if (!changedSet.Contains(id))
            {
                continue;
            }

            // A new or changed paper offers itself to the papers it is closest to.
            foreach (var (other, score) in closest)
            {
                if (!vectors.ContainsKey(other))
                {
                    (offers.TryGetValue(other, out var offered) ? offered : offers[other] = []).Add((id, score));
                }
            }
        }

        Execute(transaction, $"DELETE FROM SimilarPapers WHERE PaperId IN ({Sql(transaction).Ids("@ids")})", ("@ids", IdList(removed)));
        var before = ReadLists(transaction, lists.Keys.Concat(offers.Keys));
        foreach (var (id, offered) in offers)
        {
            var list = before.GetValueOrDefault(id) ?? [];
            lists[id] = [.. list.Concat(offered).DistinctBy(e => e.Id).OrderByDescending(e => e.Score).ThenBy(e => e.Id).Take(ListLength)];
        }

        var rewritten = lists.Where(l => !Same(before.GetValueOrDefault(l.Key), l.Value)).Select(l => l.Key).ToList();
        // SQLite takes the rows one prepared statement at a time; PostgreSQL takes each chunk as one COPY.
        var copy = Sql(transaction).IsPostgres ? new Data.Postgres.CopyRows("SimilarPapers", "PaperId", "Rank", "SimilarPaperId", "Score") : null;
        using (var insert = Command(transaction, "INSERT INTO SimilarPapers (PaperId, Rank, SimilarPaperId, Score) VALUES (@id, @rank, @similar, @score)", ("@id", 0), ("@rank", 0), ("@similar", 0), ("@score", 0.0)))
        {
            foreach (var chunk in rewritten.Chunk(Chunk))
            {
                Execute(transaction, $"DELETE FROM SimilarPapers WHERE PaperId IN ({Sql(transaction).Ids("@ids")})", ("@ids", IdList(chunk)));
                foreach (var id in chunk)
                {
                    insert.Parameters[0].Value = id;
                    var rank = 0;
                    foreach (var (similar, score) in lists[id])
                    {
                        if (copy is not null)
                        {
                            copy.Add(id, ++rank, similar, score);
                            continue;
                        }

                        insert.Parameters[1].Value = ++rank;
                        insert.Parameters[2].Value = similar;
                        insert.Parameters[3].Value = score;
                        insert.ExecuteNonQuery();
                    }
                }

                copy?.Flush(transaction);
            }
        }

        var names = new List<string>();
        foreach (var chunk in rewritten.Chunk(Chunk))
        {
            using var arxiv = Command(transaction, $"SELECT ArxivId FROM Papers WHERE Id IN ({Sql(transaction).Ids("@ids")})", ("@ids", IdList(chunk)));
            using var reader = arxiv.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        return names;
    }

    /// <summary>The (Term, Weight, PaperId) index of the model (<c>SimilarityPostingConfiguration</c>), dropped and made again around a bulk write.</summary>
    private const string TermIndex = "IX_SimilarityPostings_Term_Weight_PaperId";

    /// <summary>Papers are read, cut and written this many at a time, so a full ingest never holds every text at once.</summary>
    private const int Chunk = 4096;

    /// <summary>
    /// Cuts the touched papers' terms again from their stored text and stores those that changed (new papers
    /// included), drops those of papers gone, and moves the document frequencies by the difference. Returns the papers
    /// whose terms changed, the papers gone, and the other papers whose lists named one of them (computed again whole).
    /// </summary>
    private static (List<int> Changed, List<int> Removed, HashSet<int> Referrers) StoreDocuments(DbTransaction transaction, HashSet<int> ids)
    {
        var changed = new List<int>();
        var removed = new List<int>();
        var frequencyDelta = new Dictionary<string, int>(StringComparer.Ordinal);
        var deltas = frequencyDelta.GetAlternateLookup<ReadOnlySpan<char>>();
        using var upsert = Command(
            transaction, "INSERT INTO SimilarityDocuments (PaperId, Terms) VALUES (@id, @terms) ON CONFLICT (PaperId) DO UPDATE SET Terms = excluded.Terms", ("@id", 0), ("@terms", ""));
        // PostgreSQL replaces a chunk's changed documents with one delete and one COPY instead of a statement per paper.
        var copy = Sql(transaction).IsPostgres ? new Data.Postgres.CopyRows("SimilarityDocuments", "PaperId", "Terms") : null;
        foreach (var chunk in ids.Order().Chunk(Chunk))
        {
            var copied = new List<int>();
            var idList = IdList(chunk);
            var texts = new List<(int Id, string Title, string Summary)>();
            using (var command = Command(transaction, $"SELECT Id, Title, SummaryMarkdown FROM Papers WHERE Id IN ({Sql(transaction).Ids("@ids")})", ("@ids", idList)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    texts.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            // Cutting text is most of a full ingest's share here, and every paper is cut on its own: in parallel, each
            // worker reusing one table of counts and making each distinct term's string once.
            var documents = new string[texts.Count];
            Parallel.For(0, texts.Count, () => new Cutter(), (i, _, cutter) =>
            {
                documents[i] = cutter.Document(texts[i].Title, texts[i].Summary);
                return cutter;
            }, _ => { });
            var current = new Dictionary<int, string>(texts.Count);
            for (var i = 0; i < texts.Count; i++)
            {
                current[texts[i].Id] = documents[i];
            }

            var stored = new Dictionary<int, string>();
            using (var command = Command(transaction, $"SELECT PaperId, Terms FROM SimilarityDocuments WHERE PaperId IN ({Sql(transaction).Ids("@ids")})", ("@ids", idList)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    stored[reader.GetInt32(0)] = reader.GetString(1);
                }
            }

            // Papers whose terms changed (new ones included) and papers gone; a paper relisted as it was is neither.
            foreach (var id in chunk)
            {
                var had = stored.GetValueOrDefault(id);
                if (current.TryGetValue(id, out var text))
                {
                    if (had == text)
                    {
                        continue;
                    }

                    changed.Add(id);
                    if (copy is not null)
                    {
                        copy.Add(id, text);
                        copied.Add(id);
                    }
                    else
                    {
                        upsert.Parameters[0].Value = id;
                        upsert.Parameters[1].Value = text;
                        upsert.ExecuteNonQuery();
                    }

                    for (var document = new DocumentReader(text); document.Next(out var term, out _);)
                    {
                        deltas[term] = deltas.TryGetValue(term, out var delta) ? delta + 1 : 1;
                    }
                }
                else if (had is not null)
                {
                    removed.Add(id);
                }
                else
                {
                    continue;
                }

                if (had is not null)
                {
                    for (var old = new DocumentReader(had); old.Next(out var term, out _);)
                    {
                        deltas[term] = deltas.TryGetValue(term, out var delta) ? delta - 1 : -1;
                    }
                }
            }

            if (copy is { Count: > 0 })
            {
                Execute(transaction, $"DELETE FROM SimilarityDocuments WHERE PaperId IN ({Sql(transaction).Ids("@ids")})", ("@ids", IdList(copied)));
                copy.Flush(transaction);
            }
        }

        var referrers = new HashSet<int>();
        foreach (var chunk in changed.Concat(removed).Chunk(Chunk))
        {
            // Lists naming a paper that changed or went are computed again whole.
            var idList = IdList(chunk);
            referrers.UnionWith(ReadInts(transaction, $"SELECT DISTINCT PaperId FROM SimilarPapers WHERE SimilarPaperId IN ({Sql(transaction).Ids("@ids")})", idList));
            Execute(transaction, $"DELETE FROM SimilarityPostings WHERE PaperId IN ({Sql(transaction).Ids("@ids")})", ("@ids", idList));
        }

        foreach (var chunk in removed.Chunk(Chunk))
        {
            Execute(transaction, $"DELETE FROM SimilarityDocuments WHERE PaperId IN ({Sql(transaction).Ids("@ids")})", ("@ids", IdList(chunk)));
        }

        referrers.ExceptWith(changed);
        referrers.ExceptWith(removed);
        Execute(
            transaction,
            $"""
            INSERT INTO SimilarityTerms (Term, DocumentCount) SELECT value ->> 0, {Sql(transaction).Int("value ->> 1")} FROM {Sql(transaction).Rows("@deltas")} WHERE true
            ON CONFLICT (Term) DO UPDATE SET DocumentCount = SimilarityTerms.DocumentCount + excluded.DocumentCount
            """,
            ("@deltas", System.Text.Json.JsonSerializer.Serialize(frequencyDelta.Where(d => d.Value != 0).Select(d => new object[] { d.Key, d.Value }))));
        Execute(transaction, $"DELETE FROM SimilarityTerms WHERE Term IN (SELECT value ->> 0 FROM {Sql(transaction).Rows("@deltas")}) AND DocumentCount <= 0",
            ("@deltas", System.Text.Json.JsonSerializer.Serialize(frequencyDelta.Where(d => d.Value < 0).Select(d => new object[] { d.Key }))));
        return (changed, removed, referrers);
    }

    /// <summary>
    /// The changed papers' vectors (kept terms only) from their stored documents and the document frequencies as they
    /// now stand, written to the inverted index; returned for scoring, their terms numbered by <paramref name="vocabulary"/>.
    /// </summary>
    private static (Dictionary<int, Entry[]> Vectors, Dictionary<string, int>? AllFrequencies) StorePostings(
        DbTransaction transaction, List<int> changed, int paperCount, Vocabulary vocabulary)
    {
        var vectors = new Dictionary<int, Entry[]>();
        // Most of the index written afresh (a first ingest, or a rebuild): the term index is built once after the rows,
        // a sort, rather than kept up to date row by row at random places; and every frequency is read at once.
        var bulk = changed.Count * 2 > paperCount;
        Dictionary<string, int>? allFrequencies = null;
        if (bulk)
        {
            Execute(transaction, $"DROP INDEX IF EXISTS {TermIndex}");
            allFrequencies = Frequencies(transaction, null);
        }

        using var insertPostings = Command(transaction, $"INSERT INTO SimilarityPostings (Term, PaperId, Weight) SELECT value ->> 0, {Sql(transaction).Int("value ->> 1")}, {Sql(transaction).Real("value ->> 2")} FROM {Sql(transaction).Rows("@postings")}", ("@postings", ""));
        foreach (var chunk in changed.Order().Chunk(Chunk))
        {
            var documents = new List<(int Id, string Text)>();
            using (var command = Command(transaction, $"SELECT PaperId, Terms FROM SimilarityDocuments WHERE PaperId IN ({Sql(transaction).Ids("@ids")}) ORDER BY PaperId", ("@ids", IdList(chunk))))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    documents.Add((reader.GetInt32(0), reader.GetString(1)));
                }
            }

            var frequencies = allFrequencies ?? Frequencies(transaction, DistinctTerms(documents.Select(d => d.Text)));

            // Weighing is read-only work on each document alone; the kept terms are numbered after, in order.
            var weighed = documents.AsParallel().AsOrdered().Select(d => (d.Id, Kept: Weigh(d.Text, frequencies, paperCount))).ToList();
            var postings = new List<(string Term, int Id, double Weight)>();
            foreach (var (id, kept) in weighed)
            {
                vectors[id] = Entry.Sorted(kept.Select(t => new Entry(vocabulary.Id(t.Term), t.Weight)));

                // In key order (paper, then term), many to a statement: the key's pages are touched once each instead of at random.
                postings.AddRange(kept.OrderBy(t => t.Term, StringComparer.Ordinal).Select(t => (t.Term, id, t.Weight)));
            }

            foreach (var batch in postings.Chunk(4096))
            {
                insertPostings.Parameters[0].Value = PostingsJson(batch);
                insertPostings.ExecuteNonQuery();
            }
        }

        if (bulk)
        {
            Execute(transaction, $"CREATE INDEX {TermIndex} ON SimilarityPostings (Term, Weight DESC, PaperId)");
        }

        return (vectors, allFrequencies);
    }

    /// <summary>The distinct terms of some stored documents.</summary>
    private static HashSet<string> DistinctTerms(IEnumerable<string> documents)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var text in documents)
        {
            for (var document = new DocumentReader(text); document.Next(out var term, out _);)
            {
                lookup.Add(term);
            }
        }

        return terms;
    }

    /// <summary>Cuts papers' texts into stored documents, one paper at a time, reusing one table of counts and one string per distinct term.</summary>
    private sealed class Cutter
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly HashSet<string> _terms = new(StringComparer.Ordinal);

        /// <summary>The stored document of a paper: term counts of its title (counted <see cref="TitleWeight"/> times) and summary.</summary>
        public string Document(string title, string summary)
        {
            _counts.Clear();
            SearchText.CountTerms(title, _counts, TitleWeight, _terms);
            SearchText.CountTerms(summary, _counts, 1, _terms);
            return Serialize(_counts);
        }
    }

    /// <summary>The heaviest terms by tf-idf, normalised to length 1, in a fixed order (<see cref="Weigh"/> on the counts as stored).</summary>
    internal static List<(string Term, double Weight)> Vector(Dictionary<string, int> counts, Dictionary<string, int> frequencies, int paperCount) =>
        Weigh(Serialize(counts), frequencies, paperCount);

    /// <summary>
    /// The heaviest terms of a stored document by tf-idf, (1 + ln tf) · ln(1 + N / df), normalised to length 1: heaviest
    /// first, then by term. Only the kept terms become strings.
    /// </summary>
    private static List<(string Term, double Weight)> Weigh(string document, Dictionary<string, int> frequencies, int paperCount)
    {
        var lookup = frequencies.GetAlternateLookup<ReadOnlySpan<char>>();

        // The heaviest few of a few hundred: a heap whose top is the lightest kept (lower weight, then the later term).
        var lighter = new Lighter(document);
        var heaviest = new PriorityQueue<(int Start, int Length, double Weight), (int Start, int Length, double Weight)>(TermsKept + 1, lighter);
        for (var reader = new DocumentReader(document); reader.Next(out var term, out var count, out var start);)
        {
            var frequency = lookup.TryGetValue(term, out var known) ? Math.Max(1, known) : 1;
            var entry = (start, term.Length, (1 + Math.Log(count)) * Math.Log(1 + (double)paperCount / frequency));
            if (heaviest.Count < TermsKept)
            {
                heaviest.Enqueue(entry, entry);
            }
            else if (lighter.Compare(heaviest.Peek(), entry) < 0)
            {
                heaviest.EnqueueDequeue(entry, entry);
            }
        }

        var weighted = new List<(string Term, double Weight)>(heaviest.Count);
        while (heaviest.TryDequeue(out var entry, out _))
        {
            weighted.Add((document.Substring(entry.Start, entry.Length), entry.Weight));
        }

        // Heaviest first, then by term.
        weighted.Reverse();
        var norm = Math.Sqrt(weighted.Sum(t => t.Weight * t.Weight));
        return norm == 0 ? [] : [.. weighted.Select(t => (t.Term, t.Weight / norm))];
    }

    /// <summary>Orders a document's terms lightest first: lower weight, then for equal weights the term later in ordinal order.</summary>
    private sealed class Lighter(string document) : IComparer<(int Start, int Length, double Weight)>
    {
        public int Compare((int Start, int Length, double Weight) x, (int Start, int Length, double Weight) y)
        {
            var byWeight = x.Weight.CompareTo(y.Weight);
            return byWeight != 0 ? byWeight : document.AsSpan(y.Start, y.Length).SequenceCompareTo(document.AsSpan(x.Start, x.Length));
        }
    }

    /// <summary>[[term, paper, weight], …]; terms are letters and digits only, so they need no escaping.</summary>
    private static string PostingsJson(IEnumerable<(string Term, int Id, double Weight)> postings)
    {
        var json = new StringBuilder("[");
        foreach (var (term, id, weight) in postings)
        {
            json.Append(json.Length > 1 ? ",[\"" : "[\"").Append(term).Append("\",").Append(id.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(weight.ToString("R", CultureInfo.InvariantCulture)).Append(']');
        }

        return json.Append(']').ToString();
    }

    /// <summary>A document as stored: a line "term TAB count" per term, in the order the text gives them, so the same text always serialises alike.</summary>
    private static string Serialize(Dictionary<string, int> terms)
    {
        var text = new StringBuilder(terms.Count * 8);
        foreach (var (term, count) in terms)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(term).Append('\t').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Reads a stored document's terms and counts in place, without making a string of each.</summary>
    private ref struct DocumentReader(string text)
    {
        private int _position;

        public bool Next(out ReadOnlySpan<char> term, out int count) => Next(out term, out count, out _);

        public bool Next(out ReadOnlySpan<char> term, out int count, out int start)
        {
            while (_position < text.Length)
            {
                var rest = text.AsSpan(_position);
                var end = rest.IndexOf('\n');
                var line = end < 0 ? rest : rest[..end];
                start = _position;
                _position += end < 0 ? rest.Length : end + 1;
                var tab = line.IndexOf('\t');
                if (tab <= 0)
                {
                    continue;
                }

                term = line[..tab];
                count = int.Parse(line[(tab + 1)..], CultureInfo.InvariantCulture);
                return true;
            }

            term = default;
            count = 0;
            start = 0;
            return false;
        }
    }

    /// <summary>Document frequencies of the given terms, or of every term when <paramref name="terms"/> is null.</summary>
    private static Dictionary<string, int> Frequencies(DbTransaction transaction, IEnumerable<string>? terms)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        using var command = terms is null
            ? Command(transaction, "SELECT Term, DocumentCount FROM SimilarityTerms")
            : Command(transaction, $"SELECT Term, DocumentCount FROM SimilarityTerms WHERE Term IN ({Sql(transaction).Texts("@terms")})", ("@terms", System.Text.Json.JsonSerializer.Serialize(terms)));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            frequencies[reader.GetString(0)] = reader.GetInt32(1);
        }

        return frequencies;
    }

    /// <summary>The terms one update meets, each numbered once, so vectors and postings compare numbers rather than strings.</summary>
    private sealed class Vocabulary
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _terms = [];

        public List<string> Terms => _terms;

        public int Id(string term)
        {
            if (!_ids.TryGetValue(term, out var id))
            {
                _ids[term] = id = _terms.Count;
                _terms.Add(term);
            }

            return id;
        }
    }

    /// <summary>One term of a paper's vector: the term's number in the update's <see cref="Vocabulary"/>, and its weight.</summary>
    private readonly record struct Entry(int Term, double Weight)
    {
        /// <summary>A vector as scoring reads it: ordered by term number, so two vectors meet in one pass.</summary>
        public static Entry[] Sorted(IEnumerable<Entry> entries)
        {
            var sorted = entries.ToArray();
            Array.Sort(sorted, static (x, y) => x.Term.CompareTo(y.Term));
            return sorted;
        }

        /// <summary>The dot product of two vectors ordered by term.</summary>
        public static double Dot(Entry[] x, Entry[] y)
        {
            var sum = 0.0;
            for (int i = 0, j = 0; i < x.Length && j < y.Length;)
            {
                if (x[i].Term < y[j].Term)
                {
                    i++;
                }
                else if (x[i].Term > y[j].Term)
                {
                    j++;
                }
                else
                {
                    sum += x[i++].Weight * y[j++].Weight;
                }
            }

            return sum;
        }
    }

    private static Dictionary<int, List<(int Id, double Score)>> ReadLists(DbTransaction transaction, IEnumerable<int> ids)
    {
        var lists = new Dictionary<int, List<(int Id, double Score)>>();
        using var command = Command(transaction, $"SELECT PaperId, SimilarPaperId, Score FROM SimilarPapers WHERE PaperId IN ({Sql(transaction).Ids("@ids")}) ORDER BY PaperId, Rank", ("@ids", IdList(ids)));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            (lists.TryGetValue(id, out var list) ? list : lists[id] = []).Add((reader.GetInt32(1), reader.GetDouble(2)));
        }

        return lists;
    }

    private static bool Same(List<(int Id, double Score)>? before, List<(int Id, double Score)> after) =>
        (before ?? []).Select(e => e.Id).SequenceEqual(after.Select(e => e.Id));

    /// <summary>The postings of the terms being scored, read once, with each paper as a dense index for accumulating.</summary>
    private sealed class Scorer
    {
        // By term number; null for a term not followed.
        private readonly List<List<(int Index, double Weight)>?> _postings = [];
        private readonly Dictionary<int, int> _indexes = [];
        private readonly List<int> _ids = [];

        // Terms not read in full (more postings than were followed, or not followed at all): a paper sharing one of
        // them with another may not have been reached through it, so its sum over what was read is only part of its score.
        private readonly HashSet<int> _cut = [];

        /// <summary>
        /// The postings of the vocabulary's terms as the index holds them (the papers just indexed included), each term's
        /// <see cref="Followed"/> heaviest only, read along the (Term, Weight) index. A term in more than a tenth of the
        /// papers is not followed: it says little, and would make every candidate set large.
        /// </summary>
        public static Scorer Load(DbTransaction transaction, Vocabulary vocabulary, int paperCount)
        {
            var scorer = new Scorer();
            var limit = Math.Max(20, paperCount / 10);
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < vocabulary.Terms.Count; i++)
            {
                numbers[vocabulary.Terms[i]] = i;
                scorer._postings.Add(null);
            }

            using var command = Command(
                transaction,
                "SELECT PaperId, Weight FROM SimilarityPostings WHERE Term = @term ORDER BY Weight DESC LIMIT @followed",
                ("@term", ""), ("@followed", Followed));
            foreach (var chunk in vocabulary.Terms.Chunk(Chunk))
            {
                foreach (var (term, count) in Frequencies(transaction, chunk))
                {
                    var number = numbers[term];
                    if (count > limit)
                    {
                        scorer._cut.Add(number);
                        continue;
                    }

                    command.Parameters[0].Value = term;
                    using var reader = command.ExecuteReader();
                    var postings = scorer._postings[number] = [];
                    while (reader.Read())
                    {
                        postings.Add((scorer.Index(reader.GetInt32(0)), reader.GetDouble(1)));
                    }

                    // As many as were asked for: there may be more.
                    if (postings.Count == Followed)
                    {
                        scorer._cut.Add(number);
                    }
                }
            }

            return scorer;
        }

        /// <summary>
        /// The same postings as <see cref="Load"/> reads, taken from every paper's vector: each term's
        /// <see cref="Followed"/> heaviest (ties by paper), terms in more than a tenth of the papers not followed.
        /// </summary>
        public static Scorer From(IReadOnlyDictionary<int, Entry[]> vectors, Vocabulary vocabulary, Dictionary<string, int> frequencies, int paperCount)
        {
            var scorer = new Scorer();
            var limit = Math.Max(20, paperCount / 10);
            var byTerm = new List<(int Id, double Weight)>?[vocabulary.Terms.Count];
            for (var term = 0; term < byTerm.Length; term++)
            {
                scorer._postings.Add(null);
                if (frequencies.GetValueOrDefault(vocabulary.Terms[term]) <= limit)
                {
                    byTerm[term] = [];
                }
                else
                {
                    scorer._cut.Add(term);
                }
            }

            foreach (var (id, vector) in vectors)
            {
                foreach (var (term, weight) in vector)
                {
                    byTerm[term]?.Add((id, weight));
                }
            }

            for (var term = 0; term < byTerm.Length; term++)
            {
                if (byTerm[term] is not { } postings)
                {
                    continue;
                }

                // Heaviest first, then the lower paper id, as the (Term, Weight DESC, PaperId) index reads them.
                postings.Sort(static (x, y) => x.Weight != y.Weight ? y.Weight.CompareTo(x.Weight) : x.Id.CompareTo(y.Id));
                scorer._postings[term] = [.. postings.Take(Followed).Select(p => (scorer.Index(p.Id), p.Weight))];
                if (postings.Count > Followed)
                {
                    scorer._cut.Add(term);
                }
            }

            return scorer;
        }

        private int Index(int id)
        {
            if (!_indexes.TryGetValue(id, out var index))
            {
                _indexes[id] = index = _ids.Count;
                _ids.Add(id);
            }

            return index;
        }

        /// <summary>
        /// The <paramref name="count"/> papers closest to each of <paramref name="vectors"/>, by cosine, in the order given.
        /// Candidates come from the postings read; when one of a paper's terms was not read in full, the <see cref="Rescored"/>-fold
        /// candidates with the highest partial sums are scored again in full from their vectors (<paramref name="vectorOf"/>,
        /// called on this thread only), so every score stored is a cosine. Papers are scored in parallel, each alone.
        /// </summary>
        public List<(int Id, List<(int Id, double Score)> Closest)> Closest(
            IReadOnlyDictionary<int, Entry[]> vectors, int count, Func<int, Entry[]> vectorOf)
        {
            var papers = vectors.ToArray();
            var closest = new List<(int Id, double Score)>[papers.Length];
            var rescore = new bool[papers.Length];
            Parallel.For(0, papers.Length, () => new double[_ids.Count], (i, _, scores) =>
            {
                var (id, vector) = papers[i];
                rescore[i] = Array.Exists(vector, t => _cut.Contains(t.Term));
                closest[i] = Partial(id, vector, rescore[i] ? count * Rescored : count, scores);
                return scores;
            }, _ => { });

            var full = new Dictionary<int, Entry[]>();
            for (var i = 0; i < papers.Length; i++)
            {
                foreach (var (other, _) in rescore[i] ? closest[i] : [])
                {
                    if (!full.ContainsKey(other))
                    {
                        full[other] = vectorOf(other);
                    }
                }
            }

            Parallel.For(0, papers.Length, i =>
            {
                if (rescore[i])
                {
                    var vector = papers[i].Value;
                    closest[i] = [.. closest[i]
                        .Select(c => (c.Id, Score: Math.Round(Entry.Dot(vector, full[c.Id]), 6)))
                        .OrderByDescending(c => c.Score).ThenBy(c => c.Id).Take(count)];
                }
            });

            return [.. papers.Select((p, i) => (p.Key, closest[i]))];
        }

        /// <summary>How many times more candidates than asked for are scored in full when a term was not read in full.</summary>
        private const int Rescored = 4;

        /// <summary>The closest papers by the sums over the postings read: cosines when all of the paper's terms were read in full.</summary>
        private List<(int Id, double Score)> Partial(int id, Entry[] vector, int count, double[] scores)
        {
            var seen = new List<int>();
            foreach (var (term, weight) in vector)
            {
                if (term >= _postings.Count || _postings[term] is not { } postings)
                {
                    continue;
                }

                foreach (var (index, other) in postings)
                {
                    if (scores[index] == 0)
                    {
                        seen.Add(index);
                    }

                    scores[index] += weight * other;
                }
            }

            // The best few of many candidates: a heap whose top is the worst kept (lower score, then higher id).
            var best = new PriorityQueue<(int Id, double Score), (double Score, int NegatedId)>(count + 1);
            foreach (var index in seen)
            {
                var score = Math.Round(scores[index], 6);
                scores[index] = 0;
                var other = _ids[index];
                if (other == id || score <= 0)
                {
                    continue;
                }

                var key = (score, -other);
                if (best.Count < count)
                {
                    best.Enqueue((other, score), key);
                }
                else if (best.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0)
                {
                    best.EnqueueDequeue((other, score), key);
                }
            }

            var closest = new List<(int Id, double Score)>(best.Count);
            while (best.TryDequeue(out var entry, out _))
            {
                closest.Add(entry);
            }

            // Higher score first, then the lower id.
            closest.Reverse();
            return closest;
        }
    }

    private static SqlDialect Sql(DbTransaction transaction) => SqlDialect.Of(transaction.Connection!);

    private static string IdList(IEnumerable<int> ids) => "[" + string.Join(',', ids) + "]";

    private static DbCommand Command(DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Bind(name, value);
        }

        return command;
    }

    private static void Execute(DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static int Scalar(DbTransaction transaction, string sql)
    {
        using var command = Command(transaction, sql);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<int> ReadInts(DbTransaction transaction, string sql, string? ids)
    {
        using var command = ids is null ? Command(transaction, sql) : Command(transaction, sql, ("@ids", ids));
        using var reader = command.ExecuteReader();
        var values = new List<int>();
        while (reader.Read())
        {
            values.Add(reader.GetInt32(0));
        }

        return values;
    }
}
