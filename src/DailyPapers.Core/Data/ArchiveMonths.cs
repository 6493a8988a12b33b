using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Core.Data;

/// <summary>A month that has digests, and its latest day.</summary>
public sealed record ArchiveMonthEntry(int Year, int Month, DateOnly LatestDate);

public static class ArchiveMonths
{
    /// <summary>
    /// Every month with a digest, oldest first, each with its latest day. Months are not stored: the query skips from
    /// month to month along the date index (one seek for the next month's first day, one for the month's last), so it
    /// reads two index entries per month instead of every day of the archive. LINQ cannot say "skip ahead"; hence SQL.
    /// </summary>
    public static async Task<List<ArchiveMonthEntry>> ListAsync(PapersDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = db.Database.GetDbConnection();
            var sql = SqlDialect.Of(connection);
            var starts = await connection.QueryAsync(
                $"""
                WITH RECURSIVE m(Start) AS (
                    SELECT {sql.StartOfMonth("MIN(d.Date)")} FROM Days AS d
                    UNION ALL
                    SELECT (SELECT {sql.StartOfMonth("MIN(d.Date)")} FROM Days AS d WHERE d.Date >= {sql.StartOfMonth("m.Start", 1)})
                    FROM m WHERE m.Start IS NOT NULL)
                SELECT m.Start, (SELECT MAX(d.Date) FROM Days AS d WHERE d.Date < {sql.StartOfMonth("m.Start", 1)}) FROM m WHERE m.Start IS NOT NULL
                """,
                r => (Start: r.GetFieldValue<DateOnly>(0), Latest: r.GetFieldValue<DateOnly>(1)),
                cancellationToken).ConfigureAwait(false);
            return [.. starts.Select(m => new ArchiveMonthEntry(m.Start.Year, m.Start.Month, m.Latest))];
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
