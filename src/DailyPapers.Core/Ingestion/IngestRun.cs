using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// One run's rules: what each read file means for the stored data, decided in path order and handed to the store
/// stage. A day belongs to one file; a file that cannot be read or parsed keeps what was stored from it; a file
/// rejected for what it holds is remembered by its hash and reported again, without being read, until it changes.
/// </summary>
internal sealed class IngestRun(ScanStage scan, StoreStage store, bool rereadAll, CancellationToken cancellationToken)
{
    private readonly List<ReadFile> _deferred = [];

    public List<Diagnostic> Diagnostics { get; } = [];

    public int Ingested { get; private set; }

    public int Unchanged { get; private set; }

    public int Removed { get; private set; }

    public int Rejected { get; private set; }

    public int PapersRead { get; private set; }

    public bool Changed { get; set; }

    /// <summary>Drops what was stored from files gone from the folder (not those in folders that could not be listed).</summary>
    public void RemoveVanished(IReadOnlyCollection<DigestPath> files, IReadOnlyList<string> unreadableFolders)
    {
        var present = files.Select(f => f.Relative).ToHashSet(StringComparer.Ordinal);
        bool Unlisted(string path) => !present.Contains(path) && !unreadableFolders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal));
        foreach (var path in scan.Rejections.Keys.Where(Unlisted).ToList())
        {
            store.ForgetRejection(path);
            scan.Rejections.Remove(path);
        }

        foreach (var stored in scan.Stored.Values.Where(s => Unlisted(s.Path)).OrderBy(s => s.Path, StringComparer.Ordinal).ToList())
        {
            store.DeleteFile(stored.Id);
            ReleaseDays(stored.Id);
            scan.Stored.Remove(stored.Path);
            Removed++;
            Changed = true;
        }
    }

    /// <summary>Applies the files whose days another file held when they were read: that file has been applied since.</summary>
    public void ApplyDeferred()
    {
        foreach (var file in _deferred)
        {
            Apply(file, final: true);
        }
    }

    /// <summary>Decides what a read file means for the stored data and writes it, in path order.</summary>
    public void Apply(ReadFile file, bool final = false)
    {
        var (relative, stored) = (file.Relative, file.Stored);
        switch (file.Scan.Verdict)
        {
            case ScanVerdict.Unchanged:
                Forget(relative);
                if (file.Scan.Info is { } info && stored is not null)
                {
                    // Same content under a new time stamp: remember the time stamp so the next run skips it by stat alone.
                    store.Touch(stored.Id, info);
                }

                Unchanged++;
                return;
            case ScanVerdict.Remembered:
                ApplyRemembered(file, file.Scan.Remembered!);
                return;
        }

        if (file.Error is { } error)
        {
            var kept = HoldsDays(stored) ? "; the days stored from its previous version are kept" : "";
            Diagnostics.Add(error with { Message = error.Message + kept });
            Rejected++;
            if (file.Scan.Info is not null)
            {
                // Refused for what it holds (size, encoding, limits), not for a passing read failure: remember it.
                Remember(file, [error]);
            }

            return;
        }

        var digest = file.Digest!;
        if (!final && digest.Days.Any(day => scan.DayOwners.TryGetValue(day.Date, out var owner) && owner.FileId != stored?.Id))
        {
            // Another file holds one of its days; it may be giving it up later in this run.
            _deferred.Add(file);
            return;
        }

        Diagnostics.AddRange(digest.Diagnostics);
        var accepted = new List<ParsedDay>();
        foreach (var day in digest.Days)
        {
            if (scan.DayOwners.TryGetValue(day.Date, out var owner) && owner.FileId != stored?.Id)
            {
                Diagnostics.Add(new Diagnostic(Severity.Error, relative, day.Line, $"day {day.Date:yyyy-MM-dd} is already provided by {owner.Path}; this file's copy is not stored"));
                continue;
            }

            accepted.Add(day);
        }

        var hasErrors = digest.HasErrors || accepted.Count < digest.Days.Count;
        if (digest.Days.Count == 0 || (digest.HasErrors && accepted.Count == digest.Days.Count))
        {
            // Its errors are its own (not a day another file holds): it says the same until it changes.
            Remember(file, digest.Diagnostics);
        }
        else
        {
            Forget(relative);
        }

        if (accepted.Count == 0)
        {
            Rejected++;
            KeptPreviousVersion(relative, stored);
            return;
        }

        if (hasErrors)
        {
            Rejected++;
        }

        if (!rereadAll && stored is { HasErrors: true } && stored.Hash == file.Scan.Hash && SameDays(stored.Id, accepted))
        {
            // Read again only to report its errors again; nothing it would write has changed.
            return;
        }

        var fileId = store.ReplaceFile(file, hasErrors, accepted, cancellationToken);
        ReleaseDays(fileId);
        foreach (var day in accepted)
        {
            scan.DayOwners[day.Date] = (fileId, relative);
            PapersRead += day.Papers.Count;
        }

        if (!hasErrors)
        {
            Ingested++;
        }

        Changed = true;
    }

    /// <summary>
    /// Rejected (or stored with errors) before and unchanged since: its errors again, without reading it. What was
    /// stored from it stays as it is: its own days if they were stored, else its previous version's.
    /// </summary>
    private void ApplyRemembered(ReadFile file, Rejection remembered)
    {
        var since = $" (unchanged since {remembered.RejectedUtc:yyyy-MM-dd HH:mm} UTC; not read again)";
        Diagnostics.AddRange(remembered.Diagnostics.Select(d => d with { Message = d.Message + since }));
        if (file.Stored?.Hash != remembered.Hash)
        {
            KeptPreviousVersion(file.Relative, file.Stored);
        }

        if (file.Scan.Info is { } seen && (seen.Length != remembered.Length || ScanStage.Stamp(seen.LastWriteTimeUtc) != remembered.LastWriteTicks))
        {
            // Same bytes under a new time stamp: the next run knows it by stat alone.
            Remember(file, remembered.Diagnostics);
        }

        Rejected++;
    }

    private void ReleaseDays(int fileId)
    {
        foreach (var date in scan.DayOwners.Where(o => o.Value.FileId == fileId).Select(o => o.Key).ToList())
        {
            scan.DayOwners.Remove(date);
        }
    }

    private void Remember(ReadFile file, IReadOnlyList<Diagnostic> diagnostics)
    {
        var line = diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)?.Line ?? 0;
        store.RememberRejection(file.Relative, file.Scan.Hash ?? "", file.Scan.Info!, line, RejectionLog.Write(diagnostics));
    }

    private void Forget(string relative)
    {
        if (scan.Rejections.Remove(relative))
        {
            store.ForgetRejection(relative);
        }
    }

    private bool SameDays(int fileId, List<ParsedDay> days) =>
        scan.DayOwners.Where(o => o.Value.FileId == fileId).Select(o => o.Key).Order().SequenceEqual(days.Select(d => d.Date).Order());

    private bool HoldsDays(StoredFile? stored) => stored is not null && scan.DayOwners.Any(o => o.Value.FileId == stored.Id);

    /// <summary>Says that a rejected file's earlier version still provides its days, when it does.</summary>
    private void KeptPreviousVersion(string relative, StoredFile? stored)
    {
        if (HoldsDays(stored))
        {
            Diagnostics.Add(new Diagnostic(Severity.Error, relative, 0, "the file was rejected; the days stored from its previous version are kept"));
        }
    }
}
