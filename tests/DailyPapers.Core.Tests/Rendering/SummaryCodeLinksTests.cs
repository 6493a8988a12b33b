using DailyPapers.Core.Parsing;
using DailyPapers.Core.Rendering;
using DailyPapers.Testing;

namespace DailyPapers.Core.Tests.Rendering;

/// <summary>
/// A summary's code and project links, on the shapes the digests write them in: glued to Korean, in parentheses and
/// quotes, at a sentence's end, as markdown links, without a scheme, and twice.
/// </summary>
public sealed class SummaryCodeLinksTests
{
    [Theory]
    [InlineData("- 코드는 https://github.com/sh-lee-prml/HierSpeechpp에서 확인 가능합니다.", "https://github.com/sh-lee-prml/HierSpeechpp")]
    [InlineData("- 코드는 곧 공개될 예정이며 (https://github.com/YuchuanTian/RethinkTinyLM), 이는 중요한 기여다.", "https://github.com/YuchuanTian/RethinkTinyLM")]
    [InlineData("- 저장소(https://github.com/Scientific-Computing-Lab-NRCN/MPI-rigen)에서 공개.", "https://github.com/Scientific-Computing-Lab-NRCN/MPI-rigen")]
    [InlineData("- 코드는 https://github.com/a/b.에서 볼 수 있다.", "https://github.com/a/b")]
    [InlineData("- 코드: https://github.com/facebookresearch/schedule_free.", "https://github.com/facebookresearch/schedule_free")]
    [InlineData("- 코드는 https://github.com/hutaiHang/Faster-Diffusion{FasterDiffusion}에서 공개.", "https://github.com/hutaiHang/Faster-Diffusion")]
    [InlineData("- 결과는 'https://github.com/junwuzhang19/repaint123'에서 볼 수 있다.", "https://github.com/junwuzhang19/repaint123")]
    [InlineData("- 코드는https://github.com/a/b에서 공개.", "https://github.com/a/b")]
    [InlineData("- 코드와 모델은 github.com/Tencent/HunyuanDiT에서 공개적으로 제공된다.", "https://github.com/Tencent/HunyuanDiT")]
    [InlineData("- RAFT의 코드는 'github.com/ShishirPatil/gorilla'에서 오픈 소스로 제공된다.", "https://github.com/ShishirPatil/gorilla")]
    [InlineData("- 코드는 'github.com/owner/my_repo_name'에서.", "https://github.com/owner/my_repo_name")]
    [InlineData("- 더 많은 정보는 [여기](https://github.com/wyysf-98/CraftsMan).", "https://github.com/wyysf-98/CraftsMan")]
    [InlineData("- 코드: <https://github.com/a/b>", "https://github.com/a/b")]
    [InlineData("- 코드는 https://github.com/a/b#readme 에 있다.", "https://github.com/a/b")]
    public void A_repository_is_cut_where_the_summary_ends_its_link(string markdown, string url)
    {
        SummaryCodeLinks.Of(markdown).Should().Equal(new CodeLink(url, CodeLinkKind.Code));
    }

    [Theory]
    [InlineData("- PhotoMaker 프로젝트 페이지는 https://photo-maker.github.io/ 에서 확인할 수 있다.", "https://photo-maker.github.io/")]
    [InlineData("- 프로젝트 웹페이지: https://chain-of-code.github.io/.", "https://chain-of-code.github.io/")]
    [InlineData("- 자세한 내용은 https://dreamtuner-diffusion.github.io/에서 확인할 수 있다.", "https://dreamtuner-diffusion.github.io/")]
    [InlineData("- 결과는 https://ziplora.github.io)에서 볼 수 있다.", "https://ziplora.github.io")]
    [InlineData("- 프로젝트 페이지: instantsplat.github.io.", "https://instantsplat.github.io")]
    [InlineData("- 프로젝트 웹사이트는 vid2robot.github.io 에서 확인할 수 있다.", "https://vid2robot.github.io")]
    [InlineData("- 페이지: [https://bridge-tts.github.io/](https://bridge-tts.github.io/)", "https://bridge-tts.github.io/")]
    public void A_github_io_page_is_a_project_page(string markdown, string url)
    {
        SummaryCodeLinks.Of(markdown).Should().Equal(new CodeLink(url, CodeLinkKind.Project));
    }

