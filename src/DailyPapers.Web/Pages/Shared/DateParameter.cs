using System.Globalization;

namespace DailyPapers.Web.Pages.Shared;

/// <summary>Dates in URLs are ISO 8601 calendar dates: YYYY-MM-DD.</summary>
public static class DateParameter
{
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Explain(string? text)
    {
        return $"'{ParameterText.Shorten(text)}'은(는) 날짜가 아닙니다. YYYY-MM-DD 형식으로 적어 주세요 (예: 2024-01-17).";
    }
}
