using System.Globalization;
using System.Data.Common;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Search;

/// <summary>One month of a trend chart: how many papers its days listed.</summary>
public sealed record TrendMonth(DateOnly Month, int PaperCount);

/// <summary>One term's line: of each month's listed papers, how many match the term as the search page would.</summary>
public sealed record TrendSeries(string Term, IReadOnlyList<int> Matches);

public sealed record TrendData(IReadOnlyList<TrendMonth> Months, IReadOnlyList<TrendSeries> Series);

/// <summary>
/// The share of papers per month matching a search term, over the last <see cref="Months"/> months of the archive.
/// A paper counts in the month of each day that listed it, against that month's stored paper counts (<c>Days.PaperCount</c>),
/// so numerator and denominator count listings alike. The matches come from the full-text index (one lookup, from the
/// first paper the window lists), each match then finds its listings and their days by key: the cost follows the
/// window's matches, not the archive's.
/// </summary>
public static class TopicTrends
{
    public const int Months = 24;

    /// <summary>True when a term has something to search for (letters or digits the index keeps).</summary>
    public static bool IsSearchable(string term) => PaperSearch.MatchExpression(term) is not null;

    public static TrendData Monthly(DbConnection connection, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(terms);
        var sql = SqlDialect.Of(connection);
        var months = new List<TrendMonth>();
        var firstId = int.MaxValue;
        // With each day, the smallest paper id it lists (read by the day's key). Papers get their ids as they are first
        // stored, and digests are stored in path order, which is date order for the usual year/month/day folders: the
        // papers the window lists are then the archive's latest ids, save a paper listed again long after its first
        // listing. The window's smallest id bounds the matches read below (always correctly; only the speed depends on
        // the order), so a term's cost follows the window, not the archive.
        var days = connection.Query(
            null,
            $"""
            SELECT Date, PaperCount, (SELECT MIN(a.PaperId) FROM Appearances a WHERE a.DayId = Days.Id) FROM Days
            WHERE Date >= (SELECT {sql.StartOfMonth("MAX(Date)", -(Months - 1))} FROM Days) ORDER BY Date
            """,
            r => (Date: r.GetFieldValue<DateOnly>(0), Papers: r.GetInt32(1), FirstId: r.IsDBNull(2) ? (int?)null : r.GetInt32(2)));
        foreach (var (day, papers, first) in days)
        {
            if (first is { } id)
            {
                firstId = Math.Min(firstId, id);
            }

            var month = new DateOnly(day.Year, day.Month, 1);
            if (months.Count > 0 && months[^1].Month == month)
            {
                months[^1] = months[^1] with { PaperCount = months[^1].PaperCount + papers };
            }
            else
            {
                // Months without a digest between two with one are shown as empty, not skipped.
                while (months.Count > 0 && months[^1].Month.AddMonths(1) < month)
                {
                    months.Add(new TrendMonth(months[^1].Month.AddMonths(1), 0));
                }

                months.Add(new TrendMonth(month, papers));
            }
        }

        if (months.Count == 0)
        {
            return new TrendData([], [.. terms.Select(t => new TrendSeries(t, []))]);
        }

        var index = months.Select((m, i) => (m.Month, i)).ToDictionary(x => x.Month, x => x.i);
        var from = months[0].Month;
        var series = new List<TrendSeries>();
        foreach (var term in terms)
        {
            var matches = new int[months.Count];
            if (PaperSearch.MatchExpression(term, connection) is { } match)
            {
                var (id, matching) = IndexSyntax.Of(connection).Matching("s", "@match");
                // CROSS JOIN keeps the order: the index's matches first, then their listings and days by key.
                var counts = connection.Query(
                    null,
                    $"""
                    SELECT {sql.YearMonth("d.Date")}, COUNT(*)
                    FROM {SearchIndex.Table} s CROSS JOIN Appearances a CROSS JOIN Days d
                    WHERE {matching} AND {id} >= @firstId AND a.PaperId = {id} AND d.Id = a.DayId AND d.Date >= @from
                    GROUP BY 1
                    """,
                    r => (Month: r.GetString(0), Count: (int)r.GetInt64(1)),
                    ("@match", match), ("@firstId", firstId), ("@from", from));
                foreach (var (yearMonth, count) in counts)
                {
                    if (index.TryGetValue(DateOnly.ParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), out var i))
                    {
                        matches[i] = count;
                    }
                }
            }

            series.Add(new TrendSeries(term, matches));
        }

        return new TrendData(months, series);
    }
}
