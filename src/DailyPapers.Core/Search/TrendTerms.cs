using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DailyPapers.Core.Search;

/// <summary>
/// The terms of a paper that may rise, each a thing a reader can name: English words and phrases of up to
/// <see cref="MaxWords"/> words (<c>video generation</c>, <c>state space model</c>, the glosses summaries put in
/// parentheses), names as written (<c>DPO</c>, <c>Mamba</c>; <c>LLaVA-1.5</c> counted under <c>LLaVA</c>, <c>Llama 3</c>
/// under itself and <c>Llama</c>), and Korean nouns without their particles and endings (<c>데이터셋에</c> →
/// <c>데이터셋</c>, <c>생성하는</c> → <c>생성</c>). A term is never a piece cut from inside a word.
/// <para>
/// Each term has a key (folded: lower case, plurals singular, versions joined by a space) and the form this paper writes
/// it in. A title's words are Title Case by convention, so a title word capitalised only at its first letter gives its
/// lower-case form; a capital inside a word (LLaVA, DPO, GPT-4o) is kept, and the summary's form wins over the title's.
/// Which terms are too common to rise is decided from the archive when ranking (<see cref="RisingTerms"/>), not here.
/// </para>
/// </summary>
public static partial class TrendTerms
{
    /// <summary>Longest phrase counted, in words.</summary>
    public const int MaxWords = 3;

    private const int MaxWordLength = 40;
    private const int MinSyllables = 2;
    private const int MaxSyllables = 10;

