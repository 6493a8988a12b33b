using System.Globalization;
using System.Text;
using DailyPapers.Core.Data;
using DailyPapers.Core.Search;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Trends;

/// <summary>One month of the chart: its listed papers, and per term (in the order asked) the matches and their share.</summary>
public sealed record TrendPoint(DateOnly Month, int PaperCount, IReadOnlyList<int> Matches, IReadOnlyList<double> Shares);

/// <summary>A week or month a reader asked the rising terms of, with the periods on either side that hold digests.</summary>
public sealed record AskedPeriod(TermPeriod Period, DateOnly Start, DateOnly? Previous, DateOnly? Next)
{
    public string Kind => Period == TermPeriod.Week ? "week" : "month";

    /// <summary>How a page names the period: "2024-03-04부터 한 주" or "2024년 3월".</summary>
    public static string Label(TermPeriod period, DateOnly start) =>
        period == TermPeriod.Week ? $"{Links.Iso(start)}부터 한 주" : $"{start.Year}년 {start.Month}월";
}

/// <summary>Rising lists as a page shows them: the latest (this week, this month), or one asked for.</summary>
public sealed record RisingView(IReadOnlyList<RisingList> Lists, bool Latest);

/// <param name="Charted">When the reader asked for no terms: the rising list whose leading terms the chart draws.</param>
/// <param name="Asked">The period the reader asked the rising terms of (<c>period</c>, <c>date</c>), or null for the latest.</param>
public sealed record TrendsView(string Query, IReadOnlyList<string> Terms, IReadOnlyList<TrendPoint> Months, IReadOnlyList<RisingList> Rising, string? Error = null, RisingList? Charted = null, AskedPeriod? Asked = null)
{
    public RisingView RisingView => new(Rising, Asked is null);

    public bool HasChart => Terms.Count > 0 && Months.Count > 0;

    /// <summary>The <c>q</c> that draws this chart: what the reader asked, or the rising terms charted in its place.</summary>
    public string ChartQuery => Charted is null ? Query : string.Join(',', Terms);
}

/// <summary>Reads <c>q</c> of /trends and /api/trends: search terms separated by commas, one line each.</summary>
public static class TrendsParameters
{
    public const int MaxTerms = 5;

    /// <summary>
    /// Reads <c>period</c> (<c>week</c> or <c>month</c>) and <c>date</c> (a day in it, YYYY-MM-DD) of /trends and
    /// /api/trends/rising. Neither given: no period (the latest lists). A date alone asks its week; a period alone,
    /// the one holding the latest digest.
    /// </summary>
    public static bool TryParsePeriod(string? period, string? date, out TermPeriod? asked, out DateOnly? day, out (string Parameter, string Detail) error)
    {
        (asked, day, error) = (null, null, default);
        if (string.IsNullOrEmpty(period) && string.IsNullOrEmpty(date))
        {
            return true;
        }

        switch (period)
        {
            case null or "" or "week":
                asked = TermPeriod.Week;
                break;
            case "month":
                asked = TermPeriod.Month;
                break;
            default:
                error = ("period", $"기간 '{ParameterText.Shorten(period)}'을(를) 알 수 없습니다. week 또는 month를 고르세요.");
                return false;
        }

        if (!string.IsNullOrEmpty(date))
        {
            if (!DateParameter.TryParse(date, out var parsed))
            {
                error = ("date", DateParameter.Explain(date));
                return false;
            }

            day = parsed;
        }

        return true;
    }
    public const int MaxTermLength = 100;

    public static bool TryParse(string? q, out IReadOnlyList<string> terms, out (string Parameter, string Detail) error)
    {
        error = default;
        var list = new List<string>();
        foreach (var part in (q ?? "").Split([',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var term = string.Join(' ', part.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (!list.Contains(term, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(term);
            }
        }

        terms = list;
        if (list.Count == 0)
        {
            error = ("q", "q에 비교할 검색어를 쉼표로 나누어 넣어 주세요. 예: q=diffusion,agent");
            return false;
        }

        if (list.Count > MaxTerms)
        {
            error = ("q", $"q의 검색어는 {MaxTerms}개까지 비교할 수 있습니다. {list.Count}개를 넣었습니다.");
            return false;
        }

        if (list.FirstOrDefault(t => t.Length > MaxTermLength) is { } tooLong)
        {
            error = ("q", $"q의 검색어 '{ParameterText.Shorten(tooLong)}'이(가) 너무 깁니다. 검색어마다 {MaxTermLength}자까지 쓸 수 있습니다.");
            return false;
        }

        if (list.FirstOrDefault(t => !TopicTrends.IsSearchable(t)) is { } empty)
        {
            error = ("q", $"q의 검색어 '{ParameterText.Shorten(empty)}'에는 찾을 글자나 숫자가 없습니다.");
            return false;
        }

        return true;
    }
}

public static class TrendsQuery
{
    public const int RisingLimit = 8;

    /// <summary>The chart's months for the terms (none asked: only the rising terms), with the rising terms beside it.</summary>
    public static async Task<TrendsView> LoadAsync(PapersDbContext db, string query, IReadOnlyList<string> terms, bool withRising, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(terms);
        return await WithConnectionAsync(db, connection =>
        {
            var points = terms.Count == 0 ? [] : Points(TopicTrends.Monthly(connection, terms));
            var rising = withRising ? RisingTerms.Latest(connection, RisingLimit) : [];
            return new TrendsView(query, terms, points, rising);
        }, cancellationToken);
    }

