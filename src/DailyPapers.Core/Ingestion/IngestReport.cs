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
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    /// <summary>One line for logs and the command line.</summary>
    public string Summary =>
        $"{FilesSeen} files ({FilesIngested} ingested, {FilesUnchanged} unchanged, {FilesRemoved} removed, {FilesRejected} rejected); " +
        $"stored: {DaysStored} days, {PapersStored} papers, {AuthorsStored} authors; {Warnings} warnings, {Errors} errors; {Elapsed.TotalMilliseconds:0} ms";
}
