namespace DailyPapers.Core.Search;

internal static partial class SimilarityEngine
{
    /// <summary>
    /// The postings of the terms being scored, each term's <see cref="Followed"/> heaviest, with each paper as a dense
    /// index for accumulating; made from plain collections (<see cref="FromVectors"/>, <see cref="FromPostings"/>).
    /// </summary>
    public sealed class Scorer
    {
        /// <summary>How many times more candidates than asked for are scored in full when a term was not read in full.</summary>
        public const int Rescored = 4;

        // By term number; null for a term not followed.
        private readonly List<(int Index, double Weight)>?[] _postings;
        private readonly Dictionary<int, int> _indexes = [];
        private readonly List<int> _ids = [];

        // Terms not read in full (more postings than were followed, or not followed at all): a paper sharing one of
        // them with another may not have been reached through it, so its sum over what was read is only part of its score.
        private readonly HashSet<int> _cut = [];

        private Scorer(int terms) => _postings = new List<(int Index, double Weight)>?[terms];

        /// <summary>
        /// From the postings the index holds (the papers just indexed included): for each term of the vocabulary
        /// <see cref="Follows"/> keeps, <paramref name="heaviest"/> gives its <see cref="Followed"/> heaviest postings,
        /// heaviest first (as the (Term, Weight DESC, PaperId) index reads them); <paramref name="frequencies"/> gives
        /// every term's document frequency (a term it does not hold is not scored through).
        /// </summary>
        public static Scorer FromPostings(
            Vocabulary vocabulary, IReadOnlyDictionary<string, int> frequencies, IReadOnlyDictionary<string, List<(int Paper, double Weight)>> heaviest, int paperCount)
        {
            var scorer = new Scorer(vocabulary.Terms.Count);
            for (var number = 0; number < vocabulary.Terms.Count; number++)
            {
                var term = vocabulary.Terms[number];
                if (!frequencies.TryGetValue(term, out var frequency))
                {
                    continue;
                }

                if (!Follows(frequency, paperCount))
                {
                    scorer._cut.Add(number);
                    continue;
                }

                var postings = heaviest.GetValueOrDefault(term) ?? [];
                scorer._postings[number] = [.. postings.Take(Followed).Select(p => (scorer.Index(p.Paper), p.Weight))];

                // As many as were asked for: there may be more.
                if (postings.Count >= Followed)
                {
                    scorer._cut.Add(number);
                }
            }

            return scorer;
        }

        /// <summary>
        /// The same postings as <see cref="FromPostings"/> takes, made from every paper's vector: each term's
        /// <see cref="Followed"/> heaviest (ties by paper), terms <see cref="Follows"/> leaves out not followed.
        /// </summary>
        public static Scorer FromVectors(IReadOnlyDictionary<int, Entry[]> vectors, Vocabulary vocabulary, IReadOnlyDictionary<string, int> frequencies, int paperCount)
        {
            var scorer = new Scorer(vocabulary.Terms.Count);
            var byTerm = new List<(int Id, double Weight)>?[vocabulary.Terms.Count];
            for (var term = 0; term < byTerm.Length; term++)
            {
                if (Follows(frequencies.GetValueOrDefault(vocabulary.Terms[term]), paperCount))
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
        /// The <paramref name="count"/> papers closest to each of <paramref name="vectors"/>, by cosine, as far as the
        /// postings read tell: sums over them, exact for a paper all of whose terms were read in full. For the others the
        /// <see cref="Rescored"/>-fold candidates with the highest sums are kept, to be scored in full from their
        /// vectors (<see cref="Ranking.Closest"/>), so every score stored is a cosine. Papers are scored in parallel, each alone.
        /// </summary>
        public Ranking Rank(IReadOnlyDictionary<int, Entry[]> vectors, int count)
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

            return new Ranking(papers, closest, rescore, count);
        }

        /// <summary>The closest papers by the sums over the postings read: cosines when all of the paper's terms were read in full.</summary>
        private List<(int Id, double Score)> Partial(int id, Entry[] vector, int count, double[] scores)
        {
            var seen = new List<int>();
            foreach (var (term, weight) in vector)
            {
                if (term >= _postings.Length || _postings[term] is not { } postings)
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

    /// <summary>Papers ranked by <see cref="Scorer.Rank"/>, some of them waiting for their candidates' vectors to be scored in full.</summary>
    public sealed class Ranking
    {
        private readonly KeyValuePair<int, Entry[]>[] _papers;
        private readonly List<(int Id, double Score)>[] _closest;
        private readonly bool[] _rescore;
        private readonly int _count;

        internal Ranking(KeyValuePair<int, Entry[]>[] papers, List<(int Id, double Score)>[] closest, bool[] rescore, int count)
        {
            (_papers, _closest, _rescore, _count) = (papers, closest, rescore, count);
            var ranked = papers.Select(p => p.Key).ToHashSet();
            var needed = new List<int>();
            var seen = new HashSet<int>();
            for (var i = 0; i < papers.Length; i++)
            {
                foreach (var (other, _) in rescore[i] ? closest[i] : [])
                {
                    if (!ranked.Contains(other) && seen.Add(other))
                    {
                        needed.Add(other);
                    }
                }
            }

            Needed = needed;
        }

        /// <summary>The candidates outside the ranked papers whose vectors <see cref="Closest"/> needs, in the order they were first met.</summary>
        public IReadOnlyList<int> Needed { get; }

        /// <summary>Each ranked paper's closest, in the order ranked, every score a cosine: <paramref name="others"/> holds the vectors of <see cref="Needed"/> (a paper missing has none).</summary>
        public List<(int Id, List<(int Id, double Score)> Closest)> Closest(IReadOnlyDictionary<int, Entry[]> others)
        {
            var closest = (List<(int Id, double Score)>[])_closest.Clone();
            var vectors = _papers.ToDictionary(p => p.Key, p => p.Value);
            Entry[] VectorOf(int id) => vectors.TryGetValue(id, out var vector) || others.TryGetValue(id, out vector) ? vector : [];
            Parallel.For(0, _papers.Length, i =>
            {
                if (_rescore[i])
                {
                    var vector = _papers[i].Value;
                    closest[i] = [.. closest[i]
                        .Select(c => (c.Id, Score: Math.Round(Entry.Dot(vector, VectorOf(c.Id)), 6)))
                        .OrderByDescending(c => c.Score).ThenBy(c => c.Id).Take(_count)];
                }
            });

            return [.. _papers.Select((p, i) => (p.Key, closest[i]))];
        }
    }
}
