using System.Data.Common;
using static DailyPapers.Core.Search.SimilarityEngine;

namespace DailyPapers.Core.Search;

/// <summary>
/// Each paper's most similar papers, computed at ingest and stored (SimilarPapers) so a paper page reads its list by key.
/// This type runs the steps; <see cref="SimilarityEngine"/> does the arithmetic and <see cref="SimilarityStore"/> the SQL.
/// </summary>
/// <remarks>
/// <para>A paper is a tf-idf vector over the terms search indexes (<see cref="SearchText.Terms"/>: Korean syllable
/// pairs, English words) of its title and summary, the title counted twice (<see cref="TermDocument"/>): weight
/// (1 + ln tf) · ln(1 + N / df). Only its <see cref="SimilarityEngine.TermsKept"/> heaviest terms are kept, normalised
/// to length 1; two papers' similarity is the cosine of those vectors. Dropping the light tail drops the particles and
/// endings every summary shares, keeps the names and topics, and keeps the inverted index (SimilarityPostings: term →
/// papers with weights) small.</para>
/// <para>An ingest re-indexes only the papers it touched whose terms changed, then scores only the papers sharing a
/// kept term with them, found through each term's <see cref="SimilarityEngine.Followed"/> heaviest postings (terms in
/// more than a tenth of the archive are not followed), so its cost follows the new papers and their terms, not the
/// archive. Lists are rewritten exactly for the changed papers and for every paper whose list named a changed or
/// removed paper. A new paper enters an older paper's list when it is among the new paper's <see cref="Propagated"/>
/// closest and beats that list's last entry; an older paper pushed further down the ranking than that keeps its list
/// until it is itself re-indexed.</para>
/// <para>Weights use the document frequencies of the ingest that indexed the paper: a full ingest is exact, and an
/// older paper's weights drift by as little as one day's papers move the frequencies, until its content changes.</para>
/// </remarks>
public static class SimilarPapers
{
    public const int ListLength = 6;

    internal const int Propagated = 20;

    private static readonly Dictionary<int, TermDocument> NoDocuments = [];

    /// <summary>
    /// Brings the similarity index and the neighbour lists up to date for papers an ingest touched (written, relisted
    /// or removed), inside its transaction. Returns the arXiv ids of the papers whose lists changed.
    /// </summary>
    /// <param name="documents">
    /// The documents the caller already cut (<see cref="TermDocument.Cut"/>) from the title and summary it stored for
    /// touched papers, taken as given: only the other touched papers are read from Papers and cut (papers whose content
    /// the caller did not read, such as those a stopped run marked). A paper given here must be stored; a paper removed
    /// must not be given. A document given for a paper not touched is not used.
    /// </param>
    public static IReadOnlyCollection<string> Update(
        DbTransaction transaction, IReadOnlyCollection<int> touched, IReadOnlyDictionary<int, TermDocument>? documents = null)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(touched);
        documents ??= NoDocuments;
        using var store = new SimilarityStore(transaction);
        var ids = touched.ToHashSet();

        // A database from before similarity indexes every paper at its first ingest.
        if (store.Unindexed())
        {
            ids.UnionWith(store.PaperIds());
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var (changed, removed, referrers) = StoreDocuments(store, ids, documents);
        if (changed.Count == 0 && removed.Count == 0)
        {
            return [];
        }

        var paperCount = store.DocumentCount();
        var vocabulary = new Vocabulary();
        var (vectors, allFrequencies) = StorePostings(store, changed, documents, paperCount, vocabulary);
        ReadVectors(store, referrers, vocabulary, vectors);

        // Every paper's vector in hand (a first ingest, or a rebuild): the postings are taken from them rather than read term by term.
        var scorer = allFrequencies is not null && vectors.Count == paperCount
            ? Scorer.FromVectors(vectors, vocabulary, allFrequencies, paperCount)
            : LoadScorer(store, vocabulary, paperCount);
        return StoreLists(store, vectors, scorer, vocabulary, [.. changed], removed);
    }

