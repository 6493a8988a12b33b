namespace DailyPapers.Web.Pages.Shared;

/// <summary><c>?page=N</c>: a page number of 1 or more (1 when absent).</summary>
public static class PageParameter
{
    public static bool TryParse(string? text, out int page)
    {
        page = 1;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        return ParameterText.TryParseDigits(text, out page) && page >= 1;
    }
}