    [Fact]
    public void Each_link_counts_once_in_the_summarys_order()
    {
        const string markdown = """
            - Pearl은 Github에서 오픈 소스로 제공되며(https://github.com/facebookresearch/pearl), 공식 웹사이트는 https://pearlagent.github.io 에 위치하고 있습니다.
            - 다시 말해 [코드](https://github.com/facebookresearch/pearl/)와 http://pearlagent.github.io/ 입니다.
            - 데모: https://huggingface.co/spaces/a/b, 또 다른 저장소: https://gitlab.com/group/tool
            """;

        SummaryCodeLinks.Of(markdown).Should().Equal(
            new CodeLink("https://github.com/facebookresearch/pearl", CodeLinkKind.Code),
            new CodeLink("https://pearlagent.github.io", CodeLinkKind.Project),
            new CodeLink("https://gitlab.com/group/tool", CodeLinkKind.Code));
    }

    [Theory]
    [InlineData("- 데모는 https://huggingface.co/spaces/owner/demo 에서 볼 수 있다.")]
    [InlineData("- 모델은 https://huggingface.co/Tyrannosaurus/TinyGPT-V). 에 있다.")]
    [InlineData("- 영상: https://www.youtube.com/watch?v=abc, 웹사이트: https://sliders.baulab.info/")]
    [InlineData("- 논문은 https://arxiv.org/abs/2401.08541 이다.")]
    [InlineData("- 코드는 GitHub에서 공개된다.")]
    [InlineData("- 저자는 https://github.com/owner 에서 활동한다.")]
    [InlineData("- ![그림](https://github.com/a/b/raw/main/teaser.png)")]
    [InlineData("- [https://github.com/a/b](https://example.com/elsewhere)")]
    [InlineData("- `https://github.com/a/b` 는 코드 안의 글자일 뿐이다.")]
    [InlineData("- [x](javascript:alert('github.com/a/b'))")]
    [InlineData("")]
    public void A_summary_without_code_links_has_none(string markdown)
    {
        SummaryCodeLinks.Of(markdown).Should().BeEmpty();
    }

    [Fact]
    public void The_ingest_finds_them_in_the_files_tree()
    {
        const string digest = """
            ## Daily Papers (2024-05-01)

            ### [A Paper](https://arxiv.org/abs/2405.00001)

            Vote: 3

            - 코드는 https://github.com/a/b에서, 프로젝트 페이지는 https://a.github.io/b/.

            ### [Another Paper](https://arxiv.org/abs/2405.00002)

            - 데모는 https://huggingface.co/spaces/a/b 에 있다.

            """;

        var papers = TestDigests.ParseAndRender(digest, "d.md").Days.Single().Papers;

        papers[0].CodeLinks.Should().Equal(new CodeLink("https://github.com/a/b", CodeLinkKind.Code), new CodeLink("https://a.github.io/b/", CodeLinkKind.Project));
        papers[1].CodeLinks.Should().BeEmpty();
    }

    /// <summary>
    /// Rows stored before links were kept get theirs from their markdown (Ingestion/CodeLinkRows): for every corpus paper
    /// that gives the links the ingest finds in the file's own tree, and every link the summary's HTML holds is among them.
    /// </summary>
    [CorpusFact]
    public void For_every_corpus_summary_the_stored_markdown_gives_the_links_the_ingest_finds()
    {
        var withLinks = 0;
        foreach (var file in Directory.GetFiles(TestPaths.Corpus, "*.md", SearchOption.AllDirectories))
        {
            foreach (var paper in TestDigests.ParseAndRender(File.ReadAllText(file), Path.GetFileName(file)).Days.SelectMany(d => d.Papers))
            {
                SummaryCodeLinks.Of(paper.SummaryMarkdown).Should().Equal(paper.CodeLinks, $"{Path.GetFileName(file)}:{paper.Line} ({paper.ArxivId})");
                var linked = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(paper.SummaryHtml).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href"));
                CodeLinks.Of(linked).Select(l => l.Url).Should().BeSubsetOf(paper.CodeLinks.Select(l => l.Url), $"{paper.ArxivId}'s summary links them");
                withLinks += paper.CodeLinks.Count > 0 ? 1 : 0;
            }
        }

        withLinks.Should().BeGreaterThan(300);
    }
}
