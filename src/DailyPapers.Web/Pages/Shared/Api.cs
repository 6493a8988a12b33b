using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Authors;
using DailyPapers.Web.Pages.Days;
using DailyPapers.Web.Pages.Papers;
using DailyPapers.Web.Pages.Search;
using DailyPapers.Web.Pages.Top;
using DailyPapers.Web.Pages.Trends;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace DailyPapers.Web.Pages.Shared;

/// <summary>
/// The JSON API under <c>/api</c>: each feature maps its endpoints beside its pages and queries (Days/DaysApi.cs,
/// Papers/PapersApi.cs, …), serving the pages' own queries in camelCase. Unknown ids answer 404, malformed parameters
/// 400, both as problem details naming what was wrong. <c>/openapi/v1.json</c> describes them (and nothing else), and
/// the page at <c>/api</c> (Pages/ApiDocs) shows the same description to people.
/// </summary>
internal static class Api
{
    public const string DocumentName = "v1";
    public const string DocumentRouteName = "openApiDocument";

    public static void MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(OpenConnectionFilter.ForEndpoint);
        api.MapDaysApi();
        api.MapPapersApi();
        api.MapTopApi();
        api.MapSearchApi();
        api.MapAuthorsApi();
        api.MapTrendsApi();
        // HEAD as well as GET, as every route here answers both.
        app.MapOpenApi().WithName(DocumentRouteName).Add(b => b.Metadata.Add(new HttpMethodMetadata(ReadMethods)));
    }

    /// <summary>
    /// The OpenAPI description of the JSON API: its GET operations under /api only (not the pages, not the health or
    /// crawler endpoints; HEAD is GET without a body), with the public origin as its server, never the request's Host.
    /// </summary>
    public static void AddApiDescription(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = Describes;
            o.AddDocumentTransformer((document, context, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "DailyPapers API",
                    Version = DocumentName,
                    Description = "Hugging Face Daily Papers 한국어 요약의 날짜, 논문, 순위, 저자, 검색을 JSON(camelCase)으로 돌려줍니다. "
                        + "모든 경로는 GET과 HEAD를 받습니다. 없는 것은 404, 잘못된 매개변수는 400이며 둘 다 RFC 9457 problem details(application/problem+json)입니다.",
                };
                if (context.ApplicationServices.GetRequiredService<IHttpContextAccessor>().HttpContext is { } http)
                {
                    document.Servers = [new OpenApiServer { Url = context.ApplicationServices.GetRequiredService<PublicOrigin>().For(http) }];
                }

                return Task.CompletedTask;
            });
        });
    }

    /// <summary>What the OpenAPI document and the /api page describe: the GET operations of the endpoints under /api/.</summary>
    public static bool Describes(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description) =>
        description is { HttpMethod: { } method, RelativePath: { } path } && HttpMethods.IsGet(method) && path.StartsWith("api/", StringComparison.Ordinal);

    /// <summary>
    /// Requests that the JSON API answers, whose errors are problem details: everything under /api/, but not /api itself,
    /// the page for people describing the API, whose errors are error pages like any page's.
    /// </summary>
    public static bool Serves(PathString path) => path.StartsWithSegments("/api", out var rest) && rest.Value is { Length: > 1 };

    /// <summary>
    /// Requests answered for programs rather than people, whose every error (a bad parameter, a missing route, an
    /// exception) is problem details: the JSON API and the feeds under /feeds/.
    /// </summary>
    public static bool AnswersWithProblems(PathString path) =>
        Serves(path) || (path.StartsWithSegments("/feeds", out var rest) && rest.Value is { Length: > 1 });

    /// <summary>An endpoint that answers GET and HEAD alike, as every page here does.</summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder endpoints, [System.Diagnostics.CodeAnalysis.StringSyntax("Route")] string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, ReadMethods, handler);

    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static ValidationProblem BadParameter(string parameter, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [detail] }, detail: detail, title: $"Invalid parameter '{parameter}'");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
