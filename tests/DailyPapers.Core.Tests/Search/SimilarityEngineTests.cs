using DailyPapers.Core.Search;
using static DailyPapers.Core.Search.SimilarityEngine;

namespace DailyPapers.Core.Tests.Search;

/// <summary>The arithmetic of similar papers, without a database: weights, kept terms, the scorer's top k and its ties, lists taking offers.</summary>
public sealed class SimilarityEngineTests
{
    private static readonly Dictionary<string, int> NoFrequencies = new(StringComparer.Ordinal);

    [Fact]
    public void A_weight_is_one_plus_ln_tf_times_ln_one_plus_n_over_df_normalised()
    {
        var document = TermDocument.Of([("rare", 3), ("common", 1), ("unknown", 2)]);
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal) { ["rare"] = 2, ["common"] = 50 };

        var vector = Weigh(document, frequencies, 100);

        // A term no document frequency is known for weighs as one held by a single paper.
        var rare = (1 + Math.Log(3)) * Math.Log(1 + (100.0 / 2));
        var unknown = (1 + Math.Log(2)) * Math.Log(1 + 100.0);
        var common = 1 * Math.Log(1 + (100.0 / 50));
        var norm = Math.Sqrt((rare * rare) + (unknown * unknown) + (common * common));
        vector.Select(t => t.Term).Should().Equal("rare", "unknown", "common");
        vector.Select(t => t.Weight).Should().Equal([rare / norm, unknown / norm, common / norm], (x, y) => Math.Abs(x - y) < 1e-12);
        vector.Sum(t => t.Weight * t.Weight).Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void A_vector_keeps_the_heaviest_terms_and_of_equal_weights_the_first_in_ordinal_order()
    {
        // Thirty terms of one weight, written last first, and one heavier at the end.
        var counts = Enumerable.Range(0, 30).Reverse().Select(i => ($"t{i:00}", 1)).Append(("heavy", 5));

        var vector = Weigh(TermDocument.Of(counts), NoFrequencies, 10);

        vector.Should().HaveCount(TermsKept);
        vector.Select(t => t.Term).Should().Equal(["heavy", .. Enumerable.Range(0, TermsKept - 1).Select(i => $"t{i:00}")]);
        vector.Skip(1).Select(t => t.Weight).Distinct().Should().ContainSingle();
    }

    [Fact]
    public void An_empty_document_has_no_vector()
    {
        Weigh(TermDocument.Of([]), NoFrequencies, 10).Should().BeEmpty();
    }

    [Fact]
    public void The_scorer_finds_each_papers_k_closest_by_cosine_as_every_pair_compared_would()
    {
        var random = new Random(11);
        var vocabulary = new Vocabulary();
        var terms = Enumerable.Range(0, 60).Select(i => $"w{i}").ToArray();
        // Each paper a few of sixty terms: every term in few enough papers to be followed, so sums are cosines.
        var vectors = Enumerable.Range(1, 80).ToDictionary(id => id * 7, _ => Normalised(vocabulary, terms.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).Select(t => (t, random.NextDouble() + 0.1))));
        var frequencies = Frequencies(vocabulary, vectors);
        frequencies.Values.Should().OnlyContain(f => Follows(f, vectors.Count), "the test means every term followed");

        var ranking = Scorer.FromVectors(vectors, vocabulary, frequencies, vectors.Count).Rank(vectors, 5);

