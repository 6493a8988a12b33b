using System.Text;
using System.Text.RegularExpressions;

namespace DailyPapers.Core.Rendering;

/// <summary>
/// TeX a title wrote without <c>$…$</c> where what it means cannot be mistaken: a degree sign (<c>360^circ</c>,
/// <c>360^\circ</c>) and a one-digit or braced-digit exponent after a letter or digit (<c>Free^2Guide</c>,
/// <c>VILA^{2}</c>). Only titles are read this way; summaries keep <c>10^3</c> as written. Anything else with a caret
/// (<c>x^y</c>, <c>C^{n}</c>, <c>^^</c>) stays as written: a guess there could be wrong, and the title as written is
/// still what search finds.
/// </summary>
public static partial class TitleCarets
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>The plain part of a title (outside any <c>$…$</c>) with its unmistakable carets as Unicode.</summary>
    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('^', StringComparison.Ordinal))
        {
            return text;
        }

        text = Degree().Replace(text, "°");
        return Exponent().Replace(text, m =>
        {
            var digits = m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["digit"].Value;
            var result = new StringBuilder(m.Groups["base"].Value);
            foreach (var digit in digits)
            {
                result.Append(Superscripts[digit - '0']);
            }

            return result.ToString();
        });
    }

    [GeneratedRegex(@"(?<=[0-9])\^\\?circ(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Degree();

    [GeneratedRegex(@"(?<base>[A-Za-z0-9)])\^(?:\{(?<braced>[0-9]{1,3})\}|(?<digit>[0-9])(?![0-9.,]))", RegexOptions.CultureInvariant)]
    private static partial Regex Exponent();
}
