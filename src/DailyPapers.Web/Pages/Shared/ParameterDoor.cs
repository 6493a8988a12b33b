using DailyPapers.Core.Parsing;
using Microsoft.AspNetCore.Diagnostics;

namespace DailyPapers.Web.Pages.Shared;

/// <summary>
/// The one door of request parameters: before any page or endpoint binds them, every query name and value and every
/// route value is checked, and a request whose parameter holds a character no parameter may carry — a control
/// character (tab and line breaks too: a parameter is one line), a lone surrogate, a non-character such as U+FFFE; see
/// <see cref="CleanText"/> — is answered 400 naming that parameter: problem details under /api/ and /feeds/, the error
/// page elsewhere. No such character reaches SQL, Unicode normalisation, an XML writer or a response header, whatever a
/// page does with its parameters.
/// </summary>
internal static class ParameterDoor
{
    public static Task Check(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // The error page a refused request is re-executed into sees the same query string: it has been judged already.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null
            || Refused(context.Request) is not { } refused)
        {
            return next();
        }

        var (parameter, characters) = refused;

        if (Api.AnswersWithProblems(context.Request.Path))
        {
            return Api.BadParameter(parameter, $"The value holds {characters}: no parameter may carry control characters, lone surrogates or non-characters.")
                .ExecuteAsync(context);
        }

        context.Items[typeof(Problem)] = new Problem(
            StatusCodes.Status400BadRequest, "잘못된 요청입니다", $"매개변수에 쓸 수 없는 문자({characters})가 들어 있습니다. 제어 문자, 짝 없는 서로게이트, 비문자는 받지 않습니다.", parameter);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }

    /// <summary>The first parameter (route values, then the query string) holding a forbidden character, and the characters it holds.</summary>
    internal static (string Parameter, string Characters)? Refused(HttpRequest request)
    {
        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && !CleanText.IsClean(text, oneLine: true))
            {
                return (name, CleanText.NameForbidden(text, oneLine: true));
            }
        }

        foreach (var (name, values) in request.Query)
        {
            if (!CleanText.IsClean(name, oneLine: true))
            {
                return (CleanText.Remove(name), CleanText.NameForbidden(name, oneLine: true));
            }

            foreach (var value in values)
            {
                if (value is not null && !CleanText.IsClean(value, oneLine: true))
                {
                    return (name, CleanText.NameForbidden(value, oneLine: true));
                }
            }
        }

        return null;
    }
}
