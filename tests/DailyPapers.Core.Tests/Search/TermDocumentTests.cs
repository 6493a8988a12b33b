using DailyPapers.Core.Search;

namespace DailyPapers.Core.Tests.Search;

/// <summary>A paper's term counts for similar papers: cut once from its title and summary, stored and read back alike.</summary>
public sealed class TermDocumentTests
{
    [Fact]
    public void A_document_counts_the_search_terms_of_the_title_twice_and_of_the_summary_once_in_text_order()
    {
        var document = TermDocument.Cut("Video Diffusion 모델", "- 비디오 diffusion 모델을 제안합니다.");

        document.Terms.Should().Equal(
            ("video", 2), ("diffusion", 3), ("모델", 3), ("비디", 1), ("디오", 1), ("델을", 1), ("제안", 1), ("안합", 1), ("합니", 1), ("니다", 1));
    }

    [Fact]
    public void A_document_is_what_the_search_cutter_counts_and_reads_back_from_its_stored_form()
    {
        const string title = "LLaMA-3 meets StableDiffusion: 언어모델을 위한 GPT4 평가";
        const string summary = "- 언어 모델 LLaMA 3 평가를 위해 Stable Diffusion 을 씁니다.\n- llama3, GPT-4o 비교.";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        SearchText.CountTerms(title, counts, TermDocument.TitleWeight, null);
        SearchText.CountTerms(summary, counts, 1, null);

        var document = TermDocument.Cut(title, summary);
        var stored = TermDocument.Stored(document.Text);

        var expected = counts.Select(c => (c.Key, c.Value)).ToList();
        document.Terms.Should().Equal(expected);
        stored.Should().Be(document);
        stored.Terms.Should().Equal(expected);
        TermDocument.Of(document.Terms).Text.Should().Be(document.Text);
        document.Text.Should().Be(string.Join('\n', counts.Select(c => $"{c.Key}\t{c.Value}")), "the stored form stays a line of term TAB count per term");
    }

    [Fact]
    public void Cutting_on_many_threads_at_once_gives_what_cutting_one_by_one_gives()
    {
        var texts = Enumerable.Range(0, 400)
            .Select(i => ($"Paper {i} on topic{i % 17} 모델{i % 5}", $"- 요약 {i}: diffusion{i % 3} 언어 모델 agent{i % 11} 평가 {new string('가', i % 7 + 2)}"))
            .ToList();
        var one = texts.Select(t => TermDocument.Cut(t.Item1, t.Item2).Text).ToList();

        var parallel = new string[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = TermDocument.Cut(texts[i].Item1, texts[i].Item2).Text);

        parallel.Should().Equal(one);
    }

    [Fact]
    public void Equal_documents_are_equal_and_different_ones_are_not()
    {
        var document = TermDocument.Cut("Agents", "plan");

        document.Should().Be(TermDocument.Cut("Agents", "plan"));
        document.GetHashCode().Should().Be(TermDocument.Cut("Agents", "plan").GetHashCode());
        document.Should().NotBe(TermDocument.Cut("plan", "Agents"), "the title counts twice");
        document.Equals(null).Should().BeFalse();
    }
}
