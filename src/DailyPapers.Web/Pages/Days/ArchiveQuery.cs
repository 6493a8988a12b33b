using DailyPapers.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Days;

public sealed record ArchiveDay(DateOnly Date, int PaperCount);

public sealed record ArchiveMonth(int Year, int Month, IReadOnlyList<ArchiveDay> Days)
{
    public int PaperCount => Days.Sum(d => d.PaperCount);

    public DateOnly First => new(Year, Month, 1);
}

/// <summary>One year of the archive (the whole of it would grow without end), with the nearest years that have digests.</summary>
public sealed record Archive(IReadOnlyList<ArchiveMonth> Months, int? Year = null, int? PreviousYear = null, int? NextYear = null)
{
    public int DayCount => Months.Sum(m => m.Days.Count);

    public int PaperCount => Months.Sum(m => m.PaperCount);
}

public static class ArchiveQuery
{
    /// <summary>
    /// A year's days with their paper counts (kept on the rows at ingest), grouped by month, newest first; the latest
    /// year with digests when none is asked for. Four index reads whatever the archive holds.
    /// </summary>
    public static async Task<Archive> LoadAsync(PapersDbContext db, int? year, CancellationToken cancellationToken)
    {
        var shown = year ?? (await DayQuery.LatestAsync(db, cancellationToken))?.Year;
        if (shown is not int y)
        {
            return new Archive([]);
        }

        var (start, end) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        var days = await db.Days.Where(d => d.Date >= start && d.Date <= end).OrderByDescending(d => d.Date)
            .Select(d => new ArchiveDay(d.Date, d.PaperCount))
            .ToListAsync(cancellationToken);
        var months = days.GroupBy(d => (d.Date.Year, d.Date.Month))
            .Select(g => new ArchiveMonth(g.Key.Year, g.Key.Month, [.. g]))
            .ToList();
        var previous = await DayQuery.BeforeAsync(db, start, cancellationToken);
        var next = await DayQuery.AfterAsync(db, end, cancellationToken);
        return new Archive(months, y, previous?.Year, next?.Year);
    }
}