    /// <summary>The terms of a paper's title and summary: key → the form the paper writes it in.</summary>
    public static Dictionary<string, string> Of(string title, string summary)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(summary);
        // A paper has about eighty terms: room for them at once, not four resizes.
        var terms = new Dictionary<string, string>(128, StringComparer.Ordinal);
        // The summary first: its forms are the ones kept when the title writes the same term.
        Add(terms, summary, title: false);
        Add(terms, title, title: true);
        return terms;
    }

    /// <summary>The key a written term is counted under (<c>Language Models</c> → <c>language model</c>), or null when it is no term.</summary>
    public static string? KeyOf(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(terms, written, title: false);
        return terms.Keys.OrderByDescending(k => k.Count(c => c == ' ')).ThenByDescending(k => k.Length).FirstOrDefault();
    }

    private static void Add(Dictionary<string, string> terms, string text, bool title)
    {
        text = Noise().Replace(text, " ");
        var run = new List<RunWord>(16);
        var end = 0;
        // Matches one at a time (a MatchCollection keeps every match it has read, a third of the cut's time).
        foreach (var match in Words().EnumerateMatches(text))
        {
            // Anything but spaces between two words (punctuation, a bracket, a line break) ends a phrase.
            if (match.Index > end && !IsBlank(text.AsSpan(end, match.Index - end)))
            {
                Phrases(terms, run);
            }

            end = match.Index + match.Length;
            var token = text.Substring(match.Index, match.Length);
            var hangulAt = IndexOfHangul(token);
            if (hangulAt == 0)
            {
                Phrases(terms, run);
                Korean(terms, token);
                continue;
            }

            var latin = hangulAt < 0 ? token : token[..hangulAt];
            if (LatinWord(latin, title) is { } word)
            {
                // A name written after a word of the same phrase: "Llama 3" is one name, not the word "3".
                if (run.Count > 0 && Version().Match(latin) is { Success: true } version && IsName(run[^1].Written))
                {
                    Versioned(terms, run[^1].Written, version);
                }

                var named = Named(terms, latin, title);
                if (!named && latin.Contains('-', StringComparison.Ordinal))
                {
                    Parts(terms, latin, title);
                }

                if (named)
                {
                    // A model's name and version is a term of its own, not a word of a phrase.
                    Phrases(terms, run);
                    continue;
                }

                run.Add(word);
            }
            else
            {
                Phrases(terms, run);
            }

            if (hangulAt > 0)
            {
                // A particle or ending glued to the word (Mamba를, LLM의) ends its phrase.
                Phrases(terms, run);
            }
        }

        Phrases(terms, run);
    }

    /// <summary>
    /// The words of a run and its phrases of two and three words: a phrase neither starts nor ends with a function word
    /// and holds none inside but "of" (<c>mixture of experts</c>).
    /// </summary>
    private static void Phrases(Dictionary<string, string> terms, List<RunWord> run)
    {
        for (var i = 0; i < run.Count; i++)
        {
            var first = run[i];
            if (!first.Stop && (first.Key.Length >= 3 || IsCapitalised(first.Form)))
            {
                Put(terms, Singular(first.Key), first.Form);
            }

            // Phrases from this word: none starts with a function word, a number holds none, "of" alone may sit inside.
            if (first.Stop || first.Number)
            {
                continue;
            }

            var words = first.Words;
            for (var end = i + 1; end < run.Count; end++)
            {
                var last = run[end];
                words += last.Words;
                if (words > MaxWords || last.Number || (last.Stop && last.Key != "of"))
                {
                    break;
                }

                if (!last.Stop)
                {
                    Put(terms, Join(run, i, end, key: true), Join(run, i, end, key: false));
                }
            }
        }

        run.Clear();
    }

    /// <summary>The keys (the last one singular) or the forms of the words from <paramref name="from"/> to <paramref name="to"/>, a space apart.</summary>
    private static string Join(List<RunWord> run, int from, int to, bool key)
    {
        var text = new StringBuilder();
        for (var i = from; i <= to; i++)
        {
            var word = key ? run[i].Key : run[i].Form;
            text.Append(i == from ? "" : " ").Append(key && i == to ? Singular(word) : word);
        }

        return text.ToString();
    }

    /// <summary>A word of a phrase: its key, its form, as written; how many words its key holds (text-to-image: 3), and whether it is a function word or a number.</summary>
    private readonly record struct RunWord(string Key, string Form, string Written)
    {
        public int Words { get; } = Key.Count(c => c == ' ') + 1;

        public bool Stop { get; } = IsStop(Key);

        public bool Number { get; } = IsNumber(Key);
    }

    /// <summary>A Latin word as the phrase holds it, or null for what is no word (a bare number is kept: it may be a version).</summary>
    private static RunWord? LatinWord(string latin, bool title)
    {
        if (latin.Length is 0 or > MaxWordLength || !latin.Any(char.IsLetterOrDigit) || Size().IsMatch(latin))
        {
            return null;
        }

        var normal = latin.Normalize(NormalizationForm.FormKC);
        var form = title && IsTitleCase(normal) ? normal.ToLowerInvariant() : normal;
        // Hyphens join words: long-context and long context are one term, written as most write it.
        return new RunWord(normal.ToLowerInvariant().Replace('-', ' '), form, normal);
    }

    /// <summary>
    /// The name a hyphenated word opens with, a term too (DPO-based: DPO; Mamba-style in a summary: Mamba). The other
    /// parts, and a lower-case or title-case compound's (long-context, Real-World), count only as the whole compound.
    /// </summary>
    private static void Parts(Dictionary<string, string> terms, string latin, bool title)
    {
        var first = latin[..latin.IndexOf('-', StringComparison.Ordinal)];
        if (first.Length >= 2 && first.Any(char.IsLetter) && (first.Skip(1).Any(char.IsUpper) || (!title && IsName(first) && !latin.Split('-').All(p => p.Length > 0 && char.IsUpper(p[0])))) && !IsStop(first.ToLowerInvariant()))
        {
            Put(terms, Singular(first.ToLowerInvariant()), first);
        }
    }

    /// <summary>
    /// A name with its version (<c>LLaVA-1.5</c>, <c>Qwen2</c>, <c>GPT-4o</c>): counted under the name alone, and a major
    /// version of 2 or more under the name and that version (<c>Llama 3</c>); a version with letters after it is a
    /// model of its own (<c>GPT-4o</c>), counted as written too. False when the word is no versioned name.
    /// </summary>
    private static bool Named(Dictionary<string, string> terms, string latin, bool title)
    {
        var match = NameVersion().Match(latin);
        if (!match.Success || !IsName(match.Groups["name"].Value))
        {
            return false;
        }

        var name = match.Groups["name"].Value;
        var version = match.Groups["version"].Value;
        Put(terms, name.ToLowerInvariant(), title && IsTitleCase(name) ? name.ToLowerInvariant() : name);
        Versioned(terms, name, Version().Match(version));
        if (char.IsLetter(version[^1]))
        {
            // A size or variant after the version (GPT-4o-mini, Llama-3-8B) is left out: the model is the name and version.
            var model = latin[..match.Groups["version"].Index] + version;
            Put(terms, model.ToLowerInvariant().Replace('-', ' '), model);
        }

        return true;
    }

    private static void Versioned(Dictionary<string, string> terms, string name, Match version)
    {
        if (int.TryParse(version.Groups["major"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var major) && major is >= 2 and < 100)
        {
            Put(terms, name.ToLowerInvariant() + " " + major.ToString(CultureInfo.InvariantCulture), name + " " + major.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// A Korean word's noun: the word less one particle or ending (<c>데이터셋에</c> → <c>데이터셋</c>), a verb made of a
    /// noun and 하다/되다 less its verb part (<c>생성하는</c> → <c>생성</c>); no term for other verb and adjective forms
    /// (<c>밝히는</c>, <c>찾는</c>), for a noun shorter than two syllables, or for a function word.
    /// </summary>
    private static void Korean(Dictionary<string, string> terms, string token)
    {
        var hangul = token;
        var cut = IndexOfNonHangul(hangul);
        if (cut > 0)
        {
            hangul = hangul[..cut];
        }

        if (NounOf(hangul) is { } noun)
        {
            Put(terms, noun, noun);
        }
    }

    /// <summary>The noun of a Korean word, or null (see <see cref="Korean"/>).</summary>
    public static string? NounOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < MinSyllables || !word.All(c => c is >= '\uAC00' and <= '\uD7A3'))
        {
            return null;
        }

        var stem = word;
        if (Longest(VerbEndings, word, MinSyllables) is { } verb)
        {
            stem = word[..^verb.Length];
        }
        else if (Longest(OtherEndings, word, 1) is { Length: > 1 })
        {
            // A verb's ending of two syllables or more, before a particle could be taken for one (보여주지만, 있습니다).
            return null;
        }
        else if (Longest(Particles, word, MinSyllables) is { } particle)
        {
            // A noun made of a verb keeps its particle after its own ending (수행함으로써, 학습하기를): both go.
            stem = word[..^particle.Length];
            stem = Longest(VerbEndings, stem, MinSyllables) is { } ending ? stem[..^ending.Length] : stem;
        }
        else if (Longest(OtherEndings, word, 1) is not null || (word.Length == MinSyllables && Adnominal.Contains(word[^1])))
        {
            // A verb's or an adjective's ending (보여주고, 높으며), or one syllable before 은/는/을/를 (많은, 찾는, 할을):
            // a noun of two syllables ending so (평가, 차이, 효과) keeps its whole word instead.
            return null;
        }

        if (stem.Length is < MinSyllables or > MaxSyllables || VerbStemEnds.Contains(stem[^1]) || KoreanStopWords.Contains(stem))
        {
            return null;
        }

        return stem;
    }

    /// <summary>The longest of the suffixes the word ends with that leaves at least <paramref name="left"/> syllables.</summary>
    private static string? Longest(string[] suffixes, string word, int left)
    {
        foreach (var suffix in suffixes)
        {
            if (word.Length - suffix.Length >= left && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return suffix;
            }
        }

        return null;
    }

    private static void Put(Dictionary<string, string> terms, string key, string form)
    {
        if (key.Length > 0 && key.Length <= MaxWordLength * MaxWords)
        {
            terms.TryAdd(key, form);
        }
    }

    /// <summary>The singular of an English word (<c>models</c> → <c>model</c>, <c>LLMs</c> → <c>LLM</c>, <c>strategies</c> → <c>strategy</c>).</summary>
    public static string Singular(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var space = word.LastIndexOfAny([' ', '-']);
        if (space >= 0)
        {
            return word[..(space + 1)] + Singular(word[(space + 1)..]);
        }

        if (word.Length >= 3 && word[^1] == 's' && word[..^1].All(c => char.IsUpper(c) || char.IsDigit(c)) && word[..^1].Any(char.IsLetter))
        {
            return word[..^1];
        }

        if (word.Length < 4 || word[^1] is not ('s' or 'S') || !word.All(c => char.IsLetter(c) || c == '-') || PluralExceptions().IsMatch(word))
        {
            return word;
        }

        return word.EndsWith("ies", StringComparison.OrdinalIgnoreCase) && word.Length > 4 ? word[..^3] + (char.IsUpper(word[^1]) ? "Y" : "y") : word[..^1];
    }

    private static bool IsStop(string key) => key.Length < 2 || EnglishStopWords.Contains(key) || IsNumber(key);

    private static bool IsNumber(string key) => key.All(c => char.IsDigit(c) || c is '.' or '-' or '+');

    /// <summary>A word written as a name: a capital inside it (LLaVA, DPO) or after its first letter's place, or Capitalised.</summary>
    private static bool IsName(string word) => word.Length >= 2 && char.IsUpper(word[0]) && word.Skip(1).All(c => char.IsLetter(c) || c == '-');

    private static bool IsCapitalised(string form) => form.Length > 0 && char.IsUpper(form[0]);

    /// <summary>Capitalised at its first letter only (<c>Model</c>, not <c>LLaVA</c> or <c>DPO</c>).</summary>
    private static bool IsTitleCase(string word) =>
        word.Length > 1 && char.IsUpper(word[0]) && word.Split('-').All(part => part.Length == 0 || (!part.Skip(1).Any(char.IsUpper) && !part.Any(char.IsDigit)));

    /// <summary>
    /// Of the forms a term is written in (form → papers), the one to show: the most frequent; on a tie, one without
    /// capitals (a heading's Title Case is no name), then the first in ordinal order.
    /// </summary>
    public static string Shown(IReadOnlyDictionary<string, int> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        return forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Any(char.IsUpper)).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
    }

    private static bool IsBlank(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (c is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOfHangul(string token)
    {
        for (var i = 0; i < token.Length; i++)
        {
            if (SearchText.IsHangul(token[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfNonHangul(string token)
    {
        for (var i = 0; i < token.Length; i++)
        {
            if (!SearchText.IsHangul(token[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // Longest first: the first that matches is cut.
    private static readonly string[] Particles = [.. """
        으로부터 에서부터 들로부터 로부터 으로의 에게서 로서의 으로만 에서만 들에게 들에서 들과의 만으로 까지도 로의 로만 에만
        에서는 에서도 에서의 으로는 으로도 으로써 으로서 에게는 까지의 부터의 이라는 이라고 이라면 이라며 이며 이고 이다 입니다 이나 과의 와의 과는 와는
        에서 으로 로는 로도 로써 로서 에는 에도 에의 에게 까지 부터 보다 처럼 만의 만을 만이 라는 라고 들은 들이 들을 들의 들과 들에 들로 들도
        에 은 는 이 가 을 를 의 와 과 도 만 로 들 나 란
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).OrderByDescending(s => s.Length)];

    // A noun with 하다, 되다, 시키다 or 적 after it: the noun is the term (생성하는 → 생성, 효율적인 → 효율).
    private static readonly string[] VerbEndings = [.. """
        했습니다 합니다 됩니다 시킵니다 하였다 되었다 하는데 하면서 되면서 시키는 시키며 시키고 시켜 시킨 적으로 적인 적이 적임
        하는 하여 하고 하며 한다 했다 하기 하게 하면 하지 해야 하도록 할수 되는 되어 된다 되며 되고 되기 되지 되도록 받는 받아 받은
        한 할 함 해 된 될 됨 적
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).OrderByDescending(s => s.Length)];

    // Endings of verbs and adjectives not made from a noun (보여주고, 높으며, 있다): no term.
    private static readonly string[] OtherEndings = [.. """
        습니다 니다 으며 으면 어서 아서 도록 지만 는데 다 고 며 면 서 게 지 요 죠 운
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).OrderByDescending(s => s.Length)];

    // After one syllable, these end a verb or an adjective before a noun (많은, 찾는, 갈) more often than a particle.
    private static readonly HashSet<char> Adnominal = [.. "은는을를던운"];

    // A stem ending in these is a verb's or an adjective's (밝히, 보여주, 있다는), not a noun.
    private static readonly HashSet<char> VerbStemEnds = [.. "하되히주있없않같시키리우추르다"];

    // Korean words that name no topic: demonstratives, conjunctions, adverbs, and what every summary says of itself.
    private static readonly HashSet<string> KoreanStopWords = new(
        """
        이러한 이런 이를 이것 이들 그것 그리고 그러나 하지만 또한 또는 및 통해 위해 대해 대한 따라 따른 가장 모든 여러 다양 각각 각자 기존 최근
        이후 이전 경우 때문 매우 특히 주로 함께 이상 이하 본 논문 연구 방법 방식 결과 제안 제시 사용 활용 기반 가능 다른 새로운 동안 정도 우리 저자
        자체 사이 대부분 일부 모두 서로 더욱 또 것 수 등 중 간 내 후 전 점 바 뿐 이번 통한 위한 의한 대한 인한 받아 이미 아직 다시 먼저 바로 만한 그대로 스스로 처음 하나 둘째 셋째 첫째
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    // English function words, words every abstract uses of itself, markup and link parts.
    private static readonly HashSet<string> EnglishStopWords = new(
        """
        a an the and or nor but if of for with from to in on at by as is are was were be been being it its this that these
        those we our us they their them he she his her you your i me my than then into onto over under via per such also more
        most less least each both all any some other using use used based which while where when what who how why will would
        could should may might must shall can does did do doing done not no yes very just only same own out off up down about
        across after before between through within without toward towards upon new one two three first second third
        https http www com org html arxiv github huggingface png jpg jpeg gif svg mp4 img src alt href io et al vs etc ie eg
        paper approach method methods propose proposed proposes show shows present presents introduce introduces
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    // Words: letters and digits, joined inside by a hyphen, dot, apostrophe or plus (LLaVA-1.5, GPT-4o, don't, C++ stays C).
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-.'’+][\p{L}\p{N}]+)*")]
    private static partial Regex Words();

    // Links, images, TeX commands and markup: no terms, and a phrase ends at them.
    [GeneratedRegex(@"https?://\S+|www\.\S+|\\[A-Za-z]+|[*_`#>|]")]
    private static partial Regex Noise();

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z]+?)-?(?<version>\d+(?:\.\d+)*[a-z]?)(?:[-_].*)?$")]
    private static partial Regex NameVersion();

    [GeneratedRegex(@"^(?<major>\d+)(?:\.\d+)*[a-z]?$")]
    private static partial Regex Version();

    // A model's size or a count (7B, 1.5T, 100K): no term, and a phrase ends at it.
    [GeneratedRegex(@"^\d+(\.\d+)?[BMKTbmkt]$")]
    private static partial Regex Size();

    [GeneratedRegex(@"(ss|us|is|ics|ous|sis)$", RegexOptions.IgnoreCase)]
    private static partial Regex PluralExceptions();
}
