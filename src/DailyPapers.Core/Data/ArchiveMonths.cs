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
            using var command = connection.CreateCommand();
            command.CommandText = SqlDialect.Of(connection).IsPostgres
                ? """
                WITH RECURSIVE m(Start) AS (
                    SELECT CAST(date_trunc('month', MIN(d.Date)) AS date) FROM Days AS d
                    UNION ALL
                    SELECT (SELECT CAST(date_trunc('month', MIN(d.Date)) AS date) FROM Days AS d WHERE d.Date >= m.Start + interval '1 month')
                    FROM m WHERE m.Start IS NOT NULL)
                SELECT m.Start, (SELECT MAX(d.Date) FROM Days AS d WHERE d.Date < m.Start + interval '1 month') FROM m WHERE m.Start IS NOT NULL
                """
                : """
                WITH RECURSIVE m(Start) AS (
                    SELECT date(MIN(d.Date), 'start of month') FROM Days AS d
                    UNION ALL
                    SELECT (SELECT date(MIN(d.Date), 'start of month') FROM Days AS d WHERE d.Date >= date(m.Start, '+1 month'))
                    FROM m WHERE m.Start IS NOT NULL)
                SELECT m.Start, (SELECT MAX(d.Date) FROM Days AS d WHERE d.Date < date(m.Start, '+1 month')) FROM m WHERE m.Start IS NOT NULL
                """;
            var months = new List<ArchiveMonthEntry>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var start = reader.GetFieldValue<DateOnly>(0);
                months.Add(new ArchiveMonthEntry(start.Year, start.Month, reader.GetFieldValue<DateOnly>(1)));
            }

            return months;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
