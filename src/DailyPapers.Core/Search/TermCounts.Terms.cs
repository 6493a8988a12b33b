using DailyPapers.Core.Data;

namespace DailyPapers.Core.Search;

// The pure part of term counts: the terms of a text, the periods they are counted in, and a period's counts.
public sealed partial class TermCounts
{
    /// <summary>The weeks and months holding these days.</summary>
    public static IReadOnlyList<(TermPeriod Period, DateOnly Start)> PeriodsOf(IEnumerable<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return [.. days.SelectMany(d => new[] { (TermPeriod.Week, WeekOf(d)), (TermPeriod.Month, MonthOf(d)) }).Distinct()];
    }

    /// <summary>The Monday starting the week of a day.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The first day after a period.</summary>
    public static DateOnly EndOf(TermPeriod period, DateOnly start) => period == TermPeriod.Week ? start.AddDays(7) : start.AddMonths(1);

    /// <summary>
    /// A period's counts from its listings (a paper on each day it was listed) and its papers' terms: how many papers
    /// hold each term, on how many days, and the form to show (<see cref="TrendTerms.Shown"/>);
    /// under the empty term how many papers there are and on how many days. A paper without terms (no longer stored)
    /// does not count. No papers, no counts.
    /// </summary>
    public static Dictionary<string, TermTally> Count(IEnumerable<(int Paper, DateOnly Day)> listings, Func<int, IReadOnlyDictionary<string, string>?> termsOf)
    {
        ArgumentNullException.ThrowIfNull(listings);
        ArgumentNullException.ThrowIfNull(termsOf);
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var seen = new HashSet<int>();
        foreach (var (paper, day) in listings.OrderBy(l => l.Day))
        {
            if (termsOf(paper) is not { } terms)
            {
                continue;
            }

            var first = seen.Add(paper);
            Add("", "", first, day);
            foreach (var (key, form) in terms)
            {
                Add(key, form, first, day);
            }
        }

        return tallies.ToDictionary(t => t.Key, t => new TermTally(t.Value.Papers, t.Value.Days, t.Value.Form(t.Key)), StringComparer.Ordinal);

        void Add(string key, string form, bool firstListing, DateOnly day)
        {
            if (!tallies.TryGetValue(key, out var tally))
            {
                tallies[key] = tally = new Tally();
            }

            if (tally.LastDay != day)
            {
                tally.LastDay = day;
                tally.Days++;
            }

            if (firstListing)
            {
                tally.Papers++;
                tally.Add(key, form);
            }
        }
    }

    /// <summary>The terms of a paper that may rise, key → the form it writes it in (<see cref="TrendTerms.Of"/>).</summary>
    public static IReadOnlyDictionary<string, string> Terms(string title, string summary) => TrendTerms.Of(title, summary);

    private sealed class Tally
    {
        public int Papers;
        public int Days;
        public DateOnly? LastDay;

        // Most papers write a term as its key: those are counted here, and only other forms take a dictionary.
        public int AsKey;
        public Dictionary<string, int>? Forms;

        public void Add(string key, string form)
        {
            if (ReferenceEquals(form, key) || form == key)
            {
                AsKey++;
                return;
            }

            Forms ??= new Dictionary<string, int>(StringComparer.Ordinal);
            Forms[form] = Forms.GetValueOrDefault(form) + 1;
        }

        public string Form(string key)
        {
            if (Forms is null)
            {
                return key;
            }

            if (AsKey > 0)
            {
                Forms[key] = AsKey;
            }

            return TrendTerms.Shown(Forms);
        }
    }
}

/// <summary>A term's count in a period: papers holding it, days they were listed on, and the form most of them write.</summary>
public readonly record struct TermTally(int Papers, int Days, string Form);
