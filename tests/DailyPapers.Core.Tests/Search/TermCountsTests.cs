using System.Data.Common;
using System.Globalization;
using DailyPapers.Core.Data;
using DailyPapers.Core.Search;
using DailyPapers.Core.Tests.Ingestion;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Search;

/// <summary>
/// Term counts fed the terms the ingest cut while reading count what they count when they cut the stored text
/// themselves; a period's papers and the text of those not given are read along indexes.
/// </summary>
public sealed class TermCountsTests : IDisposable
{
    private readonly IngestFolder _folder = new IngestFolder().WithSeeds();

    [Fact]
    public void A_refresh_with_the_terms_given_counts_what_a_refresh_cutting_them_itself_counts()
    {
        _folder.Ingest();
        using var connection = Open();
        var ingested = Dump(connection, null);

        var dumps = new List<string>();
        foreach (var given in new Func<int, bool>[] { _ => false, _ => true, id => id % 3 == 0 })
        {
            using var transaction = connection.BeginTransaction();
            Execute(transaction, $"DELETE FROM {TermCounts.Table}; DELETE FROM Meta WHERE Key = 'RisingTerms';");
            var terms = Texts(transaction).Where(t => given(t.Key)).ToDictionary(t => t.Key, t => TermCounts.Terms(t.Value.Title, t.Value.Summary));
            using var counts = new TermCounts(connection);

            counts.Refresh(transaction, TermCounts.PeriodsOf(Days(transaction)), terms);

            dumps.Add(Dump(connection, transaction));
            transaction.Rollback();
        }

        dumps.Should().Equal(ingested, ingested, ingested);
        ingested.Should().Contain("|1|").And.Contain("|2|").And.Contain("RisingTerms");
    }

    [Fact]
    public void Terms_given_for_a_paper_are_counted_as_given_and_its_stored_text_is_not_cut_again()
    {
        _folder.Ingest();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var texts = Texts(transaction);
        var paper = texts.Keys.Min();
        var (period, start) = (TermPeriod.Month, TermCounts.MonthOf(DateOnly.Parse(Text(transaction, $"SELECT MIN(d.Date) FROM Days d JOIN Appearances a ON a.DayId = d.Id WHERE a.PaperId = {paper}")!, CultureInfo.InvariantCulture)));
        var own = TermCounts.Terms(texts[paper].Title, texts[paper].Summary).Keys.First();
        var before = Count(transaction, own, period, start);
        using var counts = new TermCounts(connection);

        counts.Refresh(transaction, [(period, start)], new Dictionary<int, IReadOnlyDictionary<string, string>> { [paper] = new Dictionary<string, string> { ["marsupial"] = "Marsupial" } });

        Count(transaction, "marsupial", period, start).Should().Be(1);
        Count(transaction, own, period, start).Should().Be(before - 1, $"the paper's own terms ({own}) are not counted: only what was given");
    }

    [Fact]
    public void A_periods_papers_are_counted_once_with_their_days_and_the_form_most_write()
    {
        var (monday, tuesday) = (new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 5));
        Dictionary<int, IReadOnlyDictionary<string, string>> terms = new()
        {
            [1] = new Dictionary<string, string> { ["mamba"] = "Mamba", ["web"] = "web" },
            [2] = new Dictionary<string, string> { ["mamba"] = "mamba" },
            [3] = new Dictionary<string, string> { ["mamba"] = "Mamba" },
            [4] = new Dictionary<string, string>(),
        };

        // Paper 1 listed on both days: one paper, two days.
        var counts = TermCounts.Count([(1, monday), (2, monday), (1, tuesday), (3, monday), (4, tuesday), (5, tuesday)], id => terms.GetValueOrDefault(id));

