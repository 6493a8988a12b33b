namespace DailyPapers.Core.Parsing;

public static class TextLimit
{
    /// <summary>At most <paramref name="length"/> UTF-16 units, never cutting a surrogate pair in two.</summary>
    public static string Truncate(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= length)
        {
            return text;
        }

        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }

    /// <summary>Truncated for a message, with an ellipsis when anything was cut.</summary>
    public static string Shorten(string? text, int length = 40) =>
        text is null ? "" : text.Length <= length ? text : Truncate(text, length) + "…";
}
