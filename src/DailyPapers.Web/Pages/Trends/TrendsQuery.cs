using System.Globalization;
using System.Text;
using DailyPapers.Core.Data;
using DailyPapers.Core.Search;
using DailyPapers.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Trends;

/// <summary>One month of the chart: its listed papers, and per term (in the order asked) the matches and their share.</summary>
public sealed record TrendPoint(DateOnly Month, int PaperCount, IReadOnlyList<int> Matches, IReadOnlyList<double> Shares);

/// <param name="Charted">When the reader asked for no terms: the rising list whose leading terms the chart draws.</param>
public sealed record TrendsView(string Query, IReadOnlyList<string> Terms, IReadOnlyList<TrendPoint> Months, IReadOnlyList<RisingList> Rising, string? Error = null, RisingList? Charted = null)
{
    public bool HasChart => Terms.Count > 0 && Months.Count > 0;

    /// <summary>The <c>q</c> that draws this chart: what the reader asked, or the rising terms charted in its place.</summary>
    public string ChartQuery => Charted is null ? Query : string.Join(',', Terms);
}

/// <summary>Reads <c>q</c> of /trends and /api/trends: search terms separated by commas, one line each.</summary>
public static class TrendsParameters
{
    public const int MaxTerms = 5;
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
}
