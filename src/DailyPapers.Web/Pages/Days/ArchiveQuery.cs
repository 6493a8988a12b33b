using DailyPapers.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Days;

public sealed record ArchiveDay(DateOnly Date, int PaperCount);

public sealed record ArchiveMonth(int Year, int Month, IReadOnlyList<ArchiveDay> Days)
{
    public int PaperCount => Days.Sum(d => d.PaperCount);

    public DateOnly First => new(Year, Month, 1);
}

public sealed record Archive(IReadOnlyList<ArchiveMonth> Months)
{
    public int DayCount => Months.Sum(m => m.Days.Count);

    public int PaperCount => Months.Sum(m => m.PaperCount);
}

public static class ArchiveQuery
{
    /// <summary>Every day with its paper count (kept on the row at ingest), grouped by month, newest first.</summary>
    public static async Task<Archive> LoadAsync(PapersDbContext db, CancellationToken cancellationToken)
    {
        var days = await db.Days.OrderByDescending(d => d.Date)
            .Select(d => new ArchiveDay(d.Date, d.PaperCount))
            .ToListAsync(cancellationToken);
        var months = days.GroupBy(d => (d.Date.Year, d.Date.Month))
            .Select(g => new ArchiveMonth(g.Key.Year, g.Key.Month, [.. g]))
            .ToList();
        return new Archive(months);
    }
}
