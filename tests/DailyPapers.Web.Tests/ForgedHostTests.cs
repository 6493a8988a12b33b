using System.Net.Http.Headers;

namespace DailyPapers.Web.Tests;

/// <summary>
/// A forged Host header never reaches an absolute URL: not in the answer to the forged request, and not, through the
/// cache, in the answer to the next visitor.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class ForgedHostTests(AppFactory app)
{
    [Theory]
    [InlineData("/feeds/latest.atom")]
    [InlineData("/feeds/days/2024-04-02.json")]
    [InlineData("/papers/2404.00399")]
    [InlineData("/days/2024-04-02")]
    [InlineData("/")]
    public async Task A_forged_host_is_never_written_nor_served_to_the_next_visitor(string url)
    {
        using var client = app.CreateClient();
        using var forged = new HttpRequestMessage(HttpMethod.Get, url);
        forged.Headers.Host = "evil.example";
        using var forgedResponse = await client.SendAsync(forged);
        var forgedBody = await forgedResponse.Content.ReadAsStringAsync();

        using var normal = await client.GetAsync(new Uri(url, UriKind.Relative));
        var normalBody = await normal.Content.ReadAsStringAsync();

        forgedBody.Should().NotContain("evil.example");
        normalBody.Should().NotContain("evil.example").And.Contain("http://localhost/", "a loopback host may use its own origin");
    }
}
