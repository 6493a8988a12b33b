namespace DailyPapers.Core.Data;

/// <summary>Key/value facts about the stored data, such as the data version that changes with every ingest that changed rows.</summary>
public sealed class MetaEntry
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}

/// <summary>
/// One thing an ingest changed, named as the pages that show it are tagged: <c>day:2024-01-17</c>,
/// <c>paper:2401.08541</c>, <c>author:xintao-wang</c>, or <c>*</c> for everything. A running app reads the rows after
/// the last one it saw and evicts only those pages; ids only grow, so the newest id is the data's version.
/// </summary>
public sealed class Change
{
    public long Id { get; set; }

    public required string Tag { get; set; }
}

/// <summary>
/// A file the last ingest rejected, or stored with errors of its own, remembered by its content so it is not read and
/// parsed again on every run until it changes; its diagnostics are reported again from here.
/// </summary>
public sealed class RejectedFile
{
    /// <summary>Path relative to the data directory, with '/' separators.</summary>
    public required string Path { get; set; }

    /// <summary>SHA-256 of the bytes, or empty when the file was refused before it was read (too large).</summary>
    public required string ContentHash { get; set; }

    public long Length { get; set; }

    public DateTime LastWriteUtc { get; set; }

    public DateTime RejectedUtc { get; set; }

    /// <summary>The line of the first error (0 for the whole file).</summary>
    public int Line { get; set; }

    /// <summary>The diagnostics, one per line: line, severity and message separated by tabs.</summary>
    public required string Errors { get; set; }
}

/// <summary>
/// One of a paper's most similar papers (Search/SimilarPapers), computed at ingest: rank 1 is the closest. No foreign
/// keys: the ingest that removes a paper rewrites the lists that named it rather than letting a cascade leave them short.
/// </summary>
public sealed class SimilarPaper
{
    public int PaperId { get; set; }

    /// <summary>1-based place in the paper's list.</summary>
    public int Rank { get; set; }

    public int SimilarPaperId { get; set; }

    /// <summary>Cosine similarity of the two papers' term vectors, kept so a later paper can be weighed against the list.</summary>
    public double Score { get; set; }
}

/// <summary>A paper's terms as the similarity index counted them (term, tab, count per line): what its postings and the document frequencies were built from.</summary>
public sealed class SimilarityDocument
{
    public int PaperId { get; set; }

    public required string Terms { get; set; }
}

/// <summary>How many papers contain a term, for its inverse document frequency.</summary>
public sealed class SimilarityTerm
{
    public required string Term { get; set; }

    public int DocumentCount { get; set; }
}

/// <summary>One of a paper's highest-weighted terms with its weight in the paper's normalised vector: the inverted index that finds candidates.</summary>
public sealed class SimilarityPosting
{
    public required string Term { get; set; }

    public int PaperId { get; set; }

    public double Weight { get; set; }
}

/// <summary>Whether a <see cref="TermCount"/> counts a week (from its Monday) or a calendar month (from its first day).</summary>
public enum TermPeriod
{
    Week = 1,
    Month = 2,
}

/// <summary>
/// How many papers listed in one week or month hold a term (<see cref="Search.TermCounts"/> says which tokens count),
/// kept at ingest for the periods it touched, so rising terms are read from a few index ranges. The empty term holds
/// the period's paper count and its days.
/// </summary>
public sealed class TermCount
{
    /// <summary>The term's key (<see cref="Search.TrendTerms"/>: folded, plurals singular).</summary>
    public required string Term { get; set; }

    public TermPeriod Period { get; set; }

    public DateOnly Start { get; set; }

    public int PaperCount { get; set; }

    /// <summary>The days of the period the papers holding the term were listed on.</summary>
    public int DayCount { get; set; }

    /// <summary>The form most of the period's papers write the term in, or null when that is the key itself.</summary>
    public string? Form { get; set; }

    /// <summary>
    /// A month's term held by at least <see cref="Search.RisingTerms.CommonShare"/> of its papers: the months a term is
    /// common in are read through a small index of these rows alone (never on a week's row).
    /// </summary>
    public bool Common { get; set; }
}

/// <summary>
/// A paper whose similar-papers entry an ingest still owes: marked in the transaction that writes the paper, cleared
/// at the end of the run that brings its vectors and lists up to date. A run stopped between batches leaves its marks,
/// and the next run settles them, so no paper is left out of the index because its file was skipped as unchanged.
/// </summary>
public sealed class PendingSimilarity
{
    public int PaperId { get; set; }
}

/// <summary>A week or month whose <see cref="TermCount"/> rows an ingest still owes; marked and cleared like <see cref="PendingSimilarity"/>.</summary>
public sealed class PendingTermCount
{
    public TermPeriod Period { get; set; }

    public DateOnly Start { get; set; }
}
