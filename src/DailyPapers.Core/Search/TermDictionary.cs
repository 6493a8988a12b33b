using System.Diagnostics.CodeAnalysis;

namespace DailyPapers.Core.Search;

/// <summary>
/// A paper's terms that may rise and the forms it writes them in (<see cref="TrendTerms"/>), kept for a long time (held
/// by an ingest until it counts its periods): the keys sorted in one array, the forms in another, their strings shared
/// between papers, a fraction of a dictionary's memory.
/// </summary>
public sealed class TermDictionary : IReadOnlyDictionary<string, string>
{
    private readonly string[] _keys;
    private readonly string[] _forms;

    private TermDictionary(string[] keys, string[] forms)
    {
        _keys = keys;
        _forms = forms;
    }

    /// <summary>The terms, each string taken from <paramref name="pool"/> when an equal one is there (and added to it otherwise).</summary>
    public static TermDictionary Of(IEnumerable<KeyValuePair<string, string>> terms, HashSet<string> pool)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(pool);
        var pairs = terms.DistinctBy(t => t.Key, StringComparer.Ordinal).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        return new TermDictionary([.. pairs.Select(p => Shared(pool, p.Key))], [.. pairs.Select(p => p.Value == p.Key ? Shared(pool, p.Key) : Shared(pool, p.Value))]);
    }

    private static string Shared(HashSet<string> pool, string term)
    {
        if (pool.TryGetValue(term, out var kept))
        {
            return kept;
        }

        pool.Add(term);
        return term;
    }

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<string> Values => _forms;

    public string this[string key] => TryGetValue(key, out var form) ? form : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.BinarySearch(_keys, key, StringComparer.Ordinal) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var at = Array.BinarySearch(_keys, key, StringComparer.Ordinal);
        value = at >= 0 ? _forms[at] : null;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, string>(_keys[i], _forms[i]);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