        counts.Should().BeEquivalentTo(new Dictionary<string, TermTally>
        {
            [""] = new(4, 2, ""),
            ["mamba"] = new(3, 2, "Mamba"),
            ["web"] = new(1, 2, "web"),
        }, "paper 5 is no longer stored and does not count");
        TermCounts.Count([], _ => null).Should().BeEmpty("a period without papers stores no row, not a count of zero");
        TermCounts.EndOf(TermPeriod.Week, new DateOnly(2024, 2, 26)).Should().Be(new DateOnly(2024, 3, 4));
        TermCounts.EndOf(TermPeriod.Month, new DateOnly(2024, 2, 1)).Should().Be(new DateOnly(2024, 3, 1));
    }

    [Fact]
    public void A_periods_papers_and_the_text_of_those_not_given_are_read_along_indexes()
    {
        _folder.Ingest();
        using var connection = Open();

        var papers = QueryPlan.Of(connection, TermCountStore.PapersOfPeriod, ("@from", "2024-01-01"), ("@to", "2024-02-01"));
        var texts = QueryPlan.Of(connection, TermCountStore.TextsOf(SqlDialect.Sqlite), ("@ids", "[1,2,3]"));

        papers.Should().Contain(p => p.Contains("USING COVERING INDEX IX_Days_Date", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("USING COVERING INDEX IX_Appearances_DayId_PaperId", StringComparison.Ordinal))
            .And.NotContain(p => p.StartsWith("SCAN", StringComparison.Ordinal));
        texts.Should().Contain(p => p.StartsWith("SEARCH Papers USING INTEGER PRIMARY KEY", StringComparison.Ordinal))
            .And.NotContain(p => p.StartsWith("SCAN", StringComparison.Ordinal) && !p.Contains("json_each", StringComparison.Ordinal));
    }

    [Fact]
    public void A_periods_rising_terms_read_its_rows_a_seek_a_baseline_period_and_the_index_of_common_months_only()
    {
        _folder.Ingest();
        using var connection = Open();

        var counts = QueryPlan.Of(connection, RisingTerms.CountsOf(SqlDialect.Sqlite, 3),
            ("@p", "2"), ("@s", "2024-01-01"), ("@min", "5"), ("@days", "3"), ("@b0", "2023-10-01"), ("@b1", "2023-11-01"), ("@b2", "2023-12-01"));
        var common = QueryPlan.Of(connection, RisingTerms.CommonOf(SqlDialect.Sqlite),
            ("@terms", "[\"model\", \"\"]"), ("@m", "2023-01-01"), ("@ms", "2024-01-01"), ("@me", "2025-02-01"));

        counts.Should().Contain(p => p.Contains("SEARCH t USING PRIMARY KEY (Period=? AND Start=? AND Term=?)", StringComparison.Ordinal), "a term's baseline is a seek a period")
            .And.NotContain(p => p.StartsWith("SCAN TermCounts", StringComparison.Ordinal) || p.StartsWith("SCAN t", StringComparison.Ordinal));
        common.Should().Contain(p => p.Contains("USING INDEX IX_TermCounts_Common (Term=? AND Start>? AND Start<?)", StringComparison.Ordinal), "the months a term is common in come from the small index")
            .And.NotContain(p => p.StartsWith("SCAN TermCounts", StringComparison.Ordinal));
        Rows(null, $"SELECT COUNT(*) FROM {TermCounts.Table} WHERE Common AND Period = 1", connection)[0][0].Should().Be("0", "a week's row is never common");
        Rows(null, $"SELECT COUNT(*) FROM {TermCounts.Table} WHERE Common AND Term = ''", connection)[0][0].Should().Be(Rows(null, $"SELECT COUNT(*) FROM {TermCounts.Table} WHERE Period = 2 AND Term = ''", connection)[0][0], "a month's paper count is common in it");
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_folder.ConnectionString);
        connection.Open();
        return connection;
    }

    private static int Count(DbTransaction transaction, string term, TermPeriod period, DateOnly start) =>
        int.Parse(Text(transaction, $"SELECT COALESCE(MAX(PaperCount), 0) FROM {TermCounts.Table} WHERE Term = '{term}' AND Period = {(int)period} AND Start = '{start:yyyy-MM-dd}'") ?? "0", CultureInfo.InvariantCulture);

    private static Dictionary<int, (string Title, string Summary)> Texts(DbTransaction transaction)
    {
        var texts = new Dictionary<int, (string, string)>();
        foreach (var row in Rows(transaction, "SELECT Id, Title, SummaryMarkdown FROM Papers"))
        {
            texts[int.Parse(row[0], CultureInfo.InvariantCulture)] = (row[1], row[2]);
        }

        return texts;
    }

    private static List<DateOnly> Days(DbTransaction transaction) =>
        [.. Rows(transaction, "SELECT Date FROM Days").Select(r => DateOnly.Parse(r[0], CultureInfo.InvariantCulture))];

    private static void Execute(DbTransaction transaction, string sql)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Text(DbTransaction transaction, string sql) =>
        Rows(transaction, sql).FirstOrDefault()?[0];

    private static List<string[]> Rows(DbTransaction? transaction, string sql, DbConnection? connection = null)
    {
        using var command = (connection ?? transaction!.Connection!).CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "")]);
        }

        return rows;
    }

    /// <summary>Every term count and the stored rising terms, as text.</summary>
    private static string Dump(DbConnection connection, DbTransaction? transaction) =>
        string.Join('\n', Rows(transaction, $"SELECT Term, Period, Start, PaperCount, DayCount, Form FROM {TermCounts.Table} ORDER BY 1, 2, 3", connection)
            .Concat(Rows(transaction, "SELECT Key, Value FROM Meta WHERE Key = 'RisingTerms'", connection))
            .Select(r => string.Join('|', r) + "|"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
