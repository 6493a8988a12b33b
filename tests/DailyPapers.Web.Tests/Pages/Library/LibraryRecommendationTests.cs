using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace DailyPapers.Web.Tests.Pages.Library;

/// <summary>
/// Recommendations from a library (issue 30, part 4) on an archive of two topics and two unrelated papers: the papers
/// of a topic the reader saved come first, never a saved paper; with a tag, the tag's topic.
/// </summary>
public sealed class LibraryRecommendationTests : IDisposable
{
    private static readonly (string Id, string Title, string Summary)[] Papers =
    [
        ("2405.00001", "Monocular Depth Estimation with Diffusion Priors", "단안 깊이 추정(monocular depth estimation)을 확산 사전으로 풀어 깊이 지도와 disparity를 예측합니다."),
        ("2405.00002", "Metric Depth from a Single Image", "한 장의 이미지에서 미터 단위 깊이(metric depth)를 추정하는 monocular depth 모델입니다."),
        ("2405.00003", "Depth Anything at Scale", "대규모 데이터로 학습한 monocular depth estimation 모델로 깊이 지도를 정확히 예측합니다."),
        ("2405.00004", "Panoramic Depth Estimation by Distillation", "360도 파노라마의 깊이 추정(depth estimation)을 monocular depth 모델에서 증류합니다."),
        ("2405.00005", "Streaming Speech Recognition for Meetings", "회의 음성 인식(speech recognition)을 스트리밍으로 처리해 transcription 오류를 줄입니다."),
        ("2405.00006", "Whisper-style Multilingual Speech Transcription", "다국어 음성 전사(speech transcription)와 speech recognition을 한 모델로 합니다."),
        ("2405.00007", "Noise-robust Speech Recognition", "잡음 속 음성 인식(speech recognition) 성능을 높이는 transcription 모델입니다."),
        ("2405.00008", "Low-resource Speech Transcription", "자원이 적은 언어의 speech transcription과 speech recognition을 다룹니다."),
        ("2405.00009", "Protein Folding with Language Models", "단백질 구조 예측(protein folding)을 언어 모델로 합니다."),
        ("2405.00010", "Robotic Grasping in Clutter", "복잡한 환경에서 로봇 파지(robotic grasping)를 학습합니다."),
    ];

    private readonly AppFactory _app;

    public LibraryRecommendationTests()
    {
        _app = new AppFactory();
        foreach (var file in Directory.GetFiles(_app.DataDirectory))
        {
            File.Delete(file);
        }

        var text = new StringBuilder("## Daily Papers (2024-05-02)\n\n");
        foreach (var (id, title, summary) in Papers)
        {
            text.Append(CultureInfo.InvariantCulture, $"### [{title}](https://arxiv.org/abs/{id})\n\nVote: 5\n\nAuthors: Ann Lee\n\n- {summary}\n\n");
        }

        File.WriteAllText(Path.Combine(_app.DataDirectory, "2024-05-02.md"), text.ToString());
    }

    public void Dispose() => _app.Dispose();

    private static async Task<List<string>> RecommendedAsync(LibraryClient library, string key, string? tag = null)
    {
        using var response = await library.Http.GetAsync(new Uri($"/api/libraries/{key}/recommendations" + (tag is null ? "" : "?tag=" + tag), UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        LibraryClient.ShouldBePrivate(response);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var papers = body.RootElement.GetProperty("papers").EnumerateArray().ToList();
        papers.Select(p => p.GetProperty("score").GetDouble()).Should().BeInDescendingOrder();
        return [.. papers.Select(p => p.GetProperty("paper").GetProperty("arxivId").GetString()!)];
    }

    [Fact]
    public async Task The_rest_of_a_saved_topic_comes_first_and_a_tag_narrows_it_to_its_own_topic()
    {
        var library = new LibraryClient(_app.CreateClient());
        var key = await library.CreateAsync();
        (await RecommendedAsync(library, key)).Should().BeEmpty("an empty library has nothing to go on");
        foreach (var id in (string[])["2405.00001", "2405.00002", "2405.00003"])
        {
            (await library.SaveAsync(key, id, new { tags = LibraryClient.Tags("depth") })).Dispose();
        }

        var depth = await RecommendedAsync(library, key);
        depth[0].Should().Be("2405.00004", "the one depth paper not saved is the closest");
        depth.Should().NotContain(["2405.00001", "2405.00002", "2405.00003"], "a saved paper is never recommended");

        foreach (var id in (string[])["2405.00005", "2405.00006"])
        {
            (await library.SaveAsync(key, id, new { tags = LibraryClient.Tags("speech") })).Dispose();
        }

        (await RecommendedAsync(library, key, "speech")).Take(2).Should().BeEquivalentTo(["2405.00007", "2405.00008"]);
        (await RecommendedAsync(library, key, "depth"))[0].Should().Be("2405.00004");
        (await RecommendedAsync(library, key)).Take(3).Should().BeEquivalentTo(["2405.00004", "2405.00007", "2405.00008"]);

        var page = await _app.GetPrivatePageAsync($"/library/{key}?tag=depth");
        page.Should().Contain("2405.00004");
    }
}
