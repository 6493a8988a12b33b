using DailyPapers.Core.Data;
using System.Data.Common;

namespace DailyPapers.Core.Search;

/// <param name="Term">The term as most of the period's papers write it (<see cref="TrendTerms"/>).</param>
/// <param name="PaperCount">Papers of the period holding the term.</param>
/// <param name="Share">Their share of the period's papers.</param>
/// <param name="BaselineShare">The term's share of the papers of the periods before (<see cref="RisingTerms"/>).</param>
/// <param name="DayCount">The days of the period those papers were listed on.</param>
/// <param name="Score">The log-likelihood ratio (G²) of the rise: larger is less likely chance.</param>
public sealed record RisingTerm(string Term, int PaperCount, double Share, double BaselineShare, int DayCount = 0, double Score = 0);

/// <summary>The terms that rose most in the period starting <paramref name="Start"/>, most significant first.</summary>
public sealed record RisingList(TermPeriod Period, DateOnly Start, int PaperCount, IReadOnlyList<RisingTerm> Terms);

/// <summary>One term of a period, as <see cref="RisingTerms.Rank"/> weighs it.</summary>
/// <param name="Now">Papers of the period holding it.</param>
/// <param name="Days">Days of the period they were listed on.</param>
/// <param name="Before">Papers of the baseline periods holding it.</param>
/// <param name="CommonMonths">Of the months before the period (<see cref="RisingTerms.CommonWindow"/>), those in which at least
/// <see cref="RisingTerms.CommonShare"/> of the papers held it.</param>
public readonly record struct TermRow(string Term, string Form, int Now, int Days, int Before, int CommonMonths);

/// <summary>
/// The terms that rose in a week (against the eight weeks before it) or a month (against the three before it), read
/// from <see cref="TermCounts"/>: the period's terms with enough papers, the same terms' counts in the periods before and
/// in the year before, each period a range of the key, so a period costs its own terms whatever the archive holds.
/// <para>
/// A term rises when its rise is unlikely to be chance: ranked by the log-likelihood ratio G² of its count in the
/// period against its count before (Dunning 1993), with at least <see cref="MinPapers"/> papers over <see cref="MinDays"/>
/// days and a share at least <see cref="MinRatio"/> times its smoothed share before. Terms the archive holds everywhere
/// are left out, by the archive's own measure (<see cref="CommonShare"/> of the papers in most months of the year before),
/// not a hand list; so are terms in most of the period's papers (a template's headings). A term inside a listed longer
/// one (<c>splatting</c> in <c>Gaussian splatting</c>) gives way to it when the longer one holds most of its papers.
/// </para>
/// </summary>
public static class RisingTerms
{
    /// <summary>Fewer papers than this in the period never make a trend, however rare the term was before.</summary>
    public const int MinPapers = 5;

    /// <summary>A term of one day's digest (one paper's authors' several papers) is no trend.</summary>
    public const int MinDays = 3;

    /// <summary>The share must be this many times the share before (smoothed by one paper).</summary>
    public const double MinRatio = 1.5;

    /// <summary>G² of at least this: the rise is chance less than one time in twenty (χ² with one degree of freedom).</summary>
    public const double MinScore = 3.84;

    /// <summary>
    /// A single word of common vocabulary (a Korean noun, a lower-case English word) ranks by half its G²: the share of
    /// such words moves with how summaries are written (a new template, a translator's habits) where a name or a
    /// phrase moves with what papers are about. Measured on the corpus (<c>bench rising</c>): the true terms listed went
    /// from 5 of 17 to 9 of 17.
    /// </summary>
    public const double WordWeight = 0.5;

    /// <summary>A name (a capital the text keeps: Mamba, DPO, LLaVA) or a phrase (video generation), not a word of common vocabulary.</summary>
    public static bool IsNamed(string form) => form.Contains(' ', StringComparison.Ordinal) || form.Any(char.IsUpper);

    /// <summary>Terms above these shares are everywhere (a template's headings, model): their rise says nothing.</summary>
    public const double MaxShare = 0.4;

    public const double MaxBaselineShare = 0.25;

    /// <summary>A month in which at least this share of the papers hold a term counts towards it being common.</summary>
    public const double CommonShare = 1.0 / CommonOneIn;

    private const int CommonOneIn = 50;

    /// <summary>Whether a month's count is common (<see cref="CommonShare"/> of its papers), as stored with it.</summary>
    public static bool IsCommon(int count, int papers) => (long)count * CommonOneIn >= papers;

    /// <summary>The months before a period that decide whether a term is common (in three quarters of those stored, at least three).</summary>
    public const int CommonWindow = 12;

    public static int BaselinePeriods(TermPeriod period) => period == TermPeriod.Week ? 8 : 3;

    /// <summary>How many rising terms per period are kept at ingest and answered for a period; pages show as many as they need.</summary>
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

