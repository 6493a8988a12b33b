using DailyPapers.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Trends;

public sealed class TrendsModel(PapersDbContext db) : PageModel
{
    public TrendsView? View { get; private set; }

    /// <summary>
    /// Without q the page charts the rising terms, and says so: the latest week's, or with <c>period</c> and
    /// <c>date</c> those of any week or month. A bad q, period or date is said beside the form (status 400), so the
    /// reader corrects what they typed where they typed it.
    /// </summary>
    public async Task OnGetAsync(string? q, string? period, string? date, CancellationToken cancellationToken)
    {
        var query = q?.Trim() ?? "";
        if (!TrendsParameters.TryParsePeriod(period, date, out var asked, out var day, out var periodError))
        {
            await Bad(periodError, query);
            return;
        }

        IReadOnlyList<string> terms = [];
        if (query.Length > 0 && !TrendsParameters.TryParse(query, out terms, out var error))
        {
            await Bad(error, query);
            return;
        }

        View = asked is { } chosen
            ? await TrendsQuery.LoadPeriodAsync(db, query, terms, chosen, day, cancellationToken)
            : query.Length == 0
                ? await TrendsQuery.LoadRisingAsync(db, cancellationToken)
                : await TrendsQuery.LoadAsync(db, query, terms, withRising: true, cancellationToken);

        async Task Bad((string Parameter, string Detail) problem, string asText)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            View = (await TrendsQuery.LoadAsync(db, asText, [], withRising: true, cancellationToken)) with { Error = $"{problem.Parameter}: {problem.Detail}" };
        }
    }
}