    /// <summary>
    /// Computes the lists of the given papers again from the stored index, every posting read from it: what an ingest
    /// does for papers whose lists named a changed paper. Returns the arXiv ids of the papers whose lists changed.
    /// </summary>
    internal static IReadOnlyCollection<string> Rescore(DbTransaction transaction, IReadOnlyCollection<int> papers)
    {
        using var store = new SimilarityStore(transaction);
        var vocabulary = new Vocabulary();
        var vectors = new Dictionary<int, Entry[]>();
        ReadVectors(store, papers, vocabulary, vectors);
        var scorer = LoadScorer(store, vocabulary, store.DocumentCount());
        return StoreLists(store, vectors, scorer, vocabulary, [], []);
    }

    /// <summary>
    /// Stores the touched papers' documents that changed (new papers included): those given, and those of the other
    /// papers cut again from their stored text; drops those of papers gone, and moves the document frequencies by the
    /// difference. Returns the papers whose terms changed, the papers gone, and the other papers whose lists named one
    /// of them (computed again whole).
    /// </summary>
    private static (List<int> Changed, List<int> Removed, HashSet<int> Referrers) StoreDocuments(
        SimilarityStore store, HashSet<int> ids, IReadOnlyDictionary<int, TermDocument> documents)
    {
        var changed = new List<int>();
        var removed = new List<int>();
        var frequencyDelta = new Dictionary<string, int>(StringComparer.Ordinal);
        var deltas = frequencyDelta.GetAlternateLookup<ReadOnlySpan<char>>();
        void Move(TermDocument document, int by)
        {
            for (var reader = document.Read(); reader.Next(out var term, out _);)
            {
                deltas[term] = deltas.TryGetValue(term, out var delta) ? delta + by : by;
            }
        }

        foreach (var chunk in ids.Order().Chunk(SimilarityStore.Chunk))
        {
            var current = Cut(store.PaperTexts([.. chunk.Where(id => !documents.ContainsKey(id))]));
            foreach (var id in chunk)
            {
                if (documents.TryGetValue(id, out var given))
                {
                    current[id] = given;
                }
            }

            // Papers whose terms changed (new ones included) and papers gone; a paper relisted as it was is neither.
            var stored = store.Documents(chunk);
            var written = new List<(int Id, TermDocument Document)>();
            foreach (var id in chunk)
            {
                var had = stored.GetValueOrDefault(id);
                if (current.TryGetValue(id, out var document))
                {
                    if (document.Equals(had))
                    {
                        continue;
                    }

                    changed.Add(id);
                    written.Add((id, document));
                    Move(document, 1);
                }
                else if (had is not null)
                {
                    removed.Add(id);
                }

                if (had is not null)
                {
                    Move(had, -1);
                }
            }

            store.WriteDocuments(written);
        }

        // Lists naming a paper that changed or went are computed again whole.
        var referrers = store.Referrers(changed.Concat(removed)).ToHashSet();
        store.DeletePostings(changed.Concat(removed));
        store.DeleteDocuments(removed);
        referrers.ExceptWith(changed);
        referrers.ExceptWith(removed);
        store.MoveFrequencies(frequencyDelta);
        return (changed, removed, referrers);
    }

    /// <summary>
    /// Cuts papers' stored texts into documents. Cutting text is most of a full ingest's share here, and every paper is
    /// cut on its own: in parallel.
    /// </summary>
    private static Dictionary<int, TermDocument> Cut(List<(int Id, string Title, string Summary)> texts)
    {
        var documents = new TermDocument[texts.Count];
        Parallel.For(0, texts.Count, i => documents[i] = TermDocument.Cut(texts[i].Title, texts[i].Summary));
        var current = new Dictionary<int, TermDocument>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            current[texts[i].Id] = documents[i];
        }

