using System.ComponentModel;
using System.Reflection;
using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Authors;
using DailyPapers.Web.Pages.Days;
using DailyPapers.Web.Pages.Papers;
using DailyPapers.Web.Pages.Search;
using DailyPapers.Web.Pages.Shared;
using DailyPapers.Web.Pages.Top;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.ApiDocs;

/// <summary>A parameter of an endpoint: its name, where it goes (경로 or 쿼리) and what it means.</summary>
public sealed record ApiParameterDoc(string Name, bool InPath, string? Description);

/// <summary>An endpoint as the page shows it: its route, what it does, its parameters, its errors and a working example.</summary>
public sealed record ApiEndpointDoc(string Route, string? Summary, string? Description, IReadOnlyList<ApiParameterDoc> Parameters, IReadOnlyList<int> Problems, string? Example)
{
    /// <summary>The id of the endpoint's heading: its route in letters and dashes (api-days-date).</summary>
    public string Anchor => string.Join('-', Route.Split(['/', '{', '}', '*'], StringSplitOptions.RemoveEmptyEntries));
}

/// <param name="Samples">Stored values for the examples; null before anything is ingested.</param>
public sealed record ApiDocsView(IReadOnlyList<ApiEndpointDoc> Endpoints, string DocumentUrl, bool HasExamples, ApiSamples? Samples = null);

/// <summary>Stored values the examples use: the latest day, its first paper with authors, that paper's first author.</summary>
public sealed record ApiSamples(DateOnly Date, string? ArxivId, string? Title, string? AuthorSlug, string? AuthorName)
{
    /// <summary>A word of the sample paper's title that search will find: its longest.</summary>
    public string SearchWord => Title?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new string([.. w.Where(char.IsLetter)]))
        .OrderByDescending(w => w.Length).FirstOrDefault(w => w.Length >= 3) ?? ArxivId ?? "model";
}

/// <summary>
/// The /api page: the endpoints as the OpenAPI document describes them (their summaries, parameters and problem
/// responses are the endpoints' own metadata, so the page cannot drift from the API), each with an example on the
/// stored data. Two round trips: the latest day, then its first paper with authors.
/// </summary>
public static class ApiDocsQuery
{
    public static async Task<ApiDocsView> LoadAsync(
        PapersDbContext db, IApiDescriptionGroupCollectionProvider descriptions, LinkGenerator links, HttpContext http, CancellationToken cancellationToken)
    {
        var samples = await SamplesAsync(db, cancellationToken);
        var endpoints = descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items).Where(Api.Describes)
            .Select(d => Document(d, samples, links, http))
            .ToList();
        var document = links.GetPathByName(http, Api.DocumentRouteName, new { documentName = Api.DocumentName })!;
        return new ApiDocsView(endpoints, document, samples is not null, samples);
    }

    public static async Task<ApiSamples?> SamplesAsync(PapersDbContext db, CancellationToken cancellationToken)
    {
        if (await DayQuery.LatestAsync(db, cancellationToken) is not DateOnly date)
        {
            return null;
        }

        var first = await db.Appearances.Where(a => a.Day!.Date == date && a.Paper!.Authors.Any()).OrderBy(a => a.Position)
            .Select(a => new
            {
                a.Paper!.ArxivId,
                a.Paper.Title,
                Slug = a.Paper.Authors.OrderBy(pa => pa.Position).Select(pa => pa.Author!.Slug).FirstOrDefault(),
                Name = a.Paper.Authors.OrderBy(pa => pa.Position).Select(pa => pa.Author!.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return new ApiSamples(date, first?.ArxivId, first?.Title, first?.Slug, first?.Name);
    }

    /// <summary>The example of each endpoint, by its name: route and query values taken from the stored data.</summary>
    public static object? ExampleValues(string endpointName, ApiSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var date = Links.Iso(samples.Date);
        return endpointName switch
        {
            DaysApi.ListName => new { year = samples.Date.Year },
            DaysApi.DayName => new { date },
            DaysApi.WeekName => new { week = PeriodParameter.Week(samples.Date) },
            DaysApi.MonthName => new { month = PeriodParameter.Month(samples.Date) },
            PapersApi.Name when samples.ArxivId is { } id => new { id },
            TopApi.Name => new { period = "week", date },
            SearchApi.Name => new { q = samples.SearchWord },
            Trends.TrendsApi.Name => new { q = samples.SearchWord },
            Trends.TrendsApi.RisingName => new { period = "month", date },
            AuthorsApi.SearchName when samples.AuthorName is { } name => new { q = name },
            AuthorsApi.AuthorName when samples.AuthorSlug is { } slug => new { slug },
            _ => null,
        };
    }

    private static ApiEndpointDoc Document(ApiDescription description, ApiSamples? samples, LinkGenerator links, HttpContext http)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var name = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        var parameters = description.ParameterDescriptions
            .Where(p => p.Source == BindingSource.Path || p.Source == BindingSource.Query)
            .Select(p => new ApiParameterDoc(p.Name, p.Source == BindingSource.Path,
                (p.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo.GetCustomAttribute<DescriptionAttribute>()?.Description))
            .ToList();
        var problems = description.SupportedResponseTypes.Select(r => r.StatusCode).Where(s => s >= 400).Distinct().Order().ToList();
        var example = name is not null && samples is not null && ExampleValues(name, samples) is { } values ? links.GetPathByName(http, name, values) : null;
        return new ApiEndpointDoc(
            "/" + description.RelativePath!.Replace("{**", "{", StringComparison.Ordinal),
            metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary,
            metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description,
            parameters,
            problems,
            example);
    }
}
