namespace DailyPapers.Web.Pages.Shared;

/// <summary>How a listing shows one paper card.</summary>
/// <param name="Position">The place in a ranking, shown before the title; null on a day page, where the rank is the digest order.</param>
/// <param name="ShowDate">Show which day listed the paper (rankings, author pages, search).</param>
/// <param name="SummaryCollapsed">Fold the summary behind a disclosure, for long listings.</param>
/// <param name="Author">The author whose page lists the card: marked in its author list.</param>
public sealed record PaperCardModel(PaperCard Card, int? Position = null, bool ShowDate = false, bool SummaryCollapsed = false, int HeadingLevel = 2, string? Author = null);
