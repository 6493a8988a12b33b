using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DailyPapers.Core.Data;
using System.Data.Common;

namespace DailyPapers.Core.Search;

/// <summary>
/// The write side of rising terms: for every week and month an ingest touched, how many of the papers listed in it hold
/// each term (<see cref="Terms"/>), recounted whole from the stored papers, so a replaced or deleted digest leaves no
/// stale count. A week is a few hundred papers, so recounting one costs milliseconds and no step walks the archive.
/// </summary>
public sealed partial class TermCounts : IDisposable
{
    public const string Table = "TermCounts";

    private readonly DbCommand _delete;
    private readonly DbCommand _papers;
    private readonly DbCommand _insert;

    public TermCounts(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var sql = SqlDialect.Of(connection);
        _delete = Command(connection, $"DELETE FROM {Table} WHERE Period = @period AND Start = @start", "@period", "@start");
        // A paper listed twice in a period counts once; its content is the stored one (its best listing).
        _papers = Command(
            connection,
            "SELECT p.Id, p.Title, p.SummaryMarkdown FROM Papers p WHERE p.Id IN (SELECT a.PaperId FROM Days d JOIN Appearances a ON a.DayId = d.Id WHERE d.Date >= @from AND d.Date < @to)",
            "@from", "@to");
        _insert = Command(
            connection,
            $"INSERT INTO {Table} (Term, Period, Start, PaperCount) SELECT value ->> 0, @period, @start, {sql.Int("value ->> 1")} FROM {sql.Rows("@rows")}",
            "@period", "@start", "@rows");
    }

    /// <summary>The weeks and months holding these days.</summary>
    public static IReadOnlyList<(TermPeriod Period, DateOnly Start)> PeriodsOf(IEnumerable<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return [.. days.SelectMany(d => new[] { (TermPeriod.Week, WeekOf(d)), (TermPeriod.Month, MonthOf(d)) }).Distinct()];
    }

    /// <summary>Counts these weeks and months again (those an ingest wrote or removed days in), then ranks the rising terms.</summary>
    public void Refresh(DbTransaction transaction, IEnumerable<(TermPeriod Period, DateOnly Start)> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var all = periods.Distinct().ToList();
        // A month and the weeks starting in it are counted together, so a paper's terms are cut once for both; what
        // is kept between them is a month's papers, never the archive's.
        foreach (var group in all.GroupBy(p => MonthOf(p.Start)).OrderBy(g => g.Key))
        {
            var termsOfPaper = new Dictionary<int, IReadOnlySet<string>>();
            foreach (var (period, start) in group.OrderByDescending(p => p.Period))
            {
                Recount(transaction, period, start, termsOfPaper);
            }
        }

        if (all.Count > 0)
        {
            RisingTerms.Store(_delete.Connection!, transaction);
        }
    }

