using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>Which addresses are a paper's code or project page, how two spellings of one are told apart, and how they are stored.</summary>
public sealed class CodeLinkTests
{
    [Theory]
    [InlineData("https://github.com/facebookresearch/pearl")]
    [InlineData("https://github.com/X-PLUG/mPLUG-DocOwl/tree/main/DocOwl1.5")]
    [InlineData("http://www.github.com/a/b")]
    [InlineData("https://GitHub.com/a/b.git")]
    [InlineData("https://gitlab.com/group/subgroup/project")]
    [InlineData("https://bitbucket.org/owner/repo")]
    [InlineData("https://gitee.com/mindspore/models/tree/master/research/cv/TinySAM")]
    [InlineData("https://codeberg.org/owner/repo")]
    public void A_repository_on_a_code_host_is_code(string url)
    {
        CodeLinks.Classify(url).Should().Be(new CodeLink(url, CodeLinkKind.Code));
    }

    [Theory]
    [InlineData("https://pearlagent.github.io")]
    [InlineData("https://nvlabs.github.io/FoundationPose/")]
    [InlineData("http://rt-sketch.github.io")]
    [InlineData("https://Image-Dream.github.io")]
    [InlineData("https://group.gitlab.io/project/")]
    public void A_page_of_github_or_gitlab_pages_is_a_project_page(string url)
    {
        CodeLinks.Classify(url).Should().Be(new CodeLink(url, CodeLinkKind.Project));
    }

    [Theory]
    [InlineData("https://huggingface.co/spaces/owner/demo")]
    [InlineData("https://huggingface.co/owner/model")]
    [InlineData("https://hf.co/datasets/owner/set")]
    [InlineData("https://arxiv.org/abs/2401.08541")]
    [InlineData("https://www.youtube.com/watch?v=x")]
    [InlineData("https://sites.google.com/view/project")]
    [InlineData("https://jerryxu.net/PixelLLM")]
    [InlineData("https://notgithub.com/a/b")]
    [InlineData("https://github.com.evil.example/a/b")]
    [InlineData("https://github.io/a")]
    [InlineData("https://github.com/owner")]
    [InlineData("https://github.com/")]
    [InlineData("https://github.com/topics/diffusion")]
    [InlineData("https://github.com/orgs/owner/repositories")]
    [InlineData("ftp://github.com/a/b")]
    [InlineData("javascript:alert(1)//github.com/a/b")]
    [InlineData("https://user:secret@github.com/a/b")]
    [InlineData("github.com/a/b")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_addresses_are_neither(string? url)
    {
        CodeLinks.Classify(url).Should().BeNull();
    }

    [Fact]
    public void A_fragment_is_dropped_and_the_rest_kept_as_written()
    {
        CodeLinks.Classify("http://GitHub.com/Owner/Repo?tab=readme#readme").Should().Be(new CodeLink("http://GitHub.com/Owner/Repo?tab=readme", CodeLinkKind.Code));
        CodeLinks.Classify("https://x.github.io/#/demo").Should().Be(new CodeLink("https://x.github.io/", CodeLinkKind.Project));
    }

    [Fact]
    public void Spellings_of_one_link_count_once_the_first_one_kept_in_order()
    {
        var links = CodeLinks.Of(
        [
            "https://x.github.io/", "https://huggingface.co/spaces/a/b", "https://github.com/a/b", "http://github.com/a/b/",
            "https://GITHUB.com/a/b#readme", "https://X.github.io", "https://github.com/a/c", "https://github.com/A/b",
        ]);

        links.Should().Equal(
            new CodeLink("https://x.github.io/", CodeLinkKind.Project),
            new CodeLink("https://github.com/a/b", CodeLinkKind.Code),
            new CodeLink("https://github.com/a/c", CodeLinkKind.Code),
            // A path's case is the host's to decide: only the host's case is ignored.
            new CodeLink("https://github.com/A/b", CodeLinkKind.Code));
    }

    [Fact]
    public void Links_are_stored_as_json_and_none_as_null()
    {
        IReadOnlyList<CodeLink> links = [new("https://github.com/a/b", CodeLinkKind.Code), new("https://x.github.io", CodeLinkKind.Project)];

        var json = CodeLinks.ToJson(links);

        json.Should().Be("""[{"url":"https://github.com/a/b","kind":"code"},{"url":"https://x.github.io","kind":"project"}]""");
        CodeLinks.FromJson(json).Should().Equal(links);
        CodeLinks.ToJson([]).Should().BeNull();
        CodeLinks.FromJson(null).Should().BeEmpty();
    }
}
