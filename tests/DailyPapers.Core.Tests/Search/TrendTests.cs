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

    [Fact]
    public void Terms_are_latin_words_and_the_first_syllable_pair_of_korean_words_without_stop_words()
    {
        var terms = TermCounts.Terms("LLM Agents for the Web: 모델을 생성하는 영상 연구를 https://x.org/a.png");

        terms.Should().Contain(["llm", "agents", "web", "모델", "생성", "영상"]);
        terms.Should().NotContain(["for", "the", "델을", "하는", "연구", "https", "png", "x"]);
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

    [Fact]
    public void A_term_that_jumps_this_week_with_enough_papers_rises_and_a_single_paper_does_not()
    {
        EightQuietWeeks();
        Digest("2024-10-01", ("Agent Planning", "계획."), ("Web Agent", "웹."), ("Agent Memory", "기억."), ("Zebra Stripes", "얼룩말."), Plain(1), Plain(2), Plain(3), Plain(4));
        using var connection = Open();

        var lists = RisingTerms.Latest(connection, 10);

        var week = lists.Single(l => l.Period == TermPeriod.Week);
        week.Start.Should().Be(new DateOnly(2024, 9, 30), "the week of the latest day starts on its Monday");
        week.PaperCount.Should().Be(8);
        week.Terms.Select(t => t.Term).Should().Contain("agent").And.NotContain("zebra").And.NotContain("plain");
        var agent = week.Terms.Single(t => t.Term == "agent");
        agent.PaperCount.Should().Be(3);
        agent.Share.Should().Be(3 / 8.0);
        agent.BaselineShare.Should().Be(1 / 40.0);
    }

    [Fact]
    public void Replacing_the_latest_digest_counts_its_week_again()
    {
        EightQuietWeeks();
        Digest("2024-10-01", ("Agent Planning", "계획."), ("Web Agent", "웹."), ("Agent Memory", "기억."), Plain(1), Plain(2), Plain(3), Plain(4), Plain(5));
        using (var connection = Open())
        {
            RisingTerms.Latest(connection, 10)[0].Terms.Select(t => t.Term).Should().Contain("agent");
        }

        Digest("2024-10-01", Plain(1), Plain(2), Plain(3), Plain(4), Plain(5), Plain(6), Plain(7), Plain(8));
        using var again = Open();

        RisingTerms.Latest(again, 10)[0].Terms.Select(t => t.Term).Should().NotContain("agent");
    }

    [Fact]
    public void The_rule_needs_enough_papers_a_grown_share_and_a_term_not_everywhere()
    {
        var list = RisingTerms.Rank(TermPeriod.Week, new DateOnly(2024, 9, 30), [("", 10, 100), ("new", 3, 0), ("lonely", 2, 0), ("steady", 3, 30), ("model", 5, 60), ("faded", 3, 1)], 10);

        list.Terms.Select(t => t.Term).Should().Equal("new", "faded");
    }

    [Fact]
    public void Without_earlier_periods_nothing_rises()
    {
        var list = RisingTerms.Rank(TermPeriod.Month, new DateOnly(2024, 9, 1), [("", 10, 0), ("new", 5, 0)], 10);

        list.Terms.Should().BeEmpty();
    }

    public void Dispose() => _folder.Dispose();
}
