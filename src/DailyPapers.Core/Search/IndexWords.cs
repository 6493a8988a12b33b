using System.Text.RegularExpressions;

namespace DailyPapers.Core.Search;

/// <summary>
/// The words the search index keeps of a text, in order: <see cref="SearchVector.Words"/> of
/// <see cref="SearchText.IndexTokens"/> (Hangul runs as syllable pairs, other runs of letters and digits folded to lower
/// case without accents, then the parts of compound words, then the joined forms of names written apart), which is what
/// PostgreSQL's word vector holds and what FTS5's unicode61 tokenizer reads from the same tokens. Cut in place, without
/// the token string or a string per word (a word the fold leaves as it is stays a slice of the text, others are folded
/// into one reused buffer): relevance (<see cref="Relevance"/>) cuts the text of up to a thousand papers per search, and
/// the vector is built from the same cut, so the index and the ranking count the same words.
/// </summary>
internal sealed class IndexWords
{
    private string _text = "";
    private char[] _chars = new char[256];
    // A word's start: in the text from 0 up, in the buffer as its bitwise complement.
    private int[] _starts = new int[512];
    private int[] _lengths = new int[512];
    private int _used;

    /// <summary>How many words the last cut text holds: its length, as relevance counts it.</summary>
    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var start = _starts[index];
            return start >= 0 ? _text.AsSpan(start, _lengths[index]) : _chars.AsSpan(~start, _lengths[index]);
        }
    }

    /// <summary>Cuts <paramref name="text"/>, replacing the words of the text cut before.</summary>
    public IndexWords Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        (_text, Count, _used) = (text, 0, 0);
        Runs(text);
        CompoundParts(text);
        if (MayHoldNameAndNumber(text))
        {
            foreach (Match apart in SearchText.LettersThenNumber().Matches(text))
            {
                var (letters, number) = (apart.Groups[1], apart.Groups[2]);
                var start = _used;
                Fold(text.AsSpan(letters.Index, letters.Length));
                Fold(text.AsSpan(number.Index, number.Length));
                Add(~start, _used - start);
            }
        }

        return this;
    }

    /// <summary>
    /// The words of the text itself, as <see cref="SearchText.QueryTokens"/> writes them and
    /// <see cref="SearchText.TermRanges"/> reads them: a Hangul run of one syllable is a word, a longer one each pair of
    /// neighbours (a pair holding a character that is no letter keeps only its letter); anything else is split at what
    /// is not a letter or digit, and at Hangul.
    /// </summary>
    private void Runs(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < '\u0080' ? !char.IsAsciiLetterOrDigit(c) : !SearchText.IsHangul(c) && !char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (SearchText.IsHangul(c))
            {
                while (i < text.Length && SearchText.IsHangul(text[i]))
                {
                    i++;
                }

                Hangul(text, start, i);
                continue;
            }

            // Hangul folds to itself, and so do small ASCII letters and digits: such a word stays a slice of the text.
            var asIs = true;
            while (i < text.Length && !SearchText.IsHangul(c = text[i]) && char.IsLetterOrDigit(c))
            {
                asIs &= char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
                i++;
            }

            if (asIs)
            {
                Add(start, i - start);
            }
            else
            {
                var folded = _used;
                Fold(text.AsSpan(start, i - start));
                Add(~folded, _used - folded);
            }
        }
    }

    /// <summary>The Hangul run [<paramref name="start"/>, <paramref name="end"/>): its syllable, or each pair's letters.</summary>
    private void Hangul(string text, int start, int end)
    {
        if (end - start == 1)
        {
            if (char.IsLetterOrDigit(text[start]))
            {
                Add(start, 1);
            }

            return;
        }

        var second = IsLetter(text[start]);
        for (var k = start; k + 1 < end; k++)
        {
            var first = second;
            second = IsLetter(text[k + 1]);
            if (first || second)
            {
                Add(first ? k : k + 1, first && second ? 2 : 1);
            }
        }
    }

    // Every Hangul syllable is a letter; of the jamo, two code points are unassigned.
    private static bool IsLetter(char hangul) => hangul >= '\uAC00' || char.IsLetterOrDigit(hangul);

    /// <summary>The first character of a word.</summary>
    public char First(int index)
    {
        var start = _starts[index];
        return start >= 0 ? _text[start] : _chars[~start];
    }

    /// <summary>Each word of three or more ASCII letters and digits with a compound boundary, cut at every one (<see cref="SearchText.IsCompoundBoundary"/>).</summary>
    private void CompoundParts(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            var word = text.AsSpan(start, i - start);
            if (word.Length < 3 || !HasBoundary(word))
            {
                continue;
            }

            var pieceStart = 0;
            for (var p = 1; p <= word.Length; p++)
            {
                if (p < word.Length && !SearchText.IsCompoundBoundary(word, p))
                {
                    continue;
                }

                var piece = word[pieceStart..p];
                if (piece.ContainsAnyInRange('A', 'Z'))
                {
                    var folded = _used;
                    Fold(piece);
                    Add(~folded, piece.Length);
                }
                else
                {
                    Add(start + pieceStart, piece.Length);
                }

                pieceStart = p;
            }
        }
    }

    private static bool HasBoundary(ReadOnlySpan<char> word)
    {
        for (var p = 1; p < word.Length; p++)
        {
            if (SearchText.IsCompoundBoundary(word, p))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <see cref="SearchText.LettersThenNumber"/> can match: somewhere two ASCII letters, a hyphen or space, and a
    /// digit. Most texts hold none, and looking costs less than running the expression.
    /// </summary>
    private static bool MayHoldNameAndNumber(string text)
    {
        var span = text.AsSpan();
        var offset = 0;
        int digit;
        while ((digit = span[offset..].IndexOfAnyInRange('0', '9')) >= 0)
        {
            var at = offset + digit;
            if (at >= 3 && span[at - 1] is '-' or ' ' && char.IsAsciiLetter(span[at - 2]) && char.IsAsciiLetter(span[at - 3]))
            {
                return true;
            }

            offset = at + 1;
        }

        return false;
    }

    /// <summary>Appends the folded characters to the buffer.</summary>
    private void Fold(ReadOnlySpan<char> text)
    {
        if (_used + text.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + text.Length));
        }

        foreach (var c in text)
        {
            _chars[_used++] = SearchVector.Fold(c);
        }
    }

    private void Add(int start, int length)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }

        (_starts[Count], _lengths[Count]) = (start, length);
        Count++;
    }
}
