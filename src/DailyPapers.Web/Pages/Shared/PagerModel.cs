namespace DailyPapers.Web.Pages.Shared;

public sealed record PagerModel(int Page, int PageCount, Func<int, string> Url);
