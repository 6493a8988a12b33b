using DailyPapers.Web.Pages.Search;

namespace DailyPapers.Web.Tests.Pages.Search;

/// <summary>Highlighting marks what was searched and costs the same on a huge summary as on a real one.</summary>
public sealed class HighlighterTests
{
    [Fact]
    public void A_snippet_marks_the_terms_in_a_window_around_the_first_match()
    {
        var html = Highlighter.Snippet("이 논문은 새로운 확산 모델을 제안한다.\n확산 모델은 영상 생성에 쓰인다.", ["확산"]);

        html.Should().Contain("<mark>확산</mark> 모델을").And.Contain("제안한다. <mark>확산</mark> 모델은", "lines run together");
    }

    [Fact]
    public void A_huge_summary_full_of_matches_is_highlighted_in_bounded_time()
    {
        var huge = string.Concat(Enumerable.Repeat("model diffusion model ", 500_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var html = Highlighter.Snippet(huge, ["model", "diffusion"]);
        var title = Highlighter.Title(huge, ["model"]);

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "only a bounded part of the text is read");
        html.Length.Should().BeLessThan(2000);
        html.Should().Contain("<mark>model</mark>");
        title.Length.Should().BeLessThan(Highlighter.MaxText * 3, "a title is read up to the bound, marks included");
    }
}
