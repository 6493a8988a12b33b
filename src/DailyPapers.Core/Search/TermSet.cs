namespace DailyPapers.Core.Search;

/// <summary>
/// A small set of terms kept for a long time (each paper's terms that may rise, held by an ingest until it counts its
/// periods): the terms sorted in one array, their strings shared between papers, a fraction of a hash set's memory.
/// </summary>
public sealed class TermSet : IReadOnlySet<string>
{
    private readonly string[] _terms;

    private TermSet(string[] terms) => _terms = terms;

    /// <summary>The terms, each string taken from <paramref name="pool"/> when an equal one is there (and added to it otherwise).</summary>
    public static TermSet Of(IEnumerable<string> terms, HashSet<string> pool)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(pool);
        var shared = terms.Select(t => pool.TryGetValue(t, out var kept) ? kept : Add(pool, t)).Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(shared, StringComparer.Ordinal);
        return new TermSet(shared);
    }

    private static string Add(HashSet<string> pool, string term)
    {
        pool.Add(term);
        return term;
    }

    public int Count => _terms.Length;

    public bool Contains(string item) => Array.BinarySearch(_terms, item, StringComparer.Ordinal) >= 0;

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_terms).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool IsProperSubsetOf(IEnumerable<string> other) => Set(other).IsProperSupersetOf(_terms);

    public bool IsProperSupersetOf(IEnumerable<string> other) => Set(other).IsProperSubsetOf(_terms);

    public bool IsSubsetOf(IEnumerable<string> other) => Set(other).IsSupersetOf(_terms);

    public bool IsSupersetOf(IEnumerable<string> other) => other.All(Contains);

    public bool Overlaps(IEnumerable<string> other) => other.Any(Contains);

    public bool SetEquals(IEnumerable<string> other) => Set(other).SetEquals(_terms);

    private static HashSet<string> Set(IEnumerable<string> other) => new(other, StringComparer.Ordinal);
}
