using System.Globalization;
using System.Text;
using DailyPapers.Core.Data;
using DailyPapers.Core.Search;
using DailyPapers.Core.Tests.Ingestion;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Search;

/// <summary>Topic trends (a term's monthly share, as search matches it) and rising terms, on hand-made digests.</summary>
public sealed class TrendTests : IDisposable
{
    private readonly IngestFolder _folder = new();
    private int _nextId = 1;

    /// <summary>A day's digest; each paper is a title and a summary, with an arXiv id of its own.</summary>
    private void Digest(string date, params (string Title, string Summary)[] papers)
    {
        var text = new StringBuilder($"## Daily Papers ({date})\n\n");
        foreach (var (title, summary) in papers)
        {
            text.Append(CultureInfo.InvariantCulture, $"### [{title}](https://arxiv.org/abs/2401.{_nextId++:00000})\n\nVote: 3\n\nAuthors: Ann Lee\n\n- {summary}\n\n");
        }

        _folder.Write(date + ".md", text.ToString());
    }

    private static (string, string) Plain(int n) => ($"Plain Paper {n}", "평범한 요약입니다.");

    private SqliteConnection Open()
    {
        _folder.Ingest();
        var connection = new SqliteConnection(_folder.ConnectionString);
        connection.Open();
        return connection;
    }

    [Fact]
    public void A_terms_monthly_share_counts_the_papers_it_matches_as_search_does_against_each_months_papers()
    {
        Digest("2024-01-10", ("Diffusion for Video", "영상 확산 모델."), Plain(1), Plain(2), Plain(3));
        Digest("2024-02-05", ("Latent Diffusion Models", "새로운 확산모델."), ("Autoregressive Diffusion", "생성."));
        Digest("2024-04-02", Plain(4), Plain(5));
        using var connection = Open();

        var data = TopicTrends.Monthly(connection, ["diffusion", "확산 모델", "agent"]);

        data.Months.Select(m => $"{m.Month:yyyy-MM} {m.PaperCount}").Should().Equal("2024-01 4", "2024-02 2", "2024-03 0", "2024-04 2");
        data.Series.Select(s => s.Term).Should().Equal("diffusion", "확산 모델", "agent");
        data.Series[0].Matches.Should().Equal(1, 2, 0, 0);
        // Two words: both must be there, the Korean one inside a longer run (확산모델) as search finds it.
        data.Series[1].Matches.Should().Equal(1, 1, 0, 0);
        data.Series[2].Matches.Should().Equal(0, 0, 0, 0);
        data.Series[0].Matches.Sum().Should().Be(PaperSearch.Find(connection, PaperSearch.Terms("diffusion"), new SearchFilter(), SearchSort.Newest, 0, 100).Total);
    }

    [Fact]
    public void Only_the_last_two_years_are_charted_and_an_old_paper_listed_again_in_them_counts_there()
    {
        // An old paper, stored first (the lowest id), listed again within the window beside papers stored since.
        var text = new StringBuilder("## Daily Papers (2020-01-06)\n\n### [Diffusion Origins](https://arxiv.org/abs/2001.00001)\n\nAuthors: Ann Lee\n\n- 오래된 확산.\n\n");
        _folder.Write("2020-01-06.md", text.ToString());
        Digest("2023-06-01", ("Diffusion Middle", "중간."));
        Digest("2024-03-01", ("Diffusion Late", "최근."), Plain(1));
        _folder.Write("2024-03-02.md", text.ToString().Replace("2020-01-06", "2024-03-02", StringComparison.Ordinal));
        using var connection = Open();

        var data = TopicTrends.Monthly(connection, ["diffusion"]);

        // The window is the 24 months up to the latest; its first month with a digest opens the chart.
        data.Months[0].Month.Should().Be(new DateOnly(2023, 6, 1));
        data.Months[^1].Month.Should().Be(new DateOnly(2024, 3, 1));
        data.Series[0].Matches.Sum().Should().Be(3, "the middle paper, the late one, and the old one listed again in March 2024");
        data.Series[0].Matches[^1].Should().Be(2);
    }

    private void EightQuietWeeks()
    {
        // Eight weeks before the latest, one digest each with five papers: "agent" once in all of them.
        for (var week = 8; week >= 1; week--)
        {
            var day = new DateOnly(2024, 10, 1).AddDays(-7 * week).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var papers = Enumerable.Range(week * 10, 5).Select(Plain).ToList();
            if (week == 3)
            {
                papers[0] = ("An Agent", "에이전트.");
            }

            Digest(day, [.. papers]);
        }
    }

    /// <summary>The latest week: three digests, "agent" in five of its fifteen papers over the three days, "zebra" in one.</summary>
    private void AgentWeek()
    {
        Digest("2024-09-30", ("Agent Planning", "계획."), ("Web Agents", "웹."), ("Zebra Stripes", "얼룩말."), Plain(1), Plain(11));
        Digest("2024-10-01", ("Agent Memory", "기억."), ("Agents That Code", "코드."), Plain(2), Plain(3), Plain(12));
        Digest("2024-10-02", ("An Agent Benchmark", "벤치마크."), Plain(4), Plain(5), Plain(6), Plain(13));
    }

