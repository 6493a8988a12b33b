using System.Net;

namespace DailyPapers.Web.Tests;

/// <summary>
/// HTTP by the book on every route: GET and HEAD answer alike, other methods 405 with Allow, and no method, header or
/// path makes the server fail (no 5xx).
/// </summary>
[Collection(SharedApp.Name)]
public sealed class HttpSemanticsTests(AppFactory app)
{
    private static readonly string[] Routes =
    [
        "/", "/days", "/days/2024-01-17", "/days/2024-01-18", "/days/not-a-date", "/weeks/2024-W03", "/months/2024-01", "/papers/2401.08541",
        "/papers/x", "/papers/hep-th/9901001", "/top", "/top?period=all", "/top?period=forever", "/authors", "/authors?q=wang",
        "/authors/xintao-wang", "/authors/nobody", "/search?q=%EB%AA%A8%EB%8D%B8", "/search?q=", "/api/days", "/api/days/2024-01-17",
        "/api/papers/2401.08541", "/api/papers/x", "/api/top?period=week", "/api/authors?q=kolle", "/api/authors/xintao-wang",
        "/api/search?q=video", "/api/nothing", "/prefs?theme=dark&return=/", "/no/such/page", "/api", "/openapi/v1.json", "/robots.txt",
        "/sitemap.xml", "/sitemaps/days-0.xml", "/sitemaps/months.xml", "/sitemaps/papers-0.xml", "/sitemaps/papers-9.xml", "/opensearch.xml",
    ];

    private static readonly string[] OtherMethods = ["POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"];

    public static TheoryData<string> AllRoutes => [.. Routes];

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Head_answers_like_get(string route)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var get = await client.GetAsync(new Uri(route, UriKind.Relative));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, route));

        // Kestrel sends no body for HEAD (the in-memory test server does not drop it); status and headers must agree.
        head.StatusCode.Should().Be(get.StatusCode, $"HEAD {route}");
        head.Content.Headers.ContentType?.MediaType.Should().Be(get.Content.Headers.ContentType?.MediaType);
        ((int)get.StatusCode).Should().BeLessThan(500);
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Other_methods_answer_405_naming_the_allowed_ones(string route)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var method in OtherMethods)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = new StringContent("x=1") };
            using var response = await client.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed, $"{method} {route}");
            response.Content.Headers.Allow.Should().Contain(["GET", "HEAD"]);
        }
    }

    [Theory]
    [InlineData("If-None-Match", "\"unterminated")]
    [InlineData("If-None-Match", "*")]
    [InlineData("If-None-Match", "W/\"a\", , W/\"b\"")]
    [InlineData("Accept-Encoding", "br;q=abc, gzip;q=-1, *;q=2")]
    [InlineData("Accept", "application/json;;;q=")]
    [InlineData("Cookie", "dp-theme=<script>; dp-density=%00%ff")]
    [InlineData("Range", "bytes=99999999-0")]
    [InlineData("Accept-Language", "ko-KR;q=nan")]
    public async Task Hostile_headers_never_make_the_server_fail(string header, string value)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var route in Routes)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, route);
            request.Headers.TryAddWithoutValidation(header, value);
            using var response = await client.SendAsync(request);

            ((int)response.StatusCode).Should().BeLessThan(500, $"GET {route} with {header}: {value}");
        }
    }
}
