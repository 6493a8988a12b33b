using System.Data.Common;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Search;

/// <summary>
/// The write side of rising terms: for every week and month an ingest touched, how many of the papers listed in it hold
/// each term (<see cref="Terms(string)"/>), recounted whole, so a replaced or deleted digest leaves no stale count. A
/// week is a few hundred papers, so recounting one costs milliseconds and no step walks the archive. This type runs
/// the steps; the terms, the periods and the counting are pure (TermCounts.Terms.cs), the SQL is <see cref="TermCountStore"/>'s.
/// </summary>
public sealed partial class TermCounts : IDisposable
{
    public const string Table = "TermCounts";

    private readonly DbConnection _connection;
    private readonly TermCountStore _store;

    public TermCounts(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _store = new TermCountStore(connection);
    }

    /// <summary>Counts these weeks and months again (those an ingest wrote or removed days in), then ranks the rising terms.</summary>
    /// <param name="terms">
    /// The terms of papers whose text the caller already cut (<see cref="Terms(string, string)"/> of the title and
    /// summary it stored), taken as given: of a period's papers only the others' title and summary are read and cut.
    /// Terms given for a paper listed in none of the periods are not used.
    /// </param>
    public void Refresh(
        DbTransaction transaction, IEnumerable<(TermPeriod Period, DateOnly Start)> periods, IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>>? terms = null)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(periods);
        var all = periods.Distinct().ToList();

        // A month and the weeks starting in it are counted together, so a paper's terms are cut once for both; what
        // is kept between them is a month's papers, never the archive's.
        foreach (var group in all.GroupBy(p => MonthOf(p.Start)).OrderBy(g => g.Key))
        {
            var cut = new Dictionary<int, IReadOnlyDictionary<string, string>>();
            foreach (var (period, start) in group.OrderByDescending(p => p.Period))
            {
                Recount(transaction, period, start, terms, cut);
            }
        }

        if (all.Count > 0)
        {
            RisingTerms.Store(_connection, transaction);
        }
    }

    /// <summary>Counts every period of a database stored before terms were counted (the ingest skips its unchanged files).</summary>
    public static void EnsureComplete(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var days = TermCountStore.Uncounted(connection);
        if (days.Count == 0)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using var counts = new TermCounts(connection);
        counts.Refresh(transaction, PeriodsOf(days));
        transaction.Commit();
    }

    /// <summary>
    /// Replaces a period's counts: its papers first, by id; then the title and summary of those whose terms neither
    /// <paramref name="given"/> nor <paramref name="cut"/> holds, cut and kept in <paramref name="cut"/>.
    /// </summary>
    private void Recount(
        DbTransaction transaction, TermPeriod period, DateOnly start, IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>>? given, Dictionary<int, IReadOnlyDictionary<string, string>> cut)
    {
        _store.Delete(transaction, period, start);
        var listings = _store.Listings(transaction, start, EndOf(period, start));
        var unknown = listings.Select(l => l.Paper).Distinct().Where(id => given?.ContainsKey(id) != true && !cut.ContainsKey(id)).ToList();
        foreach (var (id, title, summary) in _store.Texts(transaction, unknown))
        {
            cut[id] = Terms(title, summary);
        }

        // A paper listed in the period but no longer stored has no terms, and does not count.
        var counts = Count(listings, id => given?.GetValueOrDefault(id) ?? cut.GetValueOrDefault(id));
        if (counts.Count > 0)
        {
            _store.Insert(transaction, period, start, counts);
        }
    }

    public void Dispose() => _store.Dispose();
}
