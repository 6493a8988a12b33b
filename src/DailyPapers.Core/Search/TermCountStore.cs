using System.Data.Common;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Search;

/// <summary>
/// The SQL of <see cref="TermCounts"/>: a period's papers and their stored text, and its rows of counts replaced.
/// Each statement is made once and run for every period an ingest recounts; each reads along an index (a period's days
/// by date, their listings by day, papers by key), so a period costs its papers, not the archive.
/// </summary>
internal sealed class TermCountStore : IDisposable
{
    /// <summary>The papers listed on the days from <c>@from</c> up to <c>@to</c>, with each day they were listed on.</summary>
    internal const string PapersOfPeriod =
        "SELECT DISTINCT a.PaperId, d.Date FROM Days d JOIN Appearances a ON a.DayId = d.Id WHERE d.Date >= @from AND d.Date < @to";

    private readonly DbConnection _connection;
    private readonly SqlDialect _sql;
    private readonly Statement _delete;
    private readonly Statement _papers;
    private readonly Statement _insert;

    public TermCountStore(DbConnection connection)
    {
        _connection = connection;
        _sql = SqlDialect.Of(connection);
        _delete = connection.Prepare($"DELETE FROM {TermCounts.Table} WHERE Period = @period AND Start = @start", "@period", "@start");
        _papers = connection.Prepare(PapersOfPeriod, "@from", "@to");
        _insert = connection.Prepare(
            $"INSERT INTO {TermCounts.Table} (Term, Period, Start, PaperCount, DayCount, Form, Common) SELECT value ->> 0, @period, @start, {_sql.Int("value ->> 1")}, {_sql.Int("value ->> 2")}, value ->> 3, {_sql.Bool("value ->> 4")} FROM {_sql.Rows("@rows")}",
            "@period", "@start", "@rows");
    }

    /// <summary>The SQL of <see cref="Texts"/>, for a dialect.</summary>
    internal static string TextsOf(SqlDialect sql) => $"SELECT Id, Title, SummaryMarkdown FROM Papers WHERE Id IN ({sql.Ids("@ids")})";

    /// <summary>The days of a database whose terms were never counted (none when any count is stored).</summary>
    public static List<DateOnly> Uncounted(DbConnection connection) =>
        connection.Query(null, $"SELECT Date FROM Days WHERE NOT EXISTS (SELECT 1 FROM {TermCounts.Table})", r => r.GetFieldValue<DateOnly>(0));

    public void Delete(DbTransaction transaction, TermPeriod period, DateOnly start) => _delete.Execute(transaction, (int)period, start);

    /// <summary>The papers listed in a period, once for each day they were listed on.</summary>
    public List<(int Paper, DateOnly Day)> Listings(DbTransaction transaction, DateOnly from, DateOnly to) =>
        _papers.Query(transaction, r => (r.GetInt32(0), r.GetFieldValue<DateOnly>(1)), from, to);

    /// <summary>The stored title and summary of these papers (their content is their best listing's).</summary>
    public List<(int Id, string Title, string Summary)> Texts(DbTransaction transaction, IReadOnlyCollection<int> ids) =>
        ids.Count == 0 ? [] : _connection.Query(transaction, TextsOf(_sql), r => (r.GetInt32(0), r.GetString(1), r.GetString(2)), ("@ids", Sql.IdList(ids)));

    /// <summary>
    /// A period's counts, in key order: the period's rows go in as one run of the index. A form equal to its key is
    /// stored as null (most are), so rows cost what they did before forms were kept. A month's row says whether it is
    /// common in the month (<see cref="RisingTerms.IsCommon"/>); a week's never is.
    /// </summary>
    public void Insert(DbTransaction transaction, TermPeriod period, DateOnly start, IReadOnlyDictionary<string, TermTally> counts)
    {
        int? monthPapers = period == TermPeriod.Month ? counts.GetValueOrDefault("").Papers : null;
        var rows = JsonRows.Of(counts.OrderBy(c => c.Key, StringComparer.Ordinal), (json, c) =>
        {
            json.WriteStringValue(c.Key);
            json.WriteNumberValue(c.Value.Papers);
            json.WriteNumberValue(c.Value.Days);
            if (c.Value.Form == c.Key)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteStringValue(c.Value.Form);
            }

            json.WriteBooleanValue(monthPapers is { } papers && RisingTerms.IsCommon(c.Value.Papers, papers));
        });
        _insert.Execute(transaction, (int)period, start, rows);
    }

    public void Dispose()
    {
        _delete.Dispose();
        _papers.Dispose();
        _insert.Dispose();
    }
}
