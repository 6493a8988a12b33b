using DailyPapers.Core.Parsing;
using DailyPapers.Core.Search;

namespace DailyPapers.Core.Tests.Search;

/// <summary>
/// Counting a text's terms in place (what similar papers store for every paper) gives exactly the terms the search
/// index's token string yields (<see cref="SearchText.Terms"/>), in the same order, whatever the text.
/// </summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("언어모델을 LLaMA-3로 StableDiffusion")]
    [InlineData("GPT4o와 GPT-4o, LLaMA 3, Llama-3.1 및 Qwen2.5-VL-7B를 비교합니다.")]
    [InlineData("https://github.com/foo/BarBaz에서 코드를 공개했습니다")]
    [InlineData("XMLHttpRequest, iPhone15, ResNet50v2, 3DGS, x2, a b c, 가 나, 가나")]
    [InlineData("İstanbul ÉCOLE straße Σίσυφος ǅemal ﬁne ½ ²³ 🙂 \U0001D400")]
    [InlineData("ㄱㄴ ᄀᄁ 한ㄱ글 $\\mathcal{O}(n^2)$ <video src=\"a.mp4\"></video>")]
    [InlineData("가\u3130나 \u318F한국 ㄱ\u3130")]
    public void Counting_in_place_finds_the_terms_the_index_tokens_give_in_their_order(string text) =>
        Counted(text).Should().Equal(Expected(text));

    [Fact]
    public void Counting_in_place_agrees_on_thousands_of_generated_texts()
    {
        const string alphabet = "aZbYqQ09 -_.,:/\t\n가나다라한국어모델ㄱㅏᄀ\u3130\u318FİéΣσßǅﬁ½LLaMA-3 GPT4o x2 StableDiffusion XMLHttp 🙂";
        var random = new Random(11);
        for (var round = 0; round < 5000; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Counted(text).Should().Equal(Expected(text), $"for \"{text}\"");
        }
    }

    [DailyPapers.Testing.CorpusFact]
    public void Counting_in_place_agrees_on_every_corpus_title_and_summary()
    {
        var texts = Directory.GetFiles(TestPaths.Corpus, "*.md", SearchOption.AllDirectories)
            .SelectMany(f => DigestParser.Parse(File.ReadAllText(f), f).Days.SelectMany(d => d.Papers))
            .SelectMany(p => new[] { p.Title, p.SummaryMarkdown })
            .ToList();

        texts.Should().HaveCountGreaterThan(3000);
        foreach (var text in texts)
        {
            Counted(text).Should().Equal(Expected(text));
        }
    }

    [Fact]
    public void A_pool_of_terms_gives_each_distinct_term_one_string()
    {
        var pool = new HashSet<string>(StringComparer.Ordinal);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var second = new Dictionary<string, int>(StringComparer.Ordinal);

        SearchText.CountTerms("언어 모델 diffusion", first, 1, pool);
        SearchText.CountTerms("diffusion 언어 모델 모델", second, 2, pool);

        second.Should().Equal(new Dictionary<string, int> { ["diffusion"] = 2, ["언어"] = 2, ["모델"] = 4 });
        second.Keys.Should().OnlyContain(k => ReferenceEquals(k, first.Keys.Single(f => f == k)));
    }

    private static List<KeyValuePair<string, int>> Counted(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        SearchText.CountTerms(text, counts, 1, null);
        return [.. counts];
    }

    private static List<KeyValuePair<string, int>> Expected(string text) =>
        [.. SearchText.Terms(text).GroupBy(t => t, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Count()))];
}
