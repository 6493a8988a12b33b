using System.Data.Common;

namespace DailyPapers.Core.Data;

/// <summary>
/// What the ingest logged as changed (<see cref="Change"/>), read by the web app to drop the cached pages that show it.
/// </summary>
public static class ChangeLog
{
    /// <summary>
    /// The channel each PostgreSQL commit that logged changes notifies (<see cref="SqlDialect.NotifyChanges"/>), so web
    /// nodes read the log at once instead of at their next poll.
    /// </summary>
    public const string Channel = "dailypapers_changes";

    /// <summary>The id of the newest logged change (0 before any): it grows with every ingest that changed stored rows.</summary>
    public static long LatestChange(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Number(null, "SELECT COALESCE(MAX(Id), 0) FROM Changes");
    }

    /// <summary>The changes logged after <paramref name="afterId"/>, oldest first, and whether older ones were pruned in between.</summary>
    public static (List<(long Id, string Tag)> Changes, bool Gap) ChangesAfter(DbConnection connection, long afterId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var changes = connection.Query(null, "SELECT Id, Tag FROM Changes WHERE Id > @after ORDER BY Id", r => (Id: r.GetInt64(0), Tag: r.GetString(1)), ("@after", afterId));

        // Rows after ours were pruned: the log no longer says everything that changed since.
        var gap = changes.Count > 0 && changes[0].Id > afterId + 1 && afterId > 0;
        return (changes, gap);
    }

    /// <summary>
    /// The stored days just before and just after a date (each found by one step along the date index): a changed day
    /// changes their links to it.
    /// </summary>
    public static IEnumerable<DateOnly> Neighbours(DbConnection connection, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var found = connection.Query(
            null,
            "SELECT MAX(Date) FROM Days WHERE Date < @date UNION ALL SELECT MIN(Date) FROM Days WHERE Date > @date",
            r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0),
            ("@date", date));
        return [.. found.OfType<DateOnly>()];
    }
}
