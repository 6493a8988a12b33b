using System.Globalization;
using System.Text;

namespace DailyPapers.Core.Search;

/// <summary>
/// A paper's term counts as similar papers weigh them: each term search indexes (<see cref="SearchText.Terms"/>) of
/// its title, counted <see cref="TitleWeight"/> times, and of its summary, with its count, in the order the text first
/// gives them, so the same text always makes the same document. <see cref="Cut"/> makes one; the ingest's read stage
/// cuts each paper once and hands the documents to <see cref="SimilarPapers.Update"/>.
/// </summary>
/// <remarks>
/// Stored as SimilarityDocuments.Terms in a compact form of its own, a line "term TAB count" per term, rather than
/// JSON: a term is letters and digits only, so the form needs no escaping; it is read in place (<see cref="Reader"/>)
/// without a string per term, where weighing makes strings of only the few terms it keeps; and two documents are
/// compared as one string, so every row stored so far keeps meaning what it says and nothing is rebuilt.
/// </remarks>
public sealed class TermDocument : IEquatable<TermDocument>
{
    /// <summary>How many times a title's terms count against the summary's.</summary>
    public const int TitleWeight = 2;

    /// <summary>A pool of term strings bigger than this is dropped, so a thread's cutter never holds a large vocabulary for long.</summary>
    private const int PooledTerms = 1 << 16;

    // Each thread cuts with a table of counts and a pool of term strings of its own, reused from paper to paper.
    [ThreadStatic]
    private static Cutter? t_cutter;

    private TermDocument(string text) => Text = text;

    /// <summary>The stored form.</summary>
    internal string Text { get; }

    /// <summary>The terms and their counts, in the document's order. Each call makes the term strings afresh.</summary>
    public IReadOnlyList<(string Term, int Count)> Terms
    {
        get
        {
            var terms = new List<(string Term, int Count)>();
            for (var reader = Read(); reader.Next(out var term, out var count);)
            {
                terms.Add((term.ToString(), count));
            }

            return terms;
        }
    }

    /// <summary>
    /// The document of a paper's title and summary. Safe on any thread: each thread reuses a table of counts and one
    /// string per distinct term, so cutting many papers allocates little beyond the documents themselves.
    /// </summary>
    public static TermDocument Cut(string title, string summary)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(summary);
        return new TermDocument((t_cutter ??= new Cutter()).Document(title, summary));
    }

    /// <summary>Reads the terms in place.</summary>
    internal Reader Read() => new(Text);

    /// <summary>A document as SimilarityDocuments stored it.</summary>
    internal static TermDocument Stored(string text) => new(text);

    /// <summary>A document of the given counts, in their order.</summary>
    internal static TermDocument Of(IEnumerable<(string Term, int Count)> counts) => new(Serialize(counts, 256));

    public bool Equals(TermDocument? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as TermDocument);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;

    private static string Serialize(IEnumerable<(string Term, int Count)> counts, int capacity)
    {
        var text = new StringBuilder(capacity);
        foreach (var (term, count) in counts)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(term).Append('\t').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private sealed class Cutter
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly HashSet<string> _pool = new(StringComparer.Ordinal);

        public string Document(string title, string summary)
        {
            if (_pool.Count > PooledTerms)
            {
                _pool.Clear();
                _pool.TrimExcess();
            }

            // Cleared, never removed from: the table enumerates its terms in the order they were added.
            _counts.Clear();
            SearchText.CountTerms(title, _counts, TitleWeight, _pool);
            SearchText.CountTerms(summary, _counts, 1, _pool);
            return Serialize(_counts.Select(c => (c.Key, c.Value)), _counts.Count * 8);
        }
    }

    /// <summary>Reads a document's terms and counts in place, without making a string of each.</summary>
    internal ref struct Reader(string text)
    {
        private int _position;

        public bool Next(out ReadOnlySpan<char> term, out int count) => Next(out term, out count, out _);

        /// <param name="start">Where the term starts in the stored form.</param>
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
}
