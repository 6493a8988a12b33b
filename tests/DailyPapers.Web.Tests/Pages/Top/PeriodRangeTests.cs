using DailyPapers.Web.Pages.Days;
using DailyPapers.Web.Pages.Top;

namespace DailyPapers.Web.Tests.Pages.Top;

/// <summary>The spans of days rankings and period listings cover, how they are named, and how URLs spell them.</summary>
public sealed class PeriodRangeTests
{
    [Theory]
    [InlineData("2024-01-15")]
    [InlineData("2024-01-17")]
    [InlineData("2024-01-21")]
    public void A_week_runs_monday_to_sunday_around_any_of_its_days(string day)
    {
        var range = PeriodRange.Containing(Period.Week, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        range.Should().Be(new PeriodRange(Period.Week, new DateOnly(2024, 1, 15), new DateOnly(2024, 1, 21)));
    }

    [Fact]
    public void A_day_a_month_a_year_and_everything_cover_what_they_say()
    {
        var date = new DateOnly(2024, 2, 10);

        PeriodRange.Containing(Period.Day, date).Should().Be(new PeriodRange(Period.Day, date, date));
        PeriodRange.Containing(Period.Month, date).Should().Be(new PeriodRange(Period.Month, new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29)));
        PeriodRange.Containing(Period.Year, date).Should().Be(new PeriodRange(Period.Year, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));
        PeriodRange.Containing(Period.All, date).Should().Be(new PeriodRange(Period.All, DateOnly.MinValue, DateOnly.MaxValue));
    }

    [Fact]
    public void Each_period_is_named_in_korean()
    {
        var date = new DateOnly(2024, 1, 17);

        PeriodRange.Containing(Period.Day, date).Label.Should().Be("2024년 1월 17일 (수)");
        PeriodRange.Containing(Period.Week, date).Label.Should().Be("2024년 1월 15일 – 1월 21일 (3주차)");
        PeriodRange.Containing(Period.Month, date).Label.Should().Be("2024년 1월");
        PeriodRange.Containing(Period.Year, date).Label.Should().Be("2024년");
        PeriodRange.Containing(Period.All, date).Label.Should().Be("전체 기간");
    }

    [Theory]
    [InlineData(null, Period.Week)]
    [InlineData("", Period.Week)]
    [InlineData("day", Period.Day)]
    [InlineData("MONTH", Period.Month)]
    [InlineData("Year", Period.Year)]
    [InlineData("all", Period.All)]
    public void A_period_parameter_names_a_period_in_any_case_and_defaults_to_the_week(string? text, Period expected)
    {
        PeriodRange.TryParse(text, out var period).Should().BeTrue();
        period.Should().Be(expected);
    }

    [Theory]
    [InlineData("decade")]
    [InlineData("4")]
    [InlineData("17")]
    [InlineData("week1")]
    [InlineData(" 4")]
    [InlineData("+4")]
    public void Numbers_and_unknown_words_are_not_periods(string text)
    {
        PeriodRange.TryParse(text, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("2024-W05", "2024-01-29", "2024-02-04")]
    [InlineData("2024-W01", "2024-01-01", "2024-01-07")]
    [InlineData("2020-W53", "2020-12-28", "2021-01-03")]
    [InlineData("1991-W01", "1990-12-31", "1991-01-06")]
    [InlineData("2999-W01", "2998-12-31", "2999-01-06")]
    public void An_iso_week_in_a_url_is_its_monday_to_sunday(string text, string start, string end)
    {
        PeriodParameter.TryParseWeek(text, out var range).Should().BeTrue();

        range.Should().Be(new PeriodRange(Period.Week, DateOnly.ParseExact(start, "yyyy-MM-dd"), DateOnly.ParseExact(end, "yyyy-MM-dd")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2024-W5")]
    [InlineData("2024-W005")]
    [InlineData("2024-w05")]
    [InlineData("2024_W05")]
    [InlineData("2024-X05")]
    [InlineData("2024-W00")]
    [InlineData("2021-W53")]
    [InlineData("2024-W-1")]
    [InlineData("+024-W05")]
    [InlineData("1990-W52")]
    [InlineData("3000-W01")]
    public void Anything_else_is_not_a_week(string? text)
    {
        PeriodParameter.TryParseWeek(text, out var range).Should().BeFalse();
        range.Should().Be(default(PeriodRange));
    }

    [Theory]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("1991-01", "1991-01-01", "1991-01-31")]
    [InlineData("2999-12", "2999-12-01", "2999-12-31")]
    public void A_month_in_a_url_is_its_first_to_last_day(string text, string start, string end)
    {
        PeriodParameter.TryParseMonth(text, out var range).Should().BeTrue();

        range.Should().Be(new PeriodRange(Period.Month, DateOnly.ParseExact(start, "yyyy-MM-dd"), DateOnly.ParseExact(end, "yyyy-MM-dd")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2024-13")]
    [InlineData("2024-2")]
    [InlineData("2024-02-01")]
    [InlineData("1990-12")]
    [InlineData("3000-01")]
    public void Anything_else_is_not_a_month(string? text)
    {
        PeriodParameter.TryParseMonth(text, out var range).Should().BeFalse();
        range.Should().Be(default(PeriodRange));
    }

    [Theory]
    [InlineData("2024-01-17", "2024-W03", "2024-01")]
    [InlineData("2024-12-30", "2025-W01", "2024-12")]
    [InlineData("2021-01-03", "2020-W53", "2021-01")]
    public void A_date_names_its_iso_week_and_month_as_urls_spell_them(string date, string week, string month)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd");

        PeriodParameter.Week(day).Should().Be(week);
        PeriodParameter.Month(day).Should().Be(month);
    }
}
