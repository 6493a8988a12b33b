using DailyPapers.Core.Rendering;

namespace DailyPapers.Core.Tests.Rendering;

public sealed class SummaryRendererTests
{
    [Theory]
    [InlineData("- 코드는 https://github.com/sh-lee-prml/HierSpeechpp에서 확인 가능합니다.", "https://github.com/sh-lee-prml/HierSpeechpp", "에서 확인")]
    [InlineData("- 자세한 내용은 https://dreamtuner-diffusion.github.io/에서 확인할 수 있다.", "https://dreamtuner-diffusion.github.io/", "에서 확인")]
    [InlineData("- 공개: https://www.modelscope.cn/models/damo/summary{ModelScope}에서 공개.", "https://www.modelscope.cn/models/damo/summary", "{ModelScope}에서")]
    [InlineData("- 코드는 https://github.com/a/b.에서 볼 수 있다.", "https://github.com/a/b", ".에서")]
    public void Bare_urls_stop_where_the_korean_text_begins(string markdown, string href, string textAfter)
    {
        var html = SummaryRenderer.ToHtml(markdown);

        html.Should().Contain($"<a href=\"{href}\" rel=\"nofollow noopener\">{href}</a>{textAfter}");
    }

    [Theory]
    [InlineData("- HierSpeech++는 계층적 음성 합성 프레임워크를 적용하여", "HierSpeech++는")]
    [InlineData("- C++와 REINFORCE++, ScanNet++를 비교한다.", "C++와 REINFORCE++, ScanNet++를")]
    [InlineData("- 10^3배 빠르고 2^10개의 토큰을 쓴다.", "10^3배 빠르고 2^10개의")]
    [InlineData("- 6~12개의 단계와 3~5초의 지연", "6~12개의 단계와 3~5초의")]
    [InlineData("- a == b 이고 x ~= y 이다.", "a == b 이고 x ~= y 이다.")]
    [InlineData("- 비용은 $5에서 $10 사이이다.", "$5에서 $10 사이이다.")]
    public void Symbols_the_digests_write_as_text_stay_text(string markdown, string visible)
    {
        var html = SummaryRenderer.ToHtml(markdown);

        html.Should().Contain(visible).And.NotContain("<ins>").And.NotContain("<sup>").And.NotContain("<sub>").And.NotContain("<mark>").And.NotContain("<del>");
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JAVASCRIPT:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    public void Unsafe_links_render_as_text(string markdown)
    {
        var html = SummaryRenderer.ToHtml(markdown);

        html.Should().NotContain("href=").And.NotContain("src=");
    }

    [Theory]
    [InlineData("- ![A & B](javascript:alert(1)) 끝", "<li>A &amp; B 끝</li>")]
    [InlineData("- ![그림 **굵게** `c<d`](javascript:x)와 [x & y](javascript:z)", "<li>그림 굵게 c&lt;d와 x &amp; y</li>")]
    [InlineData("- ![R&amp;D](data:image/png;base64,AA==)", "<li>R&amp;D</li>")]
    public void An_image_with_an_unsafe_source_becomes_its_description_once_escaped_once(string markdown, string expected)
    {
        SummaryRenderer.ToHtml(markdown).ReplaceLineEndings("").Should().Contain(expected);
    }

    [Fact]
    public void Image_descriptions_are_escaped_once()
    {
        SummaryRenderer.ToHtml("- ![A &amp; B <x> \"q\"](https://example.org/a.png)").Should().Contain("alt=\"A &amp; B &lt;x&gt; &quot;q&quot;\"");
    }

    [Fact]
    public void Raw_html_renders_as_text()
    {
        var html = SummaryRenderer.ToHtml("<script>alert(1)</script>\n\n- a <b onclick=x>b</b>");

        html.Should().NotContain("<script").And.NotContain("<b ").And.Contain("&lt;script&gt;");
    }

    [Fact]
    public void Safe_links_and_images_keep_their_targets()
    {
        var html = SummaryRenderer.ToHtml("[arXiv](https://arxiv.org/abs/2401.08541) ![](https://example.org/a.png) <mailto:a@example.org>");

        html.Should().Contain("href=\"https://arxiv.org/abs/2401.08541\"").And.Contain("src=\"https://example.org/a.png\"").And.Contain("loading=\"lazy\"").And.Contain("mailto:a@example.org");
    }
}
