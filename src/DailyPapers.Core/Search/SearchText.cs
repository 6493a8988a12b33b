using System.Globalization;
using System.Text;

namespace DailyPapers.Core.Search;

/// <summary>
/// How text is cut for the short-term index. Korean writes particles straight onto words (모델을, 모델의), so Hangul runs
/// are indexed as overlapping syllable pairs (모델 델을) and a two-syllable query finds the word inside any longer run.
/// Everything else stays as words. Terms of three characters or more use the trigram index instead.
/// </summary>
public static class SearchText
{
    public static string ShortTermTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder(text.Length * 2);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsHangul(text[i]))
            {
                output.Append(text[i]);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsHangul(text[i]))
            {
                i++;
            }

            output.Append(' ');
            if (i - start == 1)
            {
                output.Append(text[start]);
            }
            else
            {
                for (var k = start; k + 1 < i; k++)
                {
                    output.Append(text, k, 2).Append(' ');
                }
            }

            output.Append(' ');
        }

        return output.ToString();
    }

    public static bool IsHangul(char c) =>
        c is (>= '\uAC00' and <= '\uD7A3') or (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F');

    /// <summary>Characters as a reader counts them (a surrogate pair or a combining sequence is one).</summary>
    public static int Length(string term) => new StringInfo(term).LengthInTextElements;
}
