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
    public void A_huge_summary_full_of_matches_is_highlighted_from_a_bounded_part_of_it()
    {
        var huge = string.Concat(Enumerable.Repeat("model diffusion model ", 500_000));
        var bounded = huge[..Highlighter.MaxText];

        var html = Highlighter.Snippet(huge, ["model", "diffusion"]);
        var title = Highlighter.Title(huge, ["model"]);

        // The same answer as for the first MaxText characters alone: nothing past them is looked at, however long the text.
        html.Should().Be(Highlighter.Snippet(bounded, ["model", "diffusion"]), "only a bounded part of the text is read");
        title.Should().Be(Highlighter.Title(bounded, ["model"]));
        html.Length.Should().BeLessThan(2000);
        html.Should().Contain("<mark>model</mark>");
        title.Length.Should().BeLessThan(Highlighter.MaxText * 3, "a title is read up to the bound, marks included");
    }
}
