namespace DailyPapers.Core.Data;

/// <summary>A digest file under the data directory, with the hash of the content last ingested from it.</summary>
public sealed class SourceFile
{
    public int Id { get; set; }

    /// <summary>Path relative to the data directory, with '/' separators.</summary>
    public required string Path { get; set; }

    public required string ContentHash { get; set; }

    public long Length { get; set; }

    public DateTime LastWriteUtc { get; set; }

    public DateTime IngestedUtc { get; set; }

    /// <summary>The last ingest of this file reported errors: it is read again on every ingest until they are gone.</summary>
    public bool HasErrors { get; set; }

    /// <summary>The diagnostics of the last ingest of this file, one per line.</summary>
    public string? Warnings { get; set; }

    public List<Day> Days { get; } = [];
}

/// <summary>One day's digest.</summary>
public sealed class Day
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public int SourceFileId { get; set; }

    public SourceFile? SourceFile { get; set; }

    /// <summary>1-based line of the day heading in the source file.</summary>
    public int Line { get; set; }

    /// <summary>What the digest says outside any paper section, kept as markdown and its rendered HTML.</summary>
    public string? NotesMarkdown { get; set; }

    public string? NotesHtml { get; set; }

    /// <summary>How many papers the day lists, stored at ingest so the archive never counts rows.</summary>
    public int PaperCount { get; set; }

    public List<Appearance> Appearances { get; } = [];
}

/// <summary>
/// A paper, once, whichever days listed it. Its title, summary, media and authors are those of its best listing: the
/// latest one with a summary and authors (<see cref="ContentDayId"/>); each listing keeps its own on its
/// <see cref="Appearance"/>.
/// </summary>
public sealed class Paper
{
    public int Id { get; set; }

    /// <summary>Normalised arXiv id without version suffix, e.g. 2401.08541.</summary>
    public required string ArxivId { get; set; }

    /// <summary>The version suffix the digest linked to, if any.</summary>
    public int? ArxivVersion { get; set; }

    /// <summary>The title as written: the literal link text, TeX included.</summary>
    public required string Title { get; set; }

    /// <summary>The title as HTML, rendered at ingest: text escaped, TeX as MathML.</summary>
    public required string TitleHtml { get; set; }

    public string? ThumbnailUrl { get; set; }

    public string? VideoUrl { get; set; }

    public string? VideoPosterUrl { get; set; }

    public required string SummaryMarkdown { get; set; }

    public required string SummaryHtml { get; set; }

    /// <summary>The summary as plain text, made at ingest (<see cref="Parsing.ParsedPaper.SummaryText"/>).</summary>
    public string SummaryText { get; set; } = "";

    /// <summary>The digest's author list ended with a '+' marker: there are more authors than listed.</summary>
    public bool AuthorsTruncated { get; set; }

    /// <summary>
    /// The repositories and project pages the summary names, made at ingest (<see cref="Parsing.CodeLinks"/>): a JSON
    /// array of <c>{"url", "kind"}</c>, null when it names none.
    /// </summary>
    public string? CodeUrls { get; set; }

    /// <summary>The day whose digest the title, summary and authors were read from.</summary>
    public int? ContentDayId { get; set; }

    public Day? ContentDay { get; set; }

    /// <summary>1-based line of the paper heading in that day's file.</summary>
    public int Line { get; set; }

    /// <summary>The latest day that lists the paper; kept by the importer so listings never aggregate appearances.</summary>
    public DateOnly? LatestDate { get; set; }

    /// <summary>The highest vote count of any listing (null when no listing gave one); kept by the importer.</summary>
    public int? TopVotes { get; set; }

    public List<PaperAuthor> Authors { get; } = [];

    public List<Appearance> Appearances { get; } = [];
}

public sealed class Author
{
    public int Id { get; set; }

    /// <summary>The matching key: NFC, trimmed, case-folded.</summary>
    public required string Key { get; set; }

    /// <summary>The name as first seen.</summary>
    public required string Name { get; set; }

    /// <summary>Lower case without accents, for accent-insensitive search.</summary>
    public required string FoldedName { get; set; }

    public required string Slug { get; set; }

    /// <summary>How many papers list the author; kept by the importer so author lists never count links.</summary>
    public int PaperCount { get; set; }

    /// <summary>The author's papers' votes summed (each paper's best day); kept by the importer so an author page never sums them.</summary>
    public int VoteCount { get; set; }

    public List<PaperAuthor> Papers { get; } = [];
}

/// <summary>An author's place in a paper's author list.</summary>
public sealed class PaperAuthor
{
    public int PaperId { get; set; }

    public Paper? Paper { get; set; }

    public int AuthorId { get; set; }

    public Author? Author { get; set; }

    /// <summary>0-based position in the de-duplicated list.</summary>
    public int Position { get; set; }

    /// <summary>The name as this paper's listing spelled it (the author's own <see cref="Author.Name"/> is their most frequent spelling).</summary>
    public required string Name { get; set; }
}

/// <summary>A paper listed on a day: that day's votes and position, and the listing exactly as that day's digest wrote it.</summary>
public sealed class Appearance
{
    public int Id { get; set; }

    public int DayId { get; set; }

    public Day? Day { get; set; }

    public int PaperId { get; set; }

    public Paper? Paper { get; set; }

    /// <summary>1-based position in the day's digest: the digest's own order, which is not always the vote order.</summary>
    public int Position { get; set; }

    /// <summary>Null when the digest gave no vote count (older digests).</summary>
    public int? Votes { get; set; }

    /// <summary>The version suffix this listing's link carried, if any.</summary>
    public int? ArxivVersion { get; set; }

    /// <summary>The title as this listing wrote it.</summary>
    public required string Title { get; set; }

    public required string TitleHtml { get; set; }

    public required string SummaryMarkdown { get; set; }

    public required string SummaryHtml { get; set; }

    /// <summary>The summary as plain text, made at ingest (<see cref="Parsing.ParsedPaper.SummaryText"/>).</summary>
    public string SummaryText { get; set; } = "";

    public string? ThumbnailUrl { get; set; }

    public string? VideoUrl { get; set; }

    public string? VideoPosterUrl { get; set; }

    /// <summary>The repositories and project pages this listing's summary names, as <see cref="Paper.CodeUrls"/>.</summary>
    public string? CodeUrls { get; set; }

    /// <summary>The listing's author names in order, as a JSON array of strings.</summary>
    public required string Authors { get; set; }

    public bool AuthorsTruncated { get; set; }

    /// <summary>1-based line of the paper heading in the day's file.</summary>
    public int Line { get; set; }
}
