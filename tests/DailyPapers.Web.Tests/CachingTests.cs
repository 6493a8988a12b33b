using System.Net;
using System.Net.Http.Headers;

namespace DailyPapers.Web.Tests;

[Collection(SharedApp.Name)]
public sealed class CachingTests(AppFactory app)
{
    [Fact]
    public async Task Pages_carry_an_etag_tied_to_the_data_and_answer_304_while_it_holds()
    {
        using var client = app.CreateClient();
        using var first = await client.GetAsync(new Uri("/days/2024-01-17", UriKind.Relative));
        var etag = first.Headers.ETag;
        etag.Should().NotBeNull();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/days/2024-01-17");
        request.Headers.IfNoneMatch.Add(etag!);
        using var second = await client.SendAsync(request);

        second.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Responses_are_compressed_when_the_client_accepts_it()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/top?period=all");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        using var response = await client.SendAsync(request);

        response.Content.Headers.ContentEncoding.Should().Contain("br");
    }
}
