using System.Globalization;
using System.Text;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Search;

namespace DailyPapers.Core.Tests.Search;

/// <summary>
/// Relevance cuts a paper's fields in place (<see cref="IndexWords"/>) and must count exactly the words the index keeps:
/// the words of the index's token string (<see cref="SearchText.IndexTokens"/>), each folded as PostgreSQL's vector
/// folds it, in the same order, whatever the text.
/// </summary>
public sealed class IndexWordsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("언어모델을 LLaMA-3로 StableDiffusion")]
    [InlineData("GPT4o와 GPT-4o, LLaMA 3, Llama-3.1 및 Qwen2.5-VL-7B를 비교합니다.")]
    [InlineData("https://github.com/foo/BarBaz에서 코드를 공개했습니다")]
    [InlineData("XMLHttpRequest, iPhone15, ResNet50v2, 3DGS, x2, a b c, 가 나, 가나")]
    [InlineData("İstanbul ÉCOLE straße Σίσυφος ǅemal ﬁne ½ ²³ 🙂 \U0001D400 Kölle naïve")]
    [InlineData("ㄱㄴ ᄀᄁ 한ㄱ글 $\\mathcal{O}(n^2)$ <video src=\"a.mp4\"></video>")]
    [InlineData("가\u3130나 \u318F한국 ㄱ\u3130 \u3130 \u3130\u318F")]
    public void Cutting_in_place_finds_the_words_of_the_index_tokens_in_their_order(string text) =>
        Cut(text).Should().Equal(Expected(text));

    [Fact]
    public void Cutting_in_place_agrees_on_thousands_of_generated_texts()
    {
        const string alphabet = "aZbYqQ09 -_.,:/\t\n가나다라한국어모델ㄱㅏᄀ\u3130\u318FİéÉΣσßǅﬁ½LLaMA-3 GPT4o x2 StableDiffusion XMLHttp 🙂";
        var random = new Random(29);
        var words = new IndexWords();
        for (var round = 0; round < 5000; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 120)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Cut(text, words).Should().Equal(Expected(text), $"for \"{text}\"");
        }
    }

    [DailyPapers.Testing.CorpusFact]
    public void Cutting_in_place_agrees_on_every_corpus_field_as_the_index_reads_it()
    {
        var fields = Directory.GetFiles(TestPaths.Corpus, "*.md", SearchOption.AllDirectories)
            .SelectMany(f => DigestParser.Parse(File.ReadAllText(f), f).Days.SelectMany(d => d.Papers))
            .Select(p => SearchRow.Texts(p.Title, p.SummaryMarkdown, string.Join(", ", p.Authors)))
            .SelectMany(t => new[] { t.Title, t.Summary, t.Authors })
            .ToList();

        fields.Should().HaveCountGreaterThan(4500);
        var words = new IndexWords();
        foreach (var text in fields)
        {
            Cut(text, words).Should().Equal(Expected(text));
        }
    }

    [Fact]
    public void The_vector_holds_the_words_cut_in_place()
    {
        const string title = "LLaMA-3 Meets StableDiffusion";
        var vector = SearchVector.Of(title, "", "");

        // LLaMA's parts are L, La and MA (a capital before a capital and a small letter starts a part).
        Cut(title).Should().Equal("llama", "3", "meets", "stablediffusion", "l", "la", "ma", "stable", "diffusion", "llama3");
        vector.Should().Be("'3':2A 'diffusion':9A 'l':5A 'la':6A 'llama':1A 'llama3':10A 'ma':7A 'meets':3A 'stable':8A 'stablediffusion':4A");
    }

    private static List<string> Cut(string text, IndexWords? words = null)
    {
        words = (words ?? new IndexWords()).Cut(text);
        return [.. Enumerable.Range(0, words.Count).Select(i => words[i].ToString())];
    }

    /// <summary>The words as the vector took them before they were cut in place: the token string's runs, folded one by one.</summary>
    private static List<string> Expected(string text)
    {
        var tokens = SearchText.IndexTokens(text);
        return [.. SearchText.TermRanges(tokens, minLength: 1).Select(r => Fold(tokens.Substring(r.Start, r.Length)))];
    }

    private static string Fold(string word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            var lower = char.ToLowerInvariant(c);
            if (lower < '\u00C0' || SearchText.IsHangul(lower))
            {
                folded.Append(lower);
                continue;
            }

            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            folded.Append(decomposed.Length > 1 && char.IsLetter(decomposed[0]) && decomposed.Skip(1).All(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.NonSpacingMark)
                ? decomposed[0]
                : lower);
        }

        return folded.ToString();
    }
}
