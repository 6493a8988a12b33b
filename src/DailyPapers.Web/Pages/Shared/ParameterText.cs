namespace DailyPapers.Web.Pages.Shared;

public static class ParameterText
{
    /// <summary>A request value as an error message quotes it: at most 40 characters.</summary>
    public static string Shorten(string? value) => Core.Parsing.TextLimit.Shorten(value);
}
