namespace DailyPapers.Core.Ingestion;

/// <param name="Replace">
/// Allow a run that would remove everything stored: a database filled from another folder, or an empty folder.
/// Without it such a run is refused with <see cref="IngestRefusedException"/>, so a mistyped or unmounted folder never
/// wipes the data.
/// </param>
/// <param name="Waiting">Told once when another process's ingest holds the database and this one waits for it.</param>
/// <param name="Sample">
/// The folder of the sample digests the app ships (its embedded default). A database that holds nothing but copies of
/// them holds nothing of a user's: another folder replaces it without <paramref name="Replace"/>.
/// </param>
/// <param name="Today">
/// The day the run takes as today: a digest dated after the end of the following year is refused as a mistyped date
/// (<see cref="Parsing.DigestDates"/>). Null reads the clock, once, when the run starts.
/// </param>
public sealed record IngestOptions(bool Replace = false, Action<string>? Waiting = null, string? Sample = null, DateOnly? Today = null);

/// <summary>The importer would have removed data it was not told it may remove; nothing was written.</summary>
public sealed class IngestRefusedException : Exception
{
    public IngestRefusedException()
    {
    }

    public IngestRefusedException(string message)
        : base(message)
    {
    }

    public IngestRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