    /// <summary>
    /// /trends asked nothing: the chart of the rising terms the home page's box shows (the latest week's, or the month's
    /// when the week has none), as many as a reader may compare, with the rising terms beside it.
    /// </summary>
    public static async Task<TrendsView> LoadRisingAsync(PapersDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await WithConnectionAsync(db, connection =>
        {
            var rising = RisingTerms.Latest(connection, RisingLimit);
            var charted = rising.FirstOrDefault(r => r.Period == TermPeriod.Week && r.Terms.Count > 0) ?? rising.FirstOrDefault(r => r.Period == TermPeriod.Month && r.Terms.Count > 0);
            if (charted is null)
            {
                return new TrendsView("", [], [], rising);
            }

            IReadOnlyList<string> terms = [.. charted.Terms.Select(t => t.Term).Where(TopicTrends.IsSearchable).Take(TrendsParameters.MaxTerms)];
            var points = terms.Count == 0 ? [] : Points(TopicTrends.Monthly(connection, terms));
            return new TrendsView("", terms, points, rising, Charted: charted with { Terms = [.. charted.Terms.Where(t => terms.Contains(t.Term))] });
        }, cancellationToken);
    }

    /// <summary>
    /// The rising terms of the week or month holding <paramref name="date"/> (or the latest digest), ranked from the
    /// stored counts, with the periods on either side; the chart draws the asked terms, or without any the list's
    /// leading terms, as the latest's do.
    /// </summary>
    public static async Task<TrendsView> LoadPeriodAsync(PapersDbContext db, string query, IReadOnlyList<string> terms, TermPeriod period, DateOnly? date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(terms);
        return await WithConnectionAsync(db, connection =>
        {
            var (list, asked) = Period(connection, period, date);
            if (list is null)
            {
                return new TrendsView(query, terms, terms.Count == 0 ? [] : Points(TopicTrends.Monthly(connection, terms)), []);
            }

            IReadOnlyList<string> charted = terms.Count > 0 ? terms : [.. list.Terms.Select(t => t.Term).Where(TopicTrends.IsSearchable).Take(TrendsParameters.MaxTerms)];
            var points = charted.Count == 0 ? [] : Points(TopicTrends.Monthly(connection, charted));
            var chartedList = terms.Count > 0 || charted.Count == 0 ? null : list with { Terms = [.. list.Terms.Where(t => charted.Contains(t.Term))] };
            return new TrendsView(query, charted, points, [list], Charted: chartedList, Asked: asked);
        }, cancellationToken);
    }

    /// <summary>The rising terms of one week or month (that of the latest digest without a date), or null when no digest is stored.</summary>
    public static Task<RisingList?> RisingOfAsync(PapersDbContext db, TermPeriod period, DateOnly? date, CancellationToken cancellationToken) =>
        WithConnectionAsync(db, connection => Period(connection, period, date).List, cancellationToken);

    private static (RisingList? List, AskedPeriod? Asked) Period(System.Data.Common.DbConnection connection, TermPeriod period, DateOnly? date)
    {
        if (RisingTerms.ArchiveSpan(connection) is not { } archive)
        {
            return (null, null);
        }

        var list = RisingTerms.Of(connection, null, period, date ?? archive.Last, RisingTerms.Stored);
        // Neighbours only within the archive (so never off the calendar's ends).
        var first = RisingTerms.StartOf(period, archive.First);
        var previous = list.Start > first && list.Start <= archive.Last ? (period == TermPeriod.Week ? list.Start.AddDays(-7) : list.Start.AddMonths(-1)) : (DateOnly?)null;
        var next = list.Start >= first && list.Start <= archive.Last ? (period == TermPeriod.Week ? list.Start.AddDays(7) : list.Start.AddMonths(1)) : (DateOnly?)null;
        return (list, new AskedPeriod(period, list.Start, previous, next <= archive.Last ? next : null));
    }

    /// <summary>The rising terms of the latest week and month, for the home page's box.</summary>
    public static Task<IReadOnlyList<RisingList>> RisingAsync(PapersDbContext db, int limit, CancellationToken cancellationToken) =>
        WithConnectionAsync(db, connection => RisingTerms.Latest(connection, limit), cancellationToken);

    private static List<TrendPoint> Points(TrendData data) =>
    [
        .. data.Months.Select((m, i) =>
        {
            var matches = data.Series.Select(s => s.Matches[i]).ToList();
            return new TrendPoint(m.Month, m.PaperCount, matches, [.. matches.Select(n => m.PaperCount == 0 ? 0 : Math.Round((double)n / m.PaperCount, 4))]);
        }),
    ];

    private static async Task<T> WithConnectionAsync<T>(PapersDbContext db, Func<System.Data.Common.DbConnection, T> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return read(db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The chart's numbers as CSV (RFC 4180): a month per row, the month's papers, then per term its matches and share.
    /// A term is the reader's own text, so one a spreadsheet would run as a formula is written as text.
    /// </summary>
    public static string Csv(TrendsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var csv = new StringBuilder();
        csv.Append("month,papers");
        foreach (var term in view.Terms)
        {
            csv.Append(',').Append(Field(term)).Append(',').Append(Field(term + " share"));
        }

        csv.Append("\r\n");
        foreach (var point in view.Months)
        {
            csv.Append(Month(point.Month)).Append(',').Append(point.PaperCount.ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < view.Terms.Count; i++)
            {
                csv.Append(',').Append(point.Matches[i].ToString(CultureInfo.InvariantCulture)).Append(',').Append(point.Shares[i].ToString("0.####", CultureInfo.InvariantCulture));
            }

            csv.Append("\r\n");
        }

        return csv.ToString();

        static string Field(string text)
        {
            if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                text = "'" + text;
            }

            return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
        }
    }

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
