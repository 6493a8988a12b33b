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
            403 => new Problem(403, "다른 사이트에서 온 요청입니다", "서재는 이 사이트의 페이지에서만 바꿀 수 있습니다."),
            404 => new Problem(404, "페이지를 찾을 수 없습니다", "주소가 바뀌었거나 없는 페이지입니다."),
            405 => new Problem(405, "허용되지 않는 요청입니다", "이 주소는 GET 요청만 받습니다."),
            409 => new Problem(409, "서재가 가득 찼습니다", "서재에는 논문을 10,000편까지 저장할 수 있습니다. 몇 편을 빼고 다시 저장하세요."),
            413 => new Problem(413, "요청이 너무 큽니다", "한 번에 보낼 수 있는 내용은 1 MB까지입니다."),
            429 => new Problem(429, "새 서재를 너무 많이 만들었습니다", "한 주소에서 한 시간에 만들 수 있는 서재 수를 넘었습니다. 잠시 뒤에 다시 시도하세요."),
            500 => new Problem(500, "서버 오류가 났습니다", "잠시 뒤에 다시 시도해 주세요. 문제가 계속되면 알려 주세요."),
            _ => new Problem(code, "요청을 처리할 수 없습니다", $"상태 코드 {code}."),
        };
        // Re-executed for the original status; a direct visit to /error/404 answers with that status too.
        Response.StatusCode = code is >= 400 and <= 599 ? code : 404;
    }

    /// <summary>A library's form post that failed is re-executed here with its own method.</summary>
    public void OnPost(int code) => OnGet(code);
}
