namespace DailyPapers.Core.Search;

/// <summary>
/// How well a paper answers a query, worked out by the app from numbers that are the same on every provider, so SQLite
/// and PostgreSQL order a search alike: BM25F (Robertson and Zaragoza's BM25 over weighted fields), k1 = 1.2, b = 0.75,
/// the title weighing 10, the authors 3 and the summary 1. Each query phrase is a term: its frequency in a field is how
/// often the field's words (<see cref="IndexWords"/>, the index's own cut) hold the phrase, the last word as a prefix
/// where the search asks it so; a field's length is its number of words, normalised by that field's average in the
/// archive; a phrase's weight (idf) comes from how many papers the index finds holding it. The arithmetic only: the
/// numbers are read by <see cref="RelevanceStore"/>.
/// </summary>
internal static class Relevance
{
    public const double K1 = 1.2;
    public const double B = 0.75;

    // As FTS5's bm25 weighed the columns before (bm25(SearchWords, 10.0, 1.0, 3.0)).
    public const double TitleWeight = 10;
    public const double SummaryWeight = 1;
    public const double AuthorsWeight = 3;

    /// <summary>
    /// A phrase's papers are counted up to this many: a phrase held by more weighs as one held by this many. Counting
    /// reads each match (a row visited on PostgreSQL), so an exact count of a common word would grow with the archive;
    /// among the words of a query that finds few enough papers to be scored, the common ones weigh little anyway.
    /// </summary>
    public const int DocumentFrequencyLimit = PaperSearch.CountLimit;

    /// <summary>A query phrase as the index keeps its words (<see cref="SearchVector.Words"/>), the last one a prefix or not.</summary>
    public sealed record Phrase(IReadOnlyList<string> Words, bool Prefix);

    /// <summary>
    /// What the ranking knows of the whole archive: how many papers it holds, and the average number of words of a
    /// title, a summary and an author list (the title and summary as the index reads them, TeX as written and as read).
    /// </summary>
    public sealed record Archive(long Papers, double Title, double Summary, double Authors)
    {
        /// <summary>The averages of <paramref name="papers"/> (their count is the archive's, kept apart: left 0 here).</summary>
        public static Archive Of(IReadOnlyCollection<Fields> papers)
        {
            ArgumentNullException.ThrowIfNull(papers);
            var words = new IndexWords();
            var (title, summary, authors) = (0L, 0L, 0L);
            foreach (var paper in papers)
            {
                title += words.Cut(paper.Title).Count;
                summary += words.Cut(paper.Summary).Count;
                authors += words.Cut(paper.Authors).Count;
            }

            var n = Math.Max(papers.Count, 1);
            return new Archive(0, (double)title / n, (double)summary / n, (double)authors / n);
        }
    }

    /// <summary>A paper's three fields as the index reads them (<see cref="SearchRow.Texts"/>).</summary>
    public sealed record Fields(string Title, string Summary, string Authors);

    /// <summary>A paper's score, and the part of it its title gives (the order inside the title tiers).</summary>
    public readonly record struct Score(double All, double Title);

    /// <summary>A phrase's weight: <c>ln(1 + (N − n + 0.5) / (n + 0.5))</c> for <c>n</c> of <c>N</c> papers holding it.</summary>
    public static double Weight(long papers, long holding)
    {
        var n = Math.Max(papers, holding);
        return Math.Log(1 + ((n - holding + 0.5) / (holding + 0.5)));
    }

    /// <summary>One search's scoring: its phrases, their weights, the archive's averages, and a cut reused from paper to paper.</summary>
    /// <param name="weights">Each phrase's <see cref="Weight"/>, in the order of <paramref name="phrases"/>.</param>
    public sealed class Scorer(IReadOnlyList<Phrase> phrases, IReadOnlyList<double> weights, Archive archive)
    {
        private readonly IndexWords _words = new();
        private readonly double[] _all = new double[phrases.Count];
        private readonly double[] _title = new double[phrases.Count];

        /// <summary>The score of the title alone: what orders the title tiers first, known without the rest of the paper.</summary>
        public double Title(string title)
        {
            ArgumentNullException.ThrowIfNull(title);
            Array.Clear(_title);
            Add(_words.Cut(title), TitleWeight, archive.Title, _title);
            return Sum(_title);
        }

        public Score Of(Fields paper)
        {
            ArgumentNullException.ThrowIfNull(paper);
            Array.Clear(_all);
            Add(_words.Cut(paper.Title), TitleWeight, archive.Title, _all);
            var title = Sum(_all);
            Add(_words.Cut(paper.Summary), SummaryWeight, archive.Summary, _all);
            Add(_words.Cut(paper.Authors), AuthorsWeight, archive.Authors, _all);
            return new Score(Sum(_all), title);
        }

        private double Sum(double[] frequencies)
        {
            var score = 0.0;
            for (var p = 0; p < phrases.Count; p++)
            {
                score += weights[p] * Saturate(frequencies[p]);
            }

            return score;
        }

        /// <summary>Adds a field's weighted, length-normalised phrase frequencies.</summary>
        private void Add(IndexWords field, double weight, double average, double[] frequencies)
        {
            var normal = 1 - B + (B * field.Count / Math.Max(average, 1));
            for (var p = 0; p < phrases.Count; p++)
            {
                if (Occurrences(field, phrases[p]) is var frequency and > 0)
                {
                    frequencies[p] += weight * frequency / normal;
                }
            }
        }
    }

    private static double Saturate(double frequency) => frequency * (K1 + 1) / (K1 + frequency);

    /// <summary>How often the words hold the phrase: its words in a row, the last one as a prefix if the phrase says so.</summary>
    internal static int Occurrences(IndexWords words, Phrase phrase)
    {
        var length = phrase.Words.Count;
        if (length == 0 || phrase.Words[0].Length == 0)
        {
            return 0;
        }

        // Most words differ from the phrase's first at their first letter: that is looked at before the word is.
        var first = phrase.Words[0][0];
        var count = 0;
        for (var start = 0; start + length <= words.Count; start++)
        {
            if (words.First(start) != first)
            {
                continue;
            }

            var k = 0;
            while (k < length && Holds(words[start + k], phrase.Words[k], phrase.Prefix && k == length - 1))
            {
                k++;
            }

            if (k == length)
            {
                count++;
            }
        }

        return count;
    }

    private static bool Holds(ReadOnlySpan<char> word, string asked, bool prefix) =>
        prefix ? word.StartsWith(asked, StringComparison.Ordinal) : word.SequenceEqual(asked);
}
