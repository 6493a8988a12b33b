using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Ingestion;

/// <summary>What one ingest run did, and what the database holds after it.</summary>
/// <param name="ReplacedSample">The folder of the sample digests this run replaced (they were all the database held), or null.</param>
public sealed record IngestReport(
    int FilesSeen,
    int FilesIngested,
    int FilesUnchanged,
    int FilesRemoved,
    int FilesRejected,
    int PapersRead,
    int DaysStored,
    int PapersStored,
    int AuthorsStored,
    bool DataChanged,
    IReadOnlyList<Diagnostic> Diagnostics,
    TimeSpan Elapsed,
    string? ReplacedSample = null)
{
    /// <summary>
    /// Time spent in each stage. Scan and read run on their own thread while the writer stores, so the stages may add
    /// up to more than <see cref="Elapsed"/>; opening the database and taking the lock count in none.
    /// </summary>
    public IReadOnlyDictionary<IngestStage, TimeSpan> Stages { get; init; } = new Dictionary<IngestStage, TimeSpan>();

    /// <summary>How long the writer waited for files to be read (the read stage was behind): in none of <see cref="Stages"/>.</summary>
    public TimeSpan WaitedForRead { get; init; }

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    /// <summary>One line for logs and the command line.</summary>
    public string Summary =>
        $"{FilesSeen} files ({FilesIngested} ingested, {FilesUnchanged} unchanged, {FilesRemoved} removed, {FilesRejected} rejected); " +
        $"stored: {DaysStored} days, {PapersStored} papers, {AuthorsStored} authors; {Warnings} warnings, {Errors} errors; {Elapsed.TotalMilliseconds:0} ms";
}
