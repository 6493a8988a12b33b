using System.Data.Common;
using System.Security.Cryptography;
using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Ingestion;

/// <summary>A file as the database remembers it from the run that stored it.</summary>
internal sealed record StoredFile(int Id, string Path, string Hash, long Length, long LastWriteTicks, bool HasErrors);

/// <summary>A file rejected whole by an earlier run, with what was reported then.</summary>
internal sealed record Rejection(string Hash, long Length, long LastWriteTicks, DateTime RejectedUtc, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>What the scan decided about one file before anything parses it.</summary>
internal enum ScanVerdict
{
    /// <summary>Same size and time stamp, or same bytes, as the stored copy: skipped.</summary>
    Unchanged,

    /// <summary>The copy an earlier run rejected, unchanged: its errors are reported again without parsing it.</summary>
    Remembered,

    /// <summary>Cannot or must not be read (not a regular file, too large, unreadable): <see cref="ScannedFile.Error"/> says why.</summary>
    Refused,

    /// <summary>New or changed: the read stage parses <see cref="ScannedFile.Bytes"/>.</summary>
    Read,
}

/// <param name="Info">The file's size and time stamp when it was stat'ed (null when it could not be).</param>
internal sealed record ScannedFile(
    DigestPath File, StoredFile? Stored, ScanVerdict Verdict, FileInfo? Info = null, string? Hash = null, byte[]? Bytes = null,
    Diagnostic? Error = null, Rejection? Remembered = null);

/// <summary>
/// The scan stage: the stored state (files, rejections, which file holds each day), the digests under the data folder
/// (<see cref="FolderScan"/>), and for each of them a decision by size and time stamp, then by content hash: unchanged,
/// remembered as rejected, refused, or to be read. Examining a file touches no shared state, so files are examined in
/// parallel with the store stage's writes.
/// </summary>
internal sealed class ScanStage
{
    private readonly string _root;
    private readonly bool _rereadAll;

    private ScanStage(string root, bool rereadAll, Dictionary<string, StoredFile> stored, Dictionary<string, Rejection> rejections, Dictionary<DateOnly, (int FileId, string Path)> dayOwners)
    {
        _root = root;
        _rereadAll = rereadAll;
        Stored = stored;
        Rejections = rejections;
        DayOwners = dayOwners;
    }

    public Dictionary<string, StoredFile> Stored { get; }

    public Dictionary<string, Rejection> Rejections { get; }

    public Dictionary<DateOnly, (int FileId, string Path)> DayOwners { get; }

    /// <summary>Loads what the database remembers of the folder. <paramref name="rereadAll"/>: an older parser stored it, so every file is read again.</summary>
    public static ScanStage Load(DbConnection connection, string root, bool rereadAll)
    {
        var stored = connection.Query(null, "SELECT Id, Path, ContentHash, Length, LastWriteUtc, HasErrors FROM SourceFiles",
                r => new StoredFile(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetInt64(3), Stamp(r.GetDateTime(4)), r.GetBoolean(5)))
            .ToDictionary(f => f.Path, StringComparer.Ordinal);

        // A new parser may accept what the old one refused: nothing is remembered as rejected across parser versions.
        var rejections = rereadAll
            ? new Dictionary<string, Rejection>(StringComparer.Ordinal)
            : connection.Query(null, "SELECT Path, ContentHash, Length, LastWriteUtc, RejectedUtc, Errors FROM RejectedFiles",
                    r => (Path: r.GetString(0), Rejection: new Rejection(r.GetString(1), r.GetInt64(2), Stamp(r.GetDateTime(3)), r.GetDateTime(4), RejectionLog.Read(r.GetString(0), r.GetString(5)))))
                .ToDictionary(r => r.Path, r => r.Rejection, StringComparer.Ordinal);
        var owners = connection.Query(null, "SELECT d.Date, d.SourceFileId, f.Path FROM Days d JOIN SourceFiles f ON f.Id = d.SourceFileId",
                r => (Date: r.GetFieldValue<DateOnly>(0), FileId: r.GetInt32(1), Path: r.GetString(2)))
            .ToDictionary(o => o.Date, o => (o.FileId, o.Path));
        return new ScanStage(root, rereadAll, stored, rejections, owners);
    }

    /// <summary>A file time as both databases keep it: to the microsecond (PostgreSQL's precision; the file system has more).</summary>
    public static long Stamp(DateTime time) => time.Ticks - (time.Ticks % TimeSpan.TicksPerMicrosecond);

    /// <summary>
    /// The digests under the root, in a stable order. Folders that cannot be read are reported (what was stored from
    /// them stays); links out of the folder are reported (what was stored from them goes, since it may be an older
    /// read of what they point to).
    /// </summary>
    public FolderScan List(List<Diagnostic> diagnostics)
    {
        var scan = FolderScan.Run(_root);
        diagnostics.AddRange(scan.Errors);
        foreach (var link in scan.OutsideLinks)
        {
            var folder = link.EndsWith('/');
            var stored = Stored.Keys.Any(p => folder ? p.StartsWith(link, StringComparison.Ordinal) : p == link);
            diagnostics.Add(new Diagnostic(Severity.Warning, link, 0,
                $"the {(folder ? "folder" : "file")} is a symbolic link to outside the data folder; it is not read" + (stored ? "; what was stored from it is removed" : "")));
        }

        return scan;
    }

    /// <summary>Stats, reads (bounded) and hashes one file, and decides what it is. Never throws for what the file holds.</summary>
    public ScannedFile Examine(DigestPath file)
    {
        Stored.TryGetValue(file.Relative, out var stored);
        Rejections.TryGetValue(file.Relative, out var rejected);
        // Everything read again: compared with a blank copy, nothing is skipped.
        var compare = _rereadAll ? null : stored;
        var refused = (string message) => new ScannedFile(file, stored, ScanVerdict.Refused, Error: new Diagnostic(Severity.Error, file.Relative, 0, message));
        try
        {
            if (DigestRead.Refusal(file.Path) is { } refusal)
            {
                // Never opened: a FIFO would block the ingest, a device would never end.
                return refused(refusal);
            }

            var info = new FileInfo(file.Path);
            switch (ByStat(info.Length, Stamp(info.LastWriteTimeUtc), compare, rejected))
            {
                case ScanVerdict.Unchanged:
                    return new ScannedFile(file, stored, ScanVerdict.Unchanged);
                case ScanVerdict.Remembered:
                    return new ScannedFile(file, stored, ScanVerdict.Remembered, info, rejected!.Hash, Remembered: rejected);
            }

            if (info.Length > DigestLimits.MaxBytes)
            {
                // Not even read: a digest is tens of kilobytes.
                return refused($"the file is {info.Length:N0} bytes (at most {DigestLimits.MaxBytes:N0}); it is not read");
            }

            var bytes = DigestRead.ReadBounded(file.Path, DigestLimits.MaxBytes);
            if (bytes is null)
            {
                return refused($"the file said it was {info.Length:N0} bytes but holds more than {DigestLimits.MaxBytes:N0} (it grew while being read, or is not a file of fixed size); it is not read");
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            return ByHash(hash, compare, rejected) switch
            {
                ScanVerdict.Unchanged => new ScannedFile(file, stored, ScanVerdict.Unchanged, info, hash),
                ScanVerdict.Remembered => new ScannedFile(file, stored, ScanVerdict.Remembered, info, hash, Remembered: rejected),
                _ => new ScannedFile(file, stored, ScanVerdict.Read, info, hash, bytes),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return refused($"the file cannot be read ({e.Message})");
        }
    }

    /// <summary>
    /// The decision by size and time stamp alone: unchanged when they match a copy stored without errors, remembered
    /// when they match a rejected copy; otherwise the file must be read (<see cref="ScanVerdict.Read"/>).
    /// </summary>
    public static ScanVerdict ByStat(long length, long stamp, StoredFile? stored, Rejection? rejected)
    {
        if (stored is { HasErrors: false } && stored.Length == length && stored.LastWriteTicks == stamp)
        {
            return ScanVerdict.Unchanged;
        }

        return rejected is not null && rejected.Length == length && rejected.LastWriteTicks == stamp ? ScanVerdict.Remembered : ScanVerdict.Read;
    }

    /// <summary>The decision by content: the same bytes as a copy stored without errors, or as a rejected copy.</summary>
    public static ScanVerdict ByHash(string hash, StoredFile? stored, Rejection? rejected)
    {
        if (stored is { HasErrors: false } && stored.Hash == hash)
        {
            return ScanVerdict.Unchanged;
        }

        return rejected is not null && rejected.Hash == hash ? ScanVerdict.Remembered : ScanVerdict.Read;
    }
}
