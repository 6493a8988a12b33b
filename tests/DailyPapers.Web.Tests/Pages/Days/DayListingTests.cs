using DailyPapers.Web.Pages.Days;
using DailyPapers.Web.Pages.Top;
using static DailyPapers.Web.Tests.SmallArchive;

namespace DailyPapers.Web.Tests.Pages.Days;

/// <summary>A day, a week and a year of the archive as their queries read them from the small archive: order, neighbours and edges.</summary>
public sealed class DayListingTests(SmallArchive archive) : IClassFixture<SmallArchive>
{
    [Fact]
    public async Task A_day_lists_its_listings_in_digest_order_with_its_notes_and_neighbours()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        var day = await DayQuery.LoadAsync(db, Date("2024-03-06"), CancellationToken.None);

        day!.Papers.Select(p => (p.Title, p.Votes, p.Position)).Should().Equal(
            ("Delta", 9, 1), ("Alpha again", 7, 2), ("Epsilon", 7, 3), ("Beta again", 3, 4));
        day.Papers.Should().OnlyContain(p => p.Date == Date("2024-03-06"));
        day.Papers[2].Authors.Select(a => a.Name).Should().Equal(["Cy Park", "Ann Lee"], "authors keep the order the digest names them in");
        day.Papers[2].Authors.Select(a => a.Slug).Should().Equal("cy-park", "ann-lee");
        day.NotesHtml.Should().Contain("오늘의 메모.");
        (day.Previous, day.Next, day.Latest).Should().Be((Date("2024-03-04"), Date("2024-03-10"), Date("2025-01-01")));
    }

    [Fact]
    public async Task The_first_and_last_days_have_no_neighbour_on_their_open_side()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        var first = await DayQuery.LoadAsync(db, Date("2023-12-31"), CancellationToken.None);
        var last = await DayQuery.LoadLatestAsync(db, CancellationToken.None);

        (first!.Previous, first.Next).Should().Be((null, Date("2024-02-28")));
        first.NotesHtml.Should().BeNull();
        last!.Date.Should().Be(Date("2025-01-01"));
        (last.Previous, last.Next).Should().Be((Date("2024-03-10"), null));
    }

    [Fact]
    public async Task A_date_without_a_digest_has_no_day_but_the_nearest_days_on_either_side()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        (await DayQuery.LoadAsync(db, Date("2024-03-05"), CancellationToken.None)).Should().BeNull();
        (await DayQuery.NearestAsync(db, Date("2024-03-05"), CancellationToken.None)).Should().Be(
            new NearestDays(Date("2024-03-05"), Date("2024-03-04"), Date("2024-03-06")));
        (await DayQuery.NearestAsync(db, Date("2030-01-01"), CancellationToken.None)).Should().Be(
            new NearestDays(Date("2030-01-01"), Date("2025-01-01"), null));
    }

    [Fact]
    public async Task A_week_lists_its_papers_by_votes_each_once_at_its_best_listing_with_its_days_newest_first()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        var week = await PeriodQuery.LoadAsync(db, PeriodRange.Containing(Period.Week, Date("2024-03-06")), 1, CancellationToken.None);

        // Delta and Beta tie at 9: the later listing first. Iota, Alpha and Epsilon tie at 7: Iota's day is the latest,
        // then Alpha before Epsilon in 03-06's digest; Alpha's and Beta's other listings are not listed again; Gamma has no votes.
        week.Papers.Select(p => (p.Title, p.Votes, p.Date)).Should().Equal(
            ("Delta", 9, Date("2024-03-06")),
            ("Beta", 9, Date("2024-03-04")),
            ("Iota", 7, Date("2024-03-10")),
            ("Alpha again", 7, Date("2024-03-06")),
            ("Epsilon", 7, Date("2024-03-06")),
            ("Gamma", null, Date("2024-03-04")));
        week.Days.Should().Equal(new ArchiveDay(Date("2024-03-10"), 1), new ArchiveDay(Date("2024-03-06"), 4), new ArchiveDay(Date("2024-03-04"), 3));
        (week.PaperCount, week.Page, week.PageCount, week.Key).Should().Be((6, 1, 1, "2024-W10"));
        (week.Previous, week.Next).Should().Be((Date("2024-02-28"), Date("2025-01-01")));
    }

    [Fact]
    public async Task A_period_without_digests_has_no_days_and_a_page_past_the_last_has_no_papers()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        var empty = await PeriodQuery.LoadAsync(db, PeriodRange.Containing(Period.Month, Date("2024-01-15")), 1, CancellationToken.None);
        var past = await PeriodQuery.LoadAsync(db, PeriodRange.Containing(Period.Month, Date("2024-03-15")), 2, CancellationToken.None);

        (empty.Days.Count, empty.Papers.Count, empty.PaperCount, empty.IsPastLastPage).Should().Be((0, 0, 0, false));
        (empty.Previous, empty.Next).Should().Be((Date("2023-12-31"), Date("2024-02-28")));
        (past.Page, past.PageCount, past.Papers.Count, past.PaperCount, past.IsPastLastPage).Should().Be((2, 1, 0, 6, true));
    }

    [Fact]
    public async Task A_year_of_the_archive_groups_its_days_by_month_newest_first_with_the_nearest_years()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        var year = await ArchiveQuery.LoadAsync(db, 2024, CancellationToken.None);

        year.Months.Select(m => (m.Year, m.Month, m.PaperCount, m.First)).Should().Equal((2024, 3, 8, Date("2024-03-01")), (2024, 2, 1, Date("2024-02-01")));
        year.Months[0].Days.Should().Equal(new ArchiveDay(Date("2024-03-10"), 1), new ArchiveDay(Date("2024-03-06"), 4), new ArchiveDay(Date("2024-03-04"), 3));
        (year.Year, year.PreviousYear, year.NextYear).Should().Be((2024, 2023, 2025));
        (year.DayCount, year.PaperCount).Should().Be((4, 9));
    }

    [Fact]
    public async Task Days_on_new_years_eve_and_new_years_day_belong_to_their_own_years()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        var latest = await ArchiveQuery.LoadAsync(db, null, CancellationToken.None);
        var earliest = await ArchiveQuery.LoadAsync(db, 2023, CancellationToken.None);

        latest.Year.Should().Be(2025, "without a year the latest year with digests is shown");
        latest.Months.Single().Days.Should().Equal(new ArchiveDay(Date("2025-01-01"), 1));
        (latest.PreviousYear, latest.NextYear).Should().Be((2024, null));
        earliest.Months.Single().Days.Should().Equal(new ArchiveDay(Date("2023-12-31"), 1));
        (earliest.PreviousYear, earliest.NextYear).Should().Be((null, 2024));
    }

    [Fact]
    public async Task A_year_without_digests_is_empty_but_leads_to_the_years_that_have_them()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;

        var empty = await ArchiveQuery.LoadAsync(db, 2020, CancellationToken.None);

        empty.Months.Should().BeEmpty();
        (empty.Year, empty.PreviousYear, empty.NextYear).Should().Be((2020, null, 2023));
    }
}