    /// <summary>Counts every period of a database stored before terms were counted (the ingest skips its unchanged files).</summary>
    public static void EnsureComplete(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var days = new List<DateOnly>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT Date FROM Days WHERE NOT EXISTS (SELECT 1 FROM {Table})";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                days.Add(reader.GetFieldValue<DateOnly>(0));
            }
        }

        if (days.Count == 0)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using var counts = new TermCounts(connection);
        counts.Refresh(transaction, PeriodsOf(days));
        transaction.Commit();
    }

    private void Recount(DbTransaction transaction, TermPeriod period, DateOnly start, Dictionary<int, IReadOnlySet<string>> termsOfPaper)
    {
        Bind(_delete, transaction, (int)period, start).ExecuteNonQuery();
        var end = period == TermPeriod.Week ? start.AddDays(7) : start.AddMonths(1);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var papers = 0;
        using (var reader = Bind(_papers, transaction, start, end).ExecuteReader())
        {
            while (reader.Read())
            {
                papers++;
                var id = reader.GetInt32(0);
                if (!termsOfPaper.TryGetValue(id, out var terms))
                {
                    termsOfPaper[id] = terms = Terms(reader.GetString(1) + "\n" + reader.GetString(2));
                }

                foreach (var term in terms)
                {
                    counts[term] = counts.GetValueOrDefault(term) + 1;
                }
            }
        }

        if (papers == 0)
        {
            return;
        }

        counts[""] = papers;
        // In key order: the period's rows go in as one run of the index.
        var rows = JsonSerializer.Serialize(counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new object[] { c.Key, c.Value }));
        Bind(_insert, transaction, (int)period, start, rows).ExecuteNonQuery();
    }

    /// <summary>The Monday starting the week of a day.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// The distinct terms of a text that may rise, cut as the search index cuts it: Latin words of three letters or
    /// more (lower case, starting with a letter, not an English stop-word or markup), and of each Korean word (a Hangul
    /// run) its first two syllables. Particles and endings sit at the end of a Korean word (모델을, 생성하는), so the
    /// first pair is its stem (모델, 생성) while the other pairs are mostly grammar (델을, 하는). Terms common in every
    /// period are left out when read (<see cref="RisingTerms"/>), not here, as the archive decides what is common.
    /// </summary>
    public static IReadOnlySet<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Word().EnumerateMatches(text))
        {
            var span = text.AsSpan(word.Index, word.Length);
            var i = 0;
            while (i < span.Length)
            {
                var start = i;
                var hangul = SearchText.IsHangul(span[i]);
                while (i < span.Length && SearchText.IsHangul(span[i]) == hangul)
                {
                    i++;
                }

                var part = span[start..i];
                if (hangul)
                {
                    if (part.Length >= 2 && part[0] is >= '\uAC00' and <= '\uD7A3' && part[1] is >= '\uAC00' and <= '\uD7A3' && !KoreanStopPairs.Contains(part[..2].ToString()))
                    {
                        terms.Add(part[..2].ToString());
                    }
                }
                else if (part.Length is >= 3 and <= 30 && char.IsLetter(part[0]))
                {
                    var latin = part.ToString().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
                    if (!EnglishStopWords.Contains(latin))
                    {
                        terms.Add(latin);
                    }
                }
            }
        }

        return terms;
    }

    // Words that carry no topic: English function words, markup and link parts that summaries contain.
    private static readonly HashSet<string> EnglishStopWords = new(
        """
        the and for with from that this these those are was were been being have has had not but can its our their they
        them than then into onto over under via per such also more most less least each both all any some other using use
        used based which while where when what who how why will would could should may might must shall does did doing done
        new one two three about across after before between through within without very just only same own out off
        https http www com org html arxiv github huggingface png jpg jpeg gif svg mp4 img src alt href
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    // Korean words that open with grammar rather than a topic (demonstratives, conjunctions, auxiliary verbs), and the
    // words every summary uses (연구, 논문, 방법, 결과).
    private static readonly HashSet<string> KoreanStopPairs = new(
        """
        이러 이를 이는 이와 이것 그리 그러 그러나 또한 또는 하지 하는 하고 하여 하며 한다 합니 했습 했다 있는 있다 있습 있으 있도 없는 없이
        되는 되어 된다 됩니 위한 위해 대한 대해 통해 통한 따라 따른 가장 모든 여러 다양 각각 것이 것을 것은 수는 수있 에서 으로 에게 보다 또한 본논
        등의 등을 등이 등과 인한 인해 이전 이후 최고 최근 기존 같은 경우 때문 더욱 매우 특히 주로 함께 이상 이하 사용 제안 제시 연구 논문 방법 결과
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex Word();

    private static DbCommand Command(DbConnection connection, string sql, params string[] parameters) =>
        PreparedCommand.Create(connection, sql, parameters);

    private static DbCommand Bind(DbCommand command, DbTransaction transaction, params object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command;
    }

    public void Dispose()
    {
        _delete.Dispose();
        _papers.Dispose();
        _insert.Dispose();
    }
}
