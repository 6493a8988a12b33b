namespace DailyPapers.Core.Search;

/// <summary>
/// A paper's text cut into what every derived table needs, once, where the paper is read (the ingest's read stage, in
/// parallel): the search row (FTS5 tokens, or a <c>tsvector</c> and its words on PostgreSQL) and the terms that may
/// rise (<see cref="Search.TrendTerms"/>) and its term counts for similar papers (<see cref="TermDocument"/>). The
/// search index, similar papers and term counts take these instead of reading the paper back.
/// </summary>
public sealed class PaperTerms
{
    private PaperTerms(SearchRow search, IReadOnlyDictionary<string, string> trendTerms, TermDocument document)
    {
        Search = search;
        TrendTerms = trendTerms;
        Document = document;
    }

    public SearchRow Search { get; }

    /// <summary>The distinct terms of title and summary that may rise, with the forms the paper writes them in (<see cref="Search.TrendTerms"/>).</summary>
    public IReadOnlyDictionary<string, string> TrendTerms { get; }

    /// <summary>The term counts of title and summary similar papers are weighed from (<see cref="TermDocument.Cut"/>).</summary>
    public TermDocument Document { get; }

    /// <param name="vectors">Cut the search row as a PostgreSQL word vector rather than FTS5 tokens.</param>
    public static PaperTerms Cut(string title, string summary, IReadOnlyList<string> authors, bool vectors)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(authors);
        return new PaperTerms(SearchRow.Of(title, summary, authors, vectors), TermCounts.Terms(title, summary), TermDocument.Cut(title, summary));
    }
}

/// <summary>
/// A paper's row of the search index. TeX is indexed as written and as read: VILA^2 and VILA² both find $VILA^2$.
/// SQLite's FTS5 takes the three columns' tokens (<see cref="SearchText.IndexTokens"/>); PostgreSQL a <c>tsvector</c>
/// literal (<see cref="SearchVector"/>) and its distinct words, which its vocabulary counts.
/// </summary>
public sealed record SearchRow(string Title, string Summary, string Authors, string? Vector, IReadOnlyList<string> Words)
{
    public static SearchRow Of(string title, string summary, IReadOnlyList<string> authors, bool vector)
    {
        ArgumentNullException.ThrowIfNull(authors);
        var (read, withMath, names) = Texts(title, summary, string.Join(", ", authors));
        if (!vector)
        {
            return new SearchRow(SearchText.IndexTokens(read), SearchText.IndexTokens(withMath), SearchText.IndexTokens(names), null, []);
        }

        var words = new List<string>();
        return new SearchRow("", "", "", SearchVector.Of(read, withMath, names, words.Add), words);
    }

    /// <summary>The text of each column as the index reads it, from the paper's stored title, summary and author names (joined by ", ").</summary>
    internal static (string Title, string Summary, string Authors) Texts(string title, string summary, string authors) =>
        (TitleAsRead(title), WithPlainMath(summary), authors);

    // Without a dollar there is no TeX to read (relevance reads a thousand summaries a search: it looks first).
    private static string WithPlainMath(string text) =>
        text.Contains('$', StringComparison.Ordinal) && Rendering.TexMath.HasMath(text) ? text + "\n" + Rendering.TexMath.TextToPlain(text) : text;

    /// <summary>A title as written and, where it differs, as read (its TeX and unmistakable carets in Unicode).</summary>
    internal static string TitleAsRead(string title)
    {
        // Only TeX (after a dollar) and carets read differently.
        if (!title.AsSpan().ContainsAny('$', '^'))
        {
            return title;
        }

        var read = Rendering.TexMath.TitleToPlain(title);
        return read == title ? title : title + "\n" + read;
    }
}
