using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Shared;

/// <summary>What went wrong with a request, told to the person who made it; the error page shows it.</summary>
public sealed record Problem(int Status, string Title, string Detail, string? Parameter = null);

public static class ProblemResults
{
    /// <summary>Answers with the status code; the status-code page re-executes /error/{code} and shows the problem.</summary>
    public static IActionResult Problem(this PageModel page, int status, string title, string detail, string? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.HttpContext.Items[typeof(Problem)] = new Problem(status, title, detail, parameter);
        return page.StatusCode(status);
    }

    public static IActionResult BadParameter(this PageModel page, string parameter, string detail) =>
        page.Problem(StatusCodes.Status400BadRequest, "잘못된 요청입니다", detail, parameter);
}