        return [Of(connection, transaction, TermPeriod.Week, day, limit), Of(connection, transaction, TermPeriod.Month, day, limit)];
    }

    /// <summary>The archive's first and last day, or null when no day is stored (two ends of the date index).</summary>
    public static (DateOnly First, DateOnly Last)? ArchiveSpan(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Query(
            null,
            "SELECT (SELECT MIN(Date) FROM Days), (SELECT MAX(Date) FROM Days)",
            r => r.IsDBNull(0) ? ((DateOnly, DateOnly)?)null : (r.GetFieldValue<DateOnly>(0), r.GetFieldValue<DateOnly>(1))).FirstOrDefault();
    }

    /// <summary>The period (week from Monday, or calendar month) holding <paramref name="day"/>.</summary>
    public static DateOnly StartOf(TermPeriod period, DateOnly day) => period == TermPeriod.Week ? TermCounts.WeekOf(day) : TermCounts.MonthOf(day);

    /// <summary>
    /// The rising terms of the week or month holding <paramref name="day"/>, computed from the stored counts in one
    /// round trip: any period of the archive, past or current.
    /// </summary>
    public static RisingList Of(DbConnection connection, DbTransaction? transaction, TermPeriod period, DateOnly day, int limit)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var start = StartOf(period, day);
        if (day.Year is < 3 or > 9996)
        {
            // No digest is dated there, and the windows around it would run off the calendar.
            return new RisingList(period, start, 0, []);
        }

        var month = TermCounts.MonthOf(start);
        // Two round trips, each along keys. First the period's terms that may rise (enough papers on enough days; the
        // empty term is its paper count) and the same terms' papers in each baseline period, a key each; then, for the
        // terms that rise by every other part of the rule, the months around the period each is common in, through
        // the index of common month rows alone (the empty term is common in every stored month: its figure is how many
        // months there are). A period costs its own terms, whatever the archive holds.
        var dialect = SqlDialect.Of(connection);
        var baselines = Baselines(period, start);
        var parameters = new List<(string, object?)> { ("@p", (int)period), ("@s", start), ("@min", MinPapers), ("@days", MinDays) };
        parameters.AddRange(baselines.Select((b, i) => ($"@b{i}", (object?)b)));
        var parts = connection.Query(
            transaction,
            CountsOf(dialect, baselines.Count),
            r => (Kind: r.GetInt32(0), Term: r.GetString(1), Count: r.GetInt32(2), Days: r.GetInt32(3), Form: r.IsDBNull(4) ? null : r.GetString(4)),
            [.. parameters]);
        var before = parts.Where(p => p.Kind == 1).ToDictionary(p => p.Term, p => p.Count, StringComparer.Ordinal);
        var rows = parts.Where(p => p.Kind == 0).Select(p => new TermRow(p.Term, p.Form ?? p.Term, p.Count, p.Days, before.GetValueOrDefault(p.Term), 0)).ToList();
        if (rows.FirstOrDefault(r => r.Term.Length == 0) is not { Now: > 0, Before: > 0 } total)
        {
            return Rank(period, start, rows, limit);
        }

        var candidates = rows.Where(r => Rises(r, total) is not null).Select(r => r.Term).Append("").ToList();
        var common = connection.Query(
            transaction,
            CommonOf(dialect),
            r => (Term: r.GetString(0), Months: r.GetInt32(1)),
            ("@terms", System.Text.Json.JsonSerializer.Serialize(candidates)),
            ("@m", month.AddMonths(-CommonWindow)), ("@ms", month), ("@me", month.AddMonths(CommonWindow + 1)))
            .ToDictionary(c => c.Term, c => c.Months, StringComparer.Ordinal);
        return Rank(period, start, rows.Select(r => r with { CommonMonths = common.GetValueOrDefault(r.Term) }), limit);
    }

    /// <summary>The starts of the periods a period is weighed against, oldest first.</summary>
    public static List<DateOnly> Baselines(TermPeriod period, DateOnly start) =>
        [.. Enumerable.Range(1, BaselinePeriods(period)).Reverse().Select(n => period == TermPeriod.Week ? start.AddDays(-7 * n) : start.AddMonths(-n))];

    /// <summary>
    /// The first query of <see cref="Of"/>: kind 0 the period's terms that may rise, kind 1 their papers in the baseline
    /// periods (<c>@b0</c> … one key each, so a term's baseline is a few seeks, never a scan of the baseline's terms;
    /// CROSS JOIN keeps SQLite's loops in that order).
    /// </summary>
    internal static string CountsOf(SqlDialect sql, int baselines) => $"""
            WITH c AS (
                SELECT Term, PaperCount, DayCount, Form FROM {TermCounts.Table}
                WHERE Period = @p AND Start = @s AND ((PaperCount >= @min AND DayCount >= @days) OR Term = ''))
            SELECT 0, Term, PaperCount, DayCount, Form FROM c
            UNION ALL
            SELECT 1, c.Term, {sql.Int("SUM(t.PaperCount)")}, 0, NULL FROM c
            CROSS JOIN {TermCounts.Table} t
            WHERE t.Period = @p AND t.Start IN ({string.Join(", ", Enumerable.Range(0, baselines).Select(i => $"@b{i}"))}) AND t.Term = c.Term
            GROUP BY c.Term
            """;

    /// <summary>The second query of <see cref="Of"/>: for the terms in <c>@terms</c>, the months around the period each is common in.</summary>
    internal static string CommonOf(SqlDialect sql) => $"""
            SELECT Term, {sql.Int("COUNT(*)")} FROM {TermCounts.Table} {sql.IndexedBy(Data.Configurations.TermCountConfiguration.CommonIndex)}
            WHERE {Data.Configurations.TermCountConfiguration.CommonFilter} AND Term IN ({sql.Texts("@terms")}) AND Start >= @m AND Start < @me AND Start <> @ms
            GROUP BY Term
            """;

    /// <summary>
    /// The rule, apart from the database (see <see cref="RisingTerms"/>). <paramref name="rows"/> holds the period's terms
    /// and, under the empty term, its paper count, the baseline's paper count and the months stored before it. Without
    /// a baseline (the archive's first period) nothing rises.
    /// </summary>
    public static RisingList Rank(TermPeriod period, DateOnly start, IEnumerable<TermRow> rows, int limit)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var all = rows.ToList();
        var total = all.FirstOrDefault(c => c.Term.Length == 0);
        if (total.Now == 0 || total.Before == 0)
        {
            return new RisingList(period, start, total.Now, []);
        }

        // Common: held by the common share in three quarters of the months before, when at least three are stored.
        var months = total.CommonMonths;
        var commonAt = months >= 3 ? (int)Math.Ceiling(months * 0.75) : int.MaxValue;
        var forms = all.ToDictionary(r => r.Term, r => r.Form, StringComparer.Ordinal);
        var ranked = all
            .Where(c => c.CommonMonths < commonAt)
            .Select(c => Rises(c, total))
            .OfType<RisingTerm>()
            .OrderByDescending(c => c.Score * (IsNamed(forms[c.Term]) ? 1 : WordWeight)).ThenByDescending(c => c.PaperCount).ThenBy(c => c.Term, StringComparer.Ordinal)
            .ToList();
        return new RisingList(period, start, total.Now, Merge(ranked, forms, limit));
    }

    /// <summary>
    /// The term as it rose, or null when it did not, by every part of the rule but whether the archive holds it
    /// commonly: enough papers on enough days, a share neither everywhere nor a mere wobble, and a G² beyond chance.
    /// </summary>
    private static RisingTerm? Rises(TermRow c, TermRow total)
    {
        if (c.Term.Length == 0 || c.Now < MinPapers || c.Days < MinDays)
        {
            return null;
        }

        var (share, baseline, smoothed) = ((double)c.Now / total.Now, (double)c.Before / total.Before, (c.Before + 1.0) / (total.Before + 1.0));
        if (share > MaxShare || baseline > MaxBaselineShare || share < MinRatio * smoothed)
        {
            return null;
        }

        var score = LogLikelihood(c.Now, total.Now, c.Before, total.Before);
        return score >= MinScore ? new RisingTerm(c.Term, c.Now, share, baseline, c.Days, score) : null;
    }

    /// <summary>
    /// Dunning's G² for a count <paramref name="a"/> of <paramref name="n1"/> against <paramref name="b"/> of
    /// <paramref name="n2"/>: how unlikely the two rates are one rate.
    /// </summary>
    public static double LogLikelihood(int a, int n1, int b, int n2)
    {
        var k = (double)(a + b) / (n1 + n2);
        return 2 * (Part(a, n1 * k) + Part(n1 - a, n1 * (1 - k)) + Part(b, n2 * k) + Part(n2 - b, n2 * (1 - k)));

        static double Part(double observed, double expected) => observed <= 0 || expected <= 0 ? 0 : observed * Math.Log(observed / expected);
    }

    /// <summary>
    /// The ranked terms less those overlapping one listed before: a term inside a listed longer one goes; a longer term
    /// holding a listed shorter one takes its place when it holds at least half its papers, and goes otherwise.
    /// </summary>
    private static List<RisingTerm> Merge(List<RisingTerm> ranked, Dictionary<string, string> forms, int limit)
    {
        var kept = new List<(string Key, RisingTerm Term)>();
        for (var i = 0; i < ranked.Count && (kept.Count < limit || i < limit * 4); i++)
        {
            var key = ranked[i].Term;
            var term = ranked[i] with { Term = forms.GetValueOrDefault(key) ?? key };
            if (kept.Exists(k => Contains(k.Key, key)))
            {
                continue;
            }

            var shorter = kept.FindAll(k => Contains(key, k.Key));
            if (shorter.Count > 0)
            {
                if (shorter.TrueForAll(s => term.PaperCount * 2 >= s.Term.PaperCount))
                {
                    kept[kept.IndexOf(shorter[0])] = (key, term);
                    kept.RemoveAll(k => Contains(key, k.Key));
                }

                continue;
            }

            if (kept.Count < limit)
            {
                kept.Add((key, term));
            }
        }

        return [.. kept.Select(k => k.Term)];
    }

    /// <summary>Whether the words of <paramref name="shorter"/> run inside <paramref name="longer"/>'s (not the same term).</summary>
    internal static bool Contains(string longer, string shorter) =>
        longer.Length > shorter.Length && $" {longer} ".Contains($" {shorter} ", StringComparison.Ordinal);
}
