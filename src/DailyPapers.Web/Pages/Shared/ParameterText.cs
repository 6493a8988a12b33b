namespace DailyPapers.Web.Pages.Shared;

public static class ParameterText
{
    /// <summary>A request value as an error message quotes it: at most 40 characters.</summary>
    public static string Shorten(string? value) => Core.Parsing.TextLimit.Shorten(value);

    /// <summary>
    /// A whole number written in ASCII digits and nothing else. <c>int.TryParse</c> alone, even with
    /// <c>NumberStyles.None</c>, takes trailing NUL characters ("1\0" reads as 1), so a request could carry them unseen.
    /// </summary>
    public static bool TryParseDigits(string? text, out int value)
    {
        value = 0;
        return !string.IsNullOrEmpty(text) && text.All(char.IsAsciiDigit)
            && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
