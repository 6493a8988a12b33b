using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Authors;
using DailyPapers.Web.Pages.Days;
using DailyPapers.Web.Pages.Papers;
using DailyPapers.Web.Pages.Search;
using DailyPapers.Web.Pages.Top;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DailyPapers.Web.Pages.Shared;

/// <summary>
/// The JSON API under <c>/api</c>: each feature maps its endpoints beside its pages and queries (Days/DaysApi.cs,
/// Papers/PapersApi.cs, …), serving the pages' own queries in camelCase. Unknown ids answer 404, malformed parameters
/// 400, both as problem details naming what was wrong.
/// </summary>
internal static class Api
{
    public static void MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(OpenConnectionFilter.ForEndpoint);
        api.MapDaysApi();
        api.MapPapersApi();
        api.MapTopApi();
        api.MapSearchApi();
        api.MapAuthorsApi();
    }

    /// <summary>An endpoint that answers GET and HEAD alike, as every page here does.</summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder endpoints, [System.Diagnostics.CodeAnalysis.StringSyntax("Route")] string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, ReadMethods, handler);

    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static ValidationProblem BadParameter(string parameter, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [detail] }, detail: detail, title: $"Invalid parameter '{parameter}'");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
