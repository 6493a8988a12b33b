using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Web.Tests.ApiDocs;

/// <summary>
/// The API described: /openapi/v1.json documents every endpoint the app maps under /api (a new endpoint without its
/// description fails here) and nothing else, with the problem responses its handler can return; the /api page shows
/// each endpoint with an example that works.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class ApiDocsTests(AppFactory app)
{
    /// <summary>
    /// The routes the app maps under /api, as OpenAPI writes them ({**id} is {id}), with their handlers; not a reader's
    /// library, whose routes carry its secret key and are described in the README only.
    /// </summary>
    private List<(string Route, MethodInfo Handler)> ApiEndpoints()
    {
        using var client = app.CreateClient();
        return
        [
            .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal)
                    && !Web.Pages.Library.LibraryPaths.IsPrivate("/" + raw.TrimStart('/')))
                .Select(e => ("/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{**", "{", StringComparison.Ordinal), e.Metadata.GetMetadata<MethodInfo>()!)),
        ];
    }

    private async Task<JsonElement> GetDocumentAsync()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Code_links_and_the_code_filter_are_described()
    {
        var document = await GetDocumentAsync();
        var page = await app.GetDocumentAsync("/api");

        var search = document.GetProperty("paths").GetProperty("/api/search").GetProperty("get");
        search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Contain("code");
        var link = document.GetProperty("components").GetProperty("schemas").GetProperty("CodeLink");
        link.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Equal("url", "kind");
        document.GetProperty("components").GetProperty("schemas").GetProperty("CodeLinkKind").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("code", "project");
        page.QuerySelector("#api-search")!.ParentElement!.QuerySelectorAll("dt code").Select(c => c.TextContent).Should().Contain("code");
        page.QuerySelector("main")!.TextContent.Should().Contain("codeUrls");
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint_and_no_page()
    {
        var document = await GetDocumentAsync();
        var endpoints = ApiEndpoints();

        document.GetProperty("openapi").GetString().Should().StartWith("3.");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        endpoints.Should().HaveCountGreaterThanOrEqualTo(7);
        paths.Should().BeEquivalentTo(endpoints.Select(e => e.Route).Distinct(), "every /api endpoint is described, and only those");
        paths.Should().NotContain(["/api", "/", "/days/{date}", "/papers/{id}", "/robots.txt", "/sitemap.xml", "/healthz", "/prefs"]);
        document.GetProperty("servers")[0].GetProperty("url").GetString().Should().Be("http://localhost");
    }

    [Fact]
    public async Task Every_operation_has_a_summary_its_parameters_and_a_json_answer()
    {
        var document = await GetDocumentAsync();

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var get = path.Value.GetProperty("get");
            get.GetProperty("summary").GetString().Should().NotBeNullOrWhiteSpace(path.Name);
            get.GetProperty("operationId").GetString().Should().NotBeNullOrWhiteSpace(path.Name);
            get.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out var ok).Should().BeTrue(path.Name);
            ok.GetProperty("schema").GetProperty("$ref").GetString().Should().StartWith("#/components/schemas/", path.Name);
            var parameters = get.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
            foreach (var name in System.Text.RegularExpressions.Regex.Matches(path.Name, @"\{(\w+)\}").Select(m => m.Groups[1].Value))
            {
                parameters.Should().Contain(p => p.GetProperty("name").GetString() == name && p.GetProperty("in").GetString() == "path", $"{path.Name} names {{{name}}}");
            }

            parameters.Should().OnlyContain(p => p.GetProperty("description").GetString()!.Length > 0, $"every parameter of {path.Name} says what it means");
        }

        var day = document.GetProperty("paths").GetProperty("/api/days/{date}").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString())).ToList();
        day.Should().BeEquivalentTo([("date", "path"), ("page", "query")]);
    }

    [Fact]
    public async Task Every_problem_an_endpoint_can_return_is_declared_as_problem_details()
    {
        var document = await GetDocumentAsync();
        var paths = document.GetProperty("paths");

        foreach (var (route, handler) in ApiEndpoints())
        {
            var results = ResultTypes(handler.ReturnType);
            var responses = paths.GetProperty(route).GetProperty("get").GetProperty("responses");
            var declared = responses.EnumerateObject().Where(r => r.Name.StartsWith('4') || r.Name.StartsWith('5')).ToDictionary(r => r.Name, r => r.Value);
            foreach (var (status, response) in declared)
            {
                response.GetProperty("content").EnumerateObject().Select(c => c.Name).Should().Equal(["application/problem+json"], $"{route} answers {status} as problem details");
            }

            if (results.Contains(typeof(ValidationProblem)))
            {
                declared.Should().ContainKey("400", $"{route} can answer 400");
            }

            if (results.Contains(typeof(ProblemHttpResult)))
            {
                declared.Keys.Should().Contain(k => k != "400", $"{route} can answer another problem (404)");
            }
        }

        paths.GetProperty("/api/papers/{id}").GetProperty("get").GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().BeEquivalentTo(["200", "400", "404"]);
        paths.GetProperty("/api/search").GetProperty("get").GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().BeEquivalentTo(["200", "400"]);
    }

    /// <summary>The result types a handler declares: Task&lt;Results&lt;Ok&lt;T&gt;, ValidationProblem, …&gt;&gt; gives Ok&lt;T&gt;, ValidationProblem, ….</summary>
    private static List<Type> ResultTypes(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            type = type.GetGenericArguments()[0];
        }

        return type.IsGenericType && type.Namespace == typeof(Results<,>).Namespace && type.Name.StartsWith("Results`", StringComparison.Ordinal)
            ? [.. type.GetGenericArguments()]
            : [type];
    }

    [Fact]
    public async Task The_api_page_lists_every_endpoint_with_a_working_example()
    {
        var page = await app.GetDocumentAsync("/api");
        var endpoints = ApiEndpoints().Select(e => e.Route).Distinct().ToList();

        var sections = page.QuerySelectorAll("section.api-endpoint:not(.api-feeds)");
        sections.Select(s => s.QuerySelector("h2")!.TextContent.Trim()).Should().BeEquivalentTo(endpoints.Select(e => "GET " + e));
        page.QuerySelector("h1")!.TextContent.Should().Be("JSON API");
        page.QuerySelector("main")!.TextContent.Should().MatchRegex(@"\p{IsHangulSyllables}");
        page.QuerySelectorAll("a[href='/openapi/v1.json']").Should().NotBeEmpty();

        using var client = app.CreateClient();
        foreach (var section in sections)
        {
            var example = section.QuerySelector("a.api-example");
            example.Should().NotBeNull($"{section.QuerySelector("h2")!.TextContent} has an example");
            var href = example!.GetAttribute("href")!;
            href.Should().StartWith("/api/");
            using var response = await client.GetAsync(new Uri(href, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, href);
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/json", href);
        }
    }

    [Fact]
    public async Task The_api_page_lists_each_kind_of_feed_with_a_working_example()
    {
        var page = await app.GetDocumentAsync("/api");
        var examples = page.QuerySelectorAll("section.api-feeds a.feed-example").Select(a => a.GetAttribute("href")!).ToList();

        examples.Should().HaveCount(7).And.OnlyContain(href => href.StartsWith("/feeds/", StringComparison.Ordinal));
        using var client = app.CreateClient();
        foreach (var href in examples)
        {
            using var response = await client.GetAsync(new Uri(href, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, href);
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/atom+xml", href);
        }
    }

    [Fact]
    public async Task The_footer_links_the_api_page_and_api_errors_stay_problem_details()
    {
        var home = await app.GetDocumentAsync("/");
        home.QuerySelectorAll("footer a").Where(a => a.TextContent == "JSON API").Select(a => a.GetAttribute("href")).Should().Equal("/api");

        using var client = app.CreateClient();
        using var slash = await client.GetAsync(new Uri("/api/", UriKind.Relative));
        slash.StatusCode.Should().Be(HttpStatusCode.OK);
        slash.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
        using var missing = await client.GetAsync(new Uri("/api/nothing", UriKind.Relative));
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        using var notApi = await client.GetAsync(new Uri("/apinothing", UriKind.Relative));
        notApi.StatusCode.Should().Be(HttpStatusCode.NotFound);
        notApi.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
    }
}