        return current;
    }

    /// <summary>
    /// The changed papers' vectors (kept terms only) from their documents (those given, the others read back) and the
    /// document frequencies as they now stand, written to the inverted index; returned for scoring, their terms
    /// numbered by <paramref name="vocabulary"/>.
    /// </summary>
    private static (Dictionary<int, Entry[]> Vectors, Dictionary<string, int>? AllFrequencies) StorePostings(
        SimilarityStore store, List<int> changed, IReadOnlyDictionary<int, TermDocument> documents, int paperCount, Vocabulary vocabulary)
    {
        var vectors = new Dictionary<int, Entry[]>();

        // Most of the index written afresh (a first ingest, or a rebuild): the term index is built once after the rows,
        // and every frequency is read at once.
        var bulk = changed.Count * 2 > paperCount;
        Dictionary<string, int>? allFrequencies = null;
        if (bulk)
        {
            store.DropTermIndex();
            allFrequencies = store.Frequencies(null);
        }

        foreach (var chunk in changed.Order().Chunk(SimilarityStore.Chunk))
        {
            var stored = store.Documents([.. chunk.Where(id => !documents.ContainsKey(id))]);
            var chunkDocuments = chunk
                .Select(id => (Id: id, Document: documents.TryGetValue(id, out var given) ? given : stored.GetValueOrDefault(id)))
                .Where(d => d.Document is not null).Select(d => (d.Id, Document: d.Document!)).ToList();
            var frequencies = allFrequencies ?? store.Frequencies(DistinctTerms(chunkDocuments.Select(d => d.Document)));

            // Weighing is read-only work on each document alone; the kept terms are numbered after, in order.
            var weighed = chunkDocuments.AsParallel().AsOrdered().Select(d => (d.Id, Kept: Weigh(d.Document, frequencies, paperCount))).ToList();
            var postings = new List<(string Term, int Paper, double Weight)>();
            foreach (var (id, kept) in weighed)
            {
                vectors[id] = vocabulary.Vector(kept);

                // In key order (paper, then term): the key's pages are touched once each instead of at random.
                postings.AddRange(kept.OrderBy(t => t.Term, StringComparer.Ordinal).Select(t => (t.Term, id, t.Weight)));
            }

            store.InsertPostings(postings);
        }

        if (bulk)
        {
            store.CreateTermIndex();
        }

        return (vectors, allFrequencies);
    }

    /// <summary>Stored vectors (the papers' postings) into <paramref name="vectors"/>.</summary>
    private static void ReadVectors(SimilarityStore store, IEnumerable<int> papers, Vocabulary vocabulary, Dictionary<int, Entry[]> vectors)
    {
        foreach (var (paper, terms) in store.Postings(papers))
        {
            vectors[paper] = vocabulary.Vector(terms);
        }
    }

    /// <summary>A scorer of the vocabulary's terms as the index holds them (the papers just indexed included).</summary>
    private static Scorer LoadScorer(SimilarityStore store, Vocabulary vocabulary, int paperCount)
    {
        var frequencies = store.Frequencies(vocabulary.Terms);
        var followed = vocabulary.Terms.Where(t => frequencies.TryGetValue(t, out var frequency) && Follows(frequency, paperCount));
        return Scorer.FromPostings(vocabulary, frequencies, store.Heaviest(followed, Followed), paperCount);
    }

    /// <summary>
    /// Scores the papers of <paramref name="vectors"/> and writes the lists that changed: theirs, and those of older
    /// papers a changed paper now beats; drops the lists of removed papers. Returns the arXiv ids of the papers whose lists changed.
    /// </summary>
    private static List<string> StoreLists(
        SimilarityStore store, Dictionary<int, Entry[]> vectors, Scorer scorer, Vocabulary vocabulary, HashSet<int> changed, List<int> removed)
    {
        var ranking = scorer.Rank(vectors, Propagated);

        // Candidates outside this ingest, to be scored in full: their postings, numbered in the order they were met.
        var read = store.Postings(ranking.Needed).ToDictionary(p => p.Paper, p => p.Terms);
        var others = ranking.Needed.ToDictionary(id => id, id => read.TryGetValue(id, out var terms) ? vocabulary.Vector(terms) : []);
        var (lists, offers) = Lists(ranking.Closest(others), vectors, changed, ListLength);

        store.DeleteLists(removed);
        var before = store.Lists(lists.Keys.Concat(offers.Keys));
        foreach (var (id, offered) in offers)
        {
            lists[id] = Merge(before.GetValueOrDefault(id) ?? [], offered, ListLength);
        }

        var rewritten = lists.Where(l => !Same(before.GetValueOrDefault(l.Key), l.Value)).Select(l => l.Key).ToList();
        store.WriteLists(rewritten, lists);
        return store.ArxivIds(rewritten);
    }
}
