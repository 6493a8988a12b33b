using System.Globalization;
using DailyPapers.Core.Data;
using System.Data.Common;

namespace DailyPapers.Core.Search;

/// <param name="PaperCount">Papers of the period holding the term.</param>
/// <param name="Share">Their share of the period's papers.</param>
/// <param name="BaselineShare">The term's share of the papers of the periods before (<see cref="RisingTerms"/>).</param>
public sealed record RisingTerm(string Term, int PaperCount, double Share, double BaselineShare);

/// <summary>The terms that rose most in the period starting <paramref name="Start"/>, most risen first.</summary>
public sealed record RisingList(TermPeriod Period, DateOnly Start, int PaperCount, IReadOnlyList<RisingTerm> Terms);

/// <summary>
/// The terms whose share of papers rose most in the week (and the month) of the latest stored day, against the eight
/// weeks (three months) before it, read from <see cref="TermCounts"/>: the period's terms with enough papers, then the
/// same terms' counts in the periods before, each period a range of the key.
/// </summary>
public static class RisingTerms
{
    /// <summary>Fewer papers than this in the period never make a trend, however rare the term was before.</summary>
    public const int MinPapers = 3;

    /// <summary>Terms above these shares are everywhere (모델, model): their rise says nothing.</summary>
    public const double MaxShare = 0.4;

    public const double MaxBaselineShare = 0.25;

    public static int BaselinePeriods(TermPeriod period) => period == TermPeriod.Week ? 8 : 3;

    /// <summary>How many rising terms per period are kept at ingest; pages show as many as they need.</summary>
    public const int Stored = 12;

    private const string MetaKey = "RisingTerms";

    /// <summary>
    /// The rising terms of the latest week and month as the last ingest left them (<see cref="Store"/>): one key read,
    /// however many terms the archive holds.
    /// </summary>
    public static IReadOnlyList<RisingList> Latest(DbConnection connection, int limit)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Text(null, $"SELECT Value FROM Meta WHERE Key = '{MetaKey}'") is not { } json)
        {
            return [];
        }

        var lists = System.Text.Json.JsonSerializer.Deserialize<List<RisingList>>(json) ?? [];
        return [.. lists.Select(l => l with { Terms = [.. l.Terms.Take(limit)] })];
    }

    /// <summary>Ranks the rising terms against the counts just written and keeps them for readers, inside the ingest's transaction.</summary>
    internal static void Store(DbConnection connection, DbTransaction transaction)
    {
        var lists = Compute(connection, transaction, Stored);
        connection.Execute(
            transaction,
            $"INSERT INTO Meta (Key, Value) VALUES ('{MetaKey}', @value) ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value",
            ("@value", System.Text.Json.JsonSerializer.Serialize(lists)));
    }

    /// <summary>The rising terms of the latest week and month, or no lists when nothing is stored.</summary>
    internal static IReadOnlyList<RisingList> Compute(DbConnection connection, DbTransaction? transaction, int limit)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Query(transaction, "SELECT MAX(Date) FROM Days", r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0)).FirstOrDefault() is not { } day)
        {
            return [];
        }

        var week = TermCounts.WeekOf(day);
        var month = TermCounts.MonthOf(day);
        var periods = new[] { (TermPeriod.Week, week, week.AddDays(-7 * BaselinePeriods(TermPeriod.Week))), (TermPeriod.Month, month, month.AddMonths(-BaselinePeriods(TermPeriod.Month))) };

        // Both periods in one round trip: each reads its own terms with enough papers (the empty term is the period's
        // paper count), and the same terms' counts summed over its baseline periods, each a range of the key.
        const string Counts = $"""
            WITH c AS (
                SELECT Period, Start, Term, PaperCount FROM {TermCounts.Table} WHERE Period = @p1 AND Start = @s1 AND PaperCount >= @min
                UNION ALL
                SELECT Period, Start, Term, PaperCount FROM {TermCounts.Table} WHERE Period = @p2 AND Start = @s2 AND PaperCount >= @min),
            b AS (
                SELECT Period, Term, SUM(PaperCount) AS Total FROM {TermCounts.Table}
                WHERE ((Period = @p1 AND Start >= @b1 AND Start < @s1) OR (Period = @p2 AND Start >= @b2 AND Start < @s2)) AND Term IN (SELECT Term FROM c)
                GROUP BY Period, Term)
            SELECT c.Period, c.Term, c.PaperCount, CAST(COALESCE(b.Total, 0) AS INTEGER)
            FROM c LEFT JOIN b ON b.Period = c.Period AND b.Term = c.Term
            """;
        var rows = connection.Query(
            transaction,
            Counts,
            r => (Period: (TermPeriod)r.GetInt32(0), Term: r.GetString(1), Now: r.GetInt32(2), Before: r.GetInt32(3)),
            ("@p1", (int)TermPeriod.Week), ("@s1", week), ("@b1", periods[0].Item3),
            ("@p2", (int)TermPeriod.Month), ("@s2", month), ("@b2", periods[1].Item3), ("@min", MinPapers));
        return [.. periods.Select(p => Rank(p.Item1, p.Item2, rows.Where(r => r.Period == p.Item1).Select(r => (r.Term, r.Now, r.Before)), limit))];
    }

    /// <summary>
    /// The rule, apart from the database: a term rises when it holds at least <see cref="MinPapers"/> papers of the
    /// period, is not everywhere (<see cref="MaxShare"/>, <see cref="MaxBaselineShare"/>), and its share grew; terms go
    /// by how many times their share grew, the baseline share smoothed by one paper so a term new this period ranks
    /// by its count rather than dividing by zero. Without a baseline (the archive's first period) nothing rises.
    /// </summary>
    public static RisingList Rank(TermPeriod period, DateOnly start, IEnumerable<(string Term, int Now, int Before)> counts, int limit)
    {
        var all = counts.ToList();
        var total = all.FirstOrDefault(c => c.Term.Length == 0);
        if (total.Now == 0 || total.Before == 0)
        {
            return new RisingList(period, start, total.Now, []);
        }

        var terms = all
            .Where(c => c.Term.Length > 0 && c.Now >= MinPapers)
            .Select(c => (c.Term, c.Now, Share: (double)c.Now / total.Now, Baseline: (double)c.Before / total.Before, Smoothed: (c.Before + 1.0) / (total.Before + 1.0)))
            .Where(c => c.Share <= MaxShare && c.Baseline <= MaxBaselineShare && c.Share > c.Baseline)
            .OrderByDescending(c => c.Share / c.Smoothed).ThenByDescending(c => c.Now).ThenBy(c => c.Term, StringComparer.Ordinal)
            .Take(limit)
            .Select(c => new RisingTerm(c.Term, c.Now, c.Share, c.Baseline))
            .ToList();
        return new RisingList(period, start, total.Now, terms);
    }

}
