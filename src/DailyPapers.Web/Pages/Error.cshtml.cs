using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages;

/// <summary>The page every 4xx/5xx without a body of its own is re-executed into.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public Problem Problem { get; private set; } = new(500, "", "");

    public void OnGet(int code)
    {
        Problem = HttpContext.Items[typeof(Problem)] as Problem ?? code switch
        {
            400 => new Problem(400, "잘못된 요청입니다", "요청 주소나 매개변수를 확인해 주세요."),
            404 => new Problem(404, "페이지를 찾을 수 없습니다", "주소가 바뀌었거나 없는 페이지입니다."),
            405 => new Problem(405, "허용되지 않는 요청입니다", "이 주소는 GET 요청만 받습니다."),
            500 => new Problem(500, "서버 오류가 났습니다", "잠시 뒤에 다시 시도해 주세요. 문제가 계속되면 알려 주세요."),
            _ => new Problem(code, "요청을 처리할 수 없습니다", $"상태 코드 {code}."),
        };
        // Re-executed for the original status; a direct visit to /error/404 answers with that status too.
        Response.StatusCode = code is >= 400 and <= 599 ? code : 404;
    }
}
