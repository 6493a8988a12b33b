namespace DailyPapers.Core.Search;

/// <summary>
/// The arithmetic of similar papers, apart from the database: a paper's vector from its <see cref="TermDocument"/>
/// and the document frequencies, vectors as term numbers for scoring, the <see cref="Scorer"/> that finds each paper's
/// closest, and how lists take in what new papers offer. <see cref="SimilarityStore"/> loads what it needs.
/// </summary>
internal static partial class SimilarityEngine
{
    /// <summary>How many of a paper's heaviest terms its vector keeps.</summary>
    public const int TermsKept = 24;

    /// <summary>
    /// How many of a term's postings, heaviest first, are followed for candidates. A paper is found through the terms
    /// it weighs most; this keeps a paper's cost the same however long the archive makes each term's posting list
    /// (at the corpus's size no followed term has more).
    /// </summary>
    public const int Followed = 256;

    /// <summary>Whether a term held by this many of the papers is followed at all: one in more than a tenth of them says little, and would make every candidate set large.</summary>
    public static bool Follows(int documentFrequency, int paperCount) => documentFrequency <= Math.Max(20, paperCount / 10);

    /// <summary>
    /// The heaviest terms of a document by tf-idf, (1 + ln tf) · ln(1 + N / df), normalised to length 1: heaviest
    /// first, then by term. A term <paramref name="frequencies"/> does not hold counts as in one paper. Only the kept
    /// terms become strings.
    /// </summary>
    public static List<(string Term, double Weight)> Weigh(TermDocument document, Dictionary<string, int> frequencies, int paperCount)
    {
        var lookup = frequencies.GetAlternateLookup<ReadOnlySpan<char>>();
        var text = document.Text;

        // The heaviest few of a few hundred: a heap whose top is the lightest kept (lower weight, then the later term).
        var lighter = new Lighter(text);
        var heaviest = new PriorityQueue<(int Start, int Length, double Weight), (int Start, int Length, double Weight)>(TermsKept + 1, lighter);
        for (var reader = document.Read(); reader.Next(out var term, out var count, out var start);)
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
            weighted.Add((text.Substring(entry.Start, entry.Length), entry.Weight));
        }

        // Heaviest first, then by term.
        weighted.Reverse();
        var norm = Math.Sqrt(weighted.Sum(t => t.Weight * t.Weight));
        return norm == 0 ? [] : [.. weighted.Select(t => (t.Term, t.Weight / norm))];
    }

    /// <summary><see cref="Weigh"/> on a document of these counts, in their order.</summary>
    public static List<(string Term, double Weight)> Vector(Dictionary<string, int> counts, Dictionary<string, int> frequencies, int paperCount) =>
        Weigh(TermDocument.Of(counts.Select(c => (c.Key, c.Value))), frequencies, paperCount);

    /// <summary>The distinct terms of some documents.</summary>
    public static HashSet<string> DistinctTerms(IEnumerable<TermDocument> documents)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var document in documents)
        {
            for (var reader = document.Read(); reader.Next(out var term, out _);)
            {
                lookup.Add(term);
            }
        }

        return terms;
    }

    /// <summary>
    /// What the ranked papers' closest make of the lists: each ranked paper's list, its <paramref name="listLength"/>
    /// closest; and, from each changed paper, the offer of itself to every paper outside the ranking it is close to.
    /// </summary>
    public static (Dictionary<int, List<(int Id, double Score)>> Lists, Dictionary<int, List<(int Id, double Score)>> Offers) Lists(
        IEnumerable<(int Id, List<(int Id, double Score)> Closest)> ranked, IReadOnlyDictionary<int, Entry[]> vectors, IReadOnlySet<int> changed, int listLength)
    {
        var lists = new Dictionary<int, List<(int Id, double Score)>>();
        var offers = new Dictionary<int, List<(int Id, double Score)>>();
        foreach (var (id, closest) in ranked)
        {
            lists[id] = [.. closest.Take(listLength)];
            if (!changed.Contains(id))
            {
                continue;
            }

            foreach (var (other, score) in closest)
            {
                if (!vectors.ContainsKey(other))
                {
                    (offers.TryGetValue(other, out var offered) ? offered : offers[other] = []).Add((id, score));
                }
            }
        }

        return (lists, offers);
    }

    /// <summary>A stored list with offers taken in: the best <paramref name="listLength"/> by score, then the lower id, each paper once.</summary>
    public static List<(int Id, double Score)> Merge(IEnumerable<(int Id, double Score)> list, IEnumerable<(int Id, double Score)> offered, int listLength) =>
        [.. list.Concat(offered).DistinctBy(e => e.Id).OrderByDescending(e => e.Score).ThenBy(e => e.Id).Take(listLength)];

    /// <summary>Whether a list names the same papers in the same order as before (its scores may have moved).</summary>
    public static bool Same(IEnumerable<(int Id, double Score)>? before, IEnumerable<(int Id, double Score)> after) =>
        (before ?? []).Select(e => e.Id).SequenceEqual(after.Select(e => e.Id));

    /// <summary>Orders a document's terms lightest first: lower weight, then for equal weights the term later in ordinal order.</summary>
    private sealed class Lighter(string document) : IComparer<(int Start, int Length, double Weight)>
    {
        public int Compare((int Start, int Length, double Weight) x, (int Start, int Length, double Weight) y)
        {
            var byWeight = x.Weight.CompareTo(y.Weight);
            return byWeight != 0 ? byWeight : document.AsSpan(y.Start, y.Length).SequenceCompareTo(document.AsSpan(x.Start, x.Length));
        }
    }

    /// <summary>The terms one update meets, each numbered once, so vectors and postings compare numbers rather than strings.</summary>
    public sealed class Vocabulary
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _terms = [];

        public IReadOnlyList<string> Terms => _terms;

        public int Id(string term)
        {
            if (!_ids.TryGetValue(term, out var id))
            {
                _ids[term] = id = _terms.Count;
                _terms.Add(term);
            }

            return id;
        }

        /// <summary>A vector of terms and weights as scoring reads it, its terms numbered here in the order given.</summary>
        public Entry[] Vector(IEnumerable<(string Term, double Weight)> terms) => Entry.Sorted(terms.Select(t => new Entry(Id(t.Term), t.Weight)));
    }

    /// <summary>One term of a paper's vector: the term's number in the update's <see cref="Vocabulary"/>, and its weight.</summary>
    public readonly record struct Entry(int Term, double Weight)
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
}
