using DailyPapers.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Trends;

public sealed class TrendsModel(PapersDbContext db) : PageModel
{
    public TrendsView? View { get; private set; }

    /// <summary>
    /// Without q the page charts the rising terms, and says so; with a bad q it says what is wrong beside the form
    /// (status 400), so the reader corrects the terms where they typed them.
    /// </summary>
    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        var query = q?.Trim() ?? "";
        if (query.Length == 0)
        {
            View = await TrendsQuery.LoadRisingAsync(db, cancellationToken);
            return;
        }

        if (!TrendsParameters.TryParse(query, out var terms, out var error))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            View = (await TrendsQuery.LoadAsync(db, query, [], withRising: true, cancellationToken)) with { Error = $"{error.Parameter}: {error.Detail}" };
            return;
        }

        View = await TrendsQuery.LoadAsync(db, query, terms, withRising: true, cancellationToken);
    }
}