    [Fact]
    public void A_term_that_jumps_this_week_in_enough_papers_over_enough_days_rises_and_a_single_paper_does_not()
    {
        EightQuietWeeks();
        AgentWeek();
        using var connection = Open();

        var lists = RisingTerms.Latest(connection, 10);

        var week = lists.Single(l => l.Period == TermPeriod.Week);
        week.Start.Should().Be(new DateOnly(2024, 9, 30), "the week of the latest day starts on its Monday");
        week.PaperCount.Should().Be(15);
        week.Terms.Select(t => t.Term).Should().Contain("agent").And.NotContain("zebra").And.NotContain("plain");
        var agent = week.Terms.Single(t => t.Term == "agent");
        (agent.PaperCount, agent.DayCount).Should().Be((5, 3), "Agents and Agent are one term, on the three days");
        agent.Share.Should().Be(5 / 15.0);
        agent.BaselineShare.Should().Be(1 / 40.0);
        agent.Score.Should().BeGreaterThan(RisingTerms.MinScore);
    }

    [Fact]
    public void Any_past_week_or_month_is_ranked_from_the_stored_counts_as_the_latest_is()
    {
        EightQuietWeeks();
        AgentWeek();
        Digest("2024-11-20", Plain(7), Plain(8));
        using var connection = Open();

        var past = RisingTerms.Of(connection, null, TermPeriod.Week, new DateOnly(2024, 10, 2), 10);
        var latest = RisingTerms.Latest(connection, 10).Single(l => l.Period == TermPeriod.Week);

        past.Start.Should().Be(new DateOnly(2024, 9, 30));
        past.Terms.Select(t => t.Term).Should().Contain("agent");
        latest.Start.Should().Be(new DateOnly(2024, 11, 18), "the stored list is the latest week's");
        RisingTerms.Of(connection, null, TermPeriod.Week, new DateOnly(2024, 11, 20), 10).Should().BeEquivalentTo(latest, o => o.WithStrictOrdering());
        RisingTerms.Of(connection, null, TermPeriod.Month, new DateOnly(2030, 1, 1), 10).Terms.Should().BeEmpty("a period without papers has nothing rising");
    }

    [Fact]
    public void Replacing_the_latest_digest_counts_its_week_again()
    {
        EightQuietWeeks();
        AgentWeek();
        using (var connection = Open())
        {
            RisingTerms.Latest(connection, 10)[0].Terms.Select(t => t.Term).Should().Contain("agent");
        }

        Digest("2024-10-02", Plain(4), Plain(5), Plain(6), Plain(9), Plain(13));
        using var again = Open();

        RisingTerms.Latest(again, 10)[0].Terms.Select(t => t.Term).Should().NotContain("agent", "two days are left of its three");
    }

    private static TermRow Row(string term, int now, int days, int before, int common = 0, string? form = null) => new(term, form ?? term, now, days, before, common);

    [Fact]
    public void The_rule_needs_support_a_significant_rise_and_a_term_not_common()
    {
        // The period: 20 papers on 5 days; before it 200 papers; 12 months stored around it.
        var list = RisingTerms.Rank(TermPeriod.Month, new DateOnly(2024, 9, 1), [
            Row("", 20, 5, 200, 12),
            Row("new", 6, 3, 0),
            Row("rose", 8, 4, 20),
            Row("lonely", 4, 3, 0),
            Row("oneday", 6, 1, 0),
            Row("steady", 6, 5, 60),
            Row("faded", 5, 3, 20),
            Row("common", 8, 5, 10, common: 9),
            Row("everywhere", 9, 5, 0)], 10);

        list.Terms.Select(t => t.Term).Should().Equal(["new", "rose"],
            "lonely has 4 papers, oneday 1 day, steady no rise, faded a rise G² calls chance (3.3), common is held in 9 of 12 months, everywhere is in 45 % of the period");
        list.Terms[1].Score.Should().BeApproximately(10.76, 0.01);
        RisingTerms.LogLikelihood(5, 20, 20, 200).Should().BeLessThan(RisingTerms.MinScore);
    }

    [Fact]
    public void A_name_or_a_phrase_outranks_a_common_word_of_twice_its_significance_and_a_longer_term_takes_a_shorter_ones_place()
    {
        var list = RisingTerms.Rank(TermPeriod.Month, new DateOnly(2024, 3, 1), [
            Row("", 200, 20, 800, 12),
            Row("기록", 34, 10, 50),
            Row("mamba", 12, 10, 7, form: "Mamba"),
            Row("splatting", 11, 8, 2),
            Row("gaussian splatting", 10, 8, 2, form: "Gaussian splatting"),
            Row("llama", 9, 5, 10, form: "Llama"),
            Row("llama 3", 3, 3, 0, form: "Llama 3")], 10);

        var terms = list.Terms.Select(t => t.Term).ToList();
        terms.Should().ContainInOrder("Mamba", "기록");
        terms.Should().Contain("Gaussian splatting").And.NotContain("splatting", "the phrase holds 10 of its 11 papers");
        terms.Should().Contain("Llama").And.NotContain("Llama 3", "Llama 3 has too few papers to rise");
        RisingTerms.LogLikelihood(34, 200, 50, 800).Should().BeGreaterThan(RisingTerms.LogLikelihood(12, 200, 7, 800), "the common word is the more significant");
    }

    [Fact]
    public void Without_earlier_periods_nothing_rises()
    {
        var list = RisingTerms.Rank(TermPeriod.Month, new DateOnly(2024, 9, 1), [Row("", 10, 3, 0), Row("new", 5, 3, 0)], 10);

        list.Terms.Should().BeEmpty();
    }

    public void Dispose() => _folder.Dispose();
}
