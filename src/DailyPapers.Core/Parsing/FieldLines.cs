using System.Globalization;

namespace DailyPapers.Core.Parsing;

/// <summary>The labelled lines under a paper heading, <c>Vote: 1,234</c> and <c>Authors: …</c>, the label in any case.</summary>
internal static class FieldLines
{
    /// <summary>A <c>Vote:</c> or <c>Votes:</c> line, and the text after its colon.</summary>
    public static bool TryVoteLine(string line, out string value) =>
        TryField(line, "Vote", out value) || TryField(line, "Votes", out value);

    /// <summary>An <c>Authors:</c> or <c>Author:</c> line, and the text after its colon.</summary>
    public static bool TryAuthorLine(string line, out string value) =>
        TryField(line, "Authors", out value) || TryField(line, "Author", out value);

    /// <summary>
    /// A vote line's value: a count (commas between thousands allowed), or null where the digest says there is none
    /// (<c>-</c>, <c>—</c>, <c>N/A</c>, nothing). False when it is neither.
    /// </summary>
    public static bool TryVotes(string value, out int? votes)
    {
        votes = null;
        if (value is "-" or "" or "—" or "N/A" or "n/a")
        {
            return true;
        }

        var digits = value.Replace(",", "", StringComparison.Ordinal);
        if (digits.Length is > 0 and <= 9 && digits.All(char.IsAsciiDigit))
        {
            votes = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            return true;
        }

        return false;
    }

    private static bool TryField(string source, string label, out string value)
    {
        value = "";
        if (source.Length <= label.Length || !source.StartsWith(label, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = source.AsSpan(label.Length).TrimStart();
        if (rest.Length == 0 || rest[0] != ':')
        {
            return false;
        }

        value = rest[1..].Trim().ToString();
        return true;
    }
}