        ranking.Needed.Should().BeEmpty();
        var closest = ranking.Closest(new Dictionary<int, Entry[]>());
        closest.Select(c => c.Id).Should().Equal(vectors.Keys);
        foreach (var (id, list) in closest)
        {
            list.Should().Equal(BruteForce(id, vectors, 5));
        }
    }

    [Fact]
    public void Of_equal_scores_the_lower_paper_id_ranks_first_and_the_last_place_goes_to_it()
    {
        var vocabulary = new Vocabulary();
        var same = new[] { ("topic", 1.0) };
        var vectors = new Dictionary<int, Entry[]>
        {
            [1] = vocabulary.Vector(same), [9] = vocabulary.Vector(same), [5] = vocabulary.Vector(same), [3] = vocabulary.Vector(same),
            [4] = vocabulary.Vector([("other", 1.0)]),
        };

        var closest = Scorer.FromVectors(vectors, vocabulary, Frequencies(vocabulary, vectors), 5).Rank(vectors, 2).Closest(new Dictionary<int, Entry[]>());

        closest.Single(c => c.Id == 9).Closest.Should().Equal((1, 1.0), (3, 1.0));
        closest.Single(c => c.Id == 1).Closest.Should().Equal((3, 1.0), (5, 1.0));
        closest.Single(c => c.Id == 4).Closest.Should().BeEmpty("a paper sharing no term has no neighbour, not one of score 0");
    }

    [Fact]
    public void A_term_too_common_to_follow_sends_the_best_candidates_to_be_scored_in_full_from_their_vectors()
    {
        var vocabulary = new Vocabulary();

        // 'everywhere' is in every paper (more than 20 of them, and than a tenth): not followed, so paper 1, which has it,
        // is scored again in full from its best candidates' vectors, among them paper 99's, which is outside the ranking.
        var vectors = Enumerable.Range(1, 30).ToDictionary(id => id, id => Normalised(vocabulary, [("everywhere", 0.3), ($"own{id}", 0.2 * id), (id % 2 == 1 ? "rest" : "half", 0.5)]));
        var outside = Normalised(vocabulary, [("everywhere", 0.3), ("own1", 0.2), ("rest", 0.5)]);
        var frequencies = Frequencies(vocabulary, vectors);
        frequencies["everywhere"]++;
        frequencies["own1"]++;
        frequencies["rest"]++;
        var heaviest = vocabulary.Terms.ToDictionary(t => t, t => vectors.Append(new(99, outside))
            .SelectMany(v => v.Value.Where(e => vocabulary.Terms[e.Term] == t).Select(e => (Paper: v.Key, e.Weight)))
            .OrderByDescending(p => p.Weight).ThenBy(p => p.Paper).ToList());
        var scored = new Dictionary<int, Entry[]> { [1] = vectors[1] };

        var ranking = Scorer.FromPostings(vocabulary, frequencies, heaviest, 31).Rank(scored, 3);

        ranking.Needed.Should().Contain(99);
        var all = new Dictionary<int, Entry[]>(vectors) { [99] = outside };
        var closest = ranking.Closest(ranking.Needed.ToDictionary(id => id, id => all[id])).Single().Closest;
        closest.Should().Equal(BruteForce(1, all, 3), "every score is the cosine of the two vectors, not the sum over the terms followed");
        closest.Select(c => c.Id).Should().Equal(99, 3, 5);
    }

    [Fact]
    public void Postings_given_as_the_index_reads_them_rank_as_the_vectors_in_hand_do()
    {
        var random = new Random(5);
        var vocabulary = new Vocabulary();
        var terms = Enumerable.Range(0, 25).Select(i => $"w{i}").ToArray();
        var vectors = Enumerable.Range(1, 120).ToDictionary(id => id, _ => Normalised(vocabulary, terms.OrderBy(_ => random.Next()).Take(4).Select(t => (t, random.NextDouble() + 0.1))));
        var frequencies = Frequencies(vocabulary, vectors);
        var heaviest = vocabulary.Terms.Where(t => Follows(frequencies[t], vectors.Count)).ToDictionary(t => t, t => vectors
            .SelectMany(v => v.Value.Where(e => vocabulary.Terms[e.Term] == t).Select(e => (Paper: v.Key, e.Weight)))
            .OrderByDescending(p => p.Weight).ThenBy(p => p.Paper).Take(Followed).ToList());

        var inHand = Scorer.FromVectors(vectors, vocabulary, frequencies, vectors.Count).Rank(vectors, 6).Closest(new Dictionary<int, Entry[]>());
        var read = Scorer.FromPostings(vocabulary, frequencies, heaviest, vectors.Count).Rank(vectors, 6).Closest(new Dictionary<int, Entry[]>());

        frequencies.Values.Should().Contain(f => !Follows(f, vectors.Count), "some terms are not followed");
        Show(read).Should().Be(Show(inHand));
    }

    [Fact]
    public void A_list_takes_offers_that_beat_its_entries_keeping_its_own_score_for_a_paper_it_named()
    {
        var merged = Merge([(1, 0.9), (2, 0.5), (4, 0.2)], [(3, 0.7), (2, 0.6), (5, 0.2)], 4);

        merged.Should().Equal((1, 0.9), (3, 0.7), (2, 0.5), (4, 0.2));
        Same([(1, 0.9), (2, 0.5)], [(1, 0.8), (2, 0.4)]).Should().BeTrue("a list names the same papers though its scores moved");
        Same([(1, 0.9), (2, 0.5)], [(2, 0.5), (1, 0.9)]).Should().BeFalse();
        Same(null, []).Should().BeTrue();
    }

    [Fact]
    public void A_changed_paper_offers_itself_to_the_papers_outside_the_ranking_it_is_close_to()
    {
        var vocabulary = new Vocabulary();
        var vectors = new Dictionary<int, Entry[]> { [1] = vocabulary.Vector([("a", 1.0)]), [2] = vocabulary.Vector([("a", 1.0)]) };
        List<(int Id, List<(int Id, double Score)> Closest)> ranked = [(1, [(2, 0.9), (7, 0.8), (8, 0.1)]), (2, [(1, 0.9), (9, 0.5)])];

        var (lists, offers) = Lists(ranked, vectors, new HashSet<int> { 1 }, 2);

        lists[1].Should().Equal((2, 0.9), (7, 0.8));
        lists[2].Should().Equal((1, 0.9), (9, 0.5));
        offers.Keys.Should().BeEquivalentTo([7, 8], "only the changed paper offers, and only to papers outside the ranking");
        offers[8].Should().Equal((1, 0.1));
    }

    private static string Show(List<(int Id, List<(int Id, double Score)> Closest)> closest) =>
        string.Join('\n', closest.Select(c => $"{c.Id}: {string.Join(' ', c.Closest)}"));

    private static Entry[] Normalised(Vocabulary vocabulary, IEnumerable<(string Term, double Weight)> terms)
    {
        var list = terms.ToList();
        var norm = Math.Sqrt(list.Sum(t => t.Weight * t.Weight));
        return vocabulary.Vector(list.Select(t => (t.Term, t.Weight / norm)));
    }

    private static Dictionary<string, int> Frequencies(Vocabulary vocabulary, IReadOnlyDictionary<int, Entry[]> vectors) =>
        vocabulary.Terms.ToDictionary(t => t, t => vectors.Values.Count(v => v.Any(e => vocabulary.Terms[e.Term] == t)), StringComparer.Ordinal);

    /// <summary>Every other paper compared with the paper: the k highest cosines above 0, ties by the lower id.</summary>
    private static List<(int Id, double Score)> BruteForce(int id, Dictionary<int, Entry[]> vectors, int k) =>
        [.. vectors.Where(v => v.Key != id)
            .Select(v => (Id: v.Key, Score: Math.Round(Entry.Dot(vectors[id], v.Value), 6)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Id).Take(k)];
}
