using DailyPapers.Core.Data;
using DailyPapers.Core.Parsing;
using DailyPapers.Web.Infrastructure;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Pages.Library;

/// <summary>A new library's key, shown once, and the page it opens.</summary>
public sealed record CreatedLibrary(string Key, string Url, string Advice);

/// <summary><c>GET /api/libraries/{key}</c>: the saved papers, newest first, and how many carry each tag.</summary>
public sealed record LibraryView(int Count, int Limit, IReadOnlyList<SavedPaper> Papers, IReadOnlyDictionary<string, int> Tags, IReadOnlyList<Follow> Follows);

/// <summary><c>GET /api/libraries/{key}/recommendations</c>.</summary>
public sealed record RecommendationsView(IReadOnlyList<RecommendedPaper> Papers);

/// <summary>What an import did.</summary>
public sealed record ImportView(int Added, int AlreadySaved, IReadOnlyList<string> NotInArchive, bool Full);

/// <summary>
/// A reader's library behind its secret link (issue 30): the JSON API under <c>/api/libraries</c> and the form posts of
/// the library page under <c>/library</c>. The key is the only credential; a wrong, revoked or malformed key answers
/// the same 404 after the same lookup (<see cref="LibraryKey"/>). Creating is rate-limited per client address; a
/// library holds at most <see cref="LibraryStore.MaxPapers"/> papers; a body past <see cref="LibraryInput.MaxBodyBytes"/>
/// is refused. Every limit is answered with problem details whose <c>limit</c> names it.
/// </summary>
internal static class LibraryApi
{
    public const string CreatePolicy = "library-create";

    /// <summary>The footer's form: makes a library and opens it.</summary>
    public const string CreateFormRoute = "createLibraryFromForm";

    /// <summary>The save control of every card and paper page.</summary>
    public const string SaveFromCardRoute = "savePaperFromCard";

    /// <summary>The follow control of author and search pages.</summary>
    public const string FollowFromPageRoute = "followFromPage";

    /// <summary>The cookie the library page sets, so a form on a public page can save to the reader's library without the key in the page.</summary>
    public const string Cookie = "dp-library";

    /// <summary>Set beside <see cref="Cookie"/>, readable by script and holding no secret: tells site.js to ask for the reader's marks.</summary>
    public const string HasLibraryCookie = "dp-has-library";

    private const string Advice = "이 주소가 서재의 유일한 열쇠입니다. 북마크해 두세요: 잃어버리면 되찾을 수 없습니다.";

    public static void MapLibraries(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(LibraryPaths.Api).AddEndpointFilter(OpenConnectionFilter.ForEndpoint).ExcludeFromDescription();
        api.MapPost("", Create).RequireRateLimiting(CreatePolicy);
        api.MapRead("/{key}", Get);
        api.MapPost("/{key}/key", Rotate);
        api.MapPut("/{key}/papers/{**arxivId}", Save);
        api.MapDelete("/{key}/papers/{**arxivId}", Remove);
        api.MapPost("/{key}/import", Import);
        api.MapRead("/{key}/recommendations", Recommend);
        api.MapRead("/{key}/new", New);
        api.MapPut("/{key}/follows/authors/{slug}", FollowAuthor);
        api.MapDelete("/{key}/follows/authors/{slug}", UnfollowAuthor);
        api.MapPut("/{key}/follows/searches", FollowSearch);
        api.MapDelete("/{key}/follows/searches", UnfollowSearch);

        var forms = app.MapGroup(LibraryPaths.Page).AddEndpointFilter(OpenConnectionFilter.ForEndpoint).ExcludeFromDescription();
        forms.MapPost("", CreateFromForm).RequireRateLimiting(CreatePolicy).WithName(CreateFormRoute);
        forms.MapPost("/saved", SaveFromCard).WithName(SaveFromCardRoute);
        forms.MapPost("/followed", FollowFromPage).WithName(FollowFromPageRoute);
        forms.MapPost("/{key}/follows", FollowsFromForm);
        forms.MapRead("/marks", Marks);
        forms.MapPost("/{key}/papers", ChangeFromForm);
        forms.MapPost("/{key}/import", ImportFromForm);
        forms.MapPost("/{key}/key", RotateFromForm);
        forms.MapRead("/{key}/export.{format}", Export);
        app.MapLibraryFeed();
    }

    /// <summary>Library creation per client address: <paramref name="perHour"/> an hour, answered 429 naming the limit.</summary>
    public static void AddLibraryLimits(this IServiceCollection services, int perHour) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(CreatePolicy, context => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perHour), Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
            o.OnRejected = (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return new ValueTask(Limit(StatusCodes.Status429TooManyRequests, "Too many new libraries", "libraries-per-address",
                    $"One address may create {perHour} libraries an hour; try again later.").ExecuteAsync(context.HttpContext));
            };
        });

    private static ProblemHttpResult Limit(int status, string title, string limit, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["limit"] = limit });

    private static ProblemHttpResult NoSuchLibrary() => Api.NotFound("No library has this key.");

    private static ProblemHttpResult TooLarge() =>
        Limit(StatusCodes.Status413PayloadTooLarge, "Request body too large", "request-body", $"A request body holds at most {LibraryInput.MaxBodyBytes / 1024} KB.");

    private static ProblemHttpResult Full() =>
        Limit(StatusCodes.Status409Conflict, "Library full", "papers-per-library", $"A library holds at most {LibraryStore.MaxPapers:N0} papers; remove some to save more.");

    /// <summary>A database this process may only read serves libraries to read, not to change.</summary>
    private static ProblemHttpResult? ReadOnly(HttpContext http) =>
        http.RequestServices.GetRequiredService<DatabaseLocation>().ReadOnlyPath is null ? null
            : TypedResults.Problem(detail: "This server's database is read-only: libraries cannot be created or changed here.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Read-only");

    public static async Task<Results<Created<CreatedLibrary>, ProblemHttpResult>> Create(PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (ReadOnly(http) is { } refused)
        {
            return refused;
        }

        var key = await LibraryStore.CreateAsync(db, ct);
        var url = PagePath(key);
        return TypedResults.Created(LibraryPaths.Api + "/" + key, new CreatedLibrary(key, url, Advice));
    }

    public static async Task<Results<Ok<LibraryView>, ValidationProblem, ProblemHttpResult>> Get(string key, string? tag, PapersDbContext db, CancellationToken ct)
    {
        if (!LibraryInput.TryOptionalTag(tag, out var wanted, out var error))
        {
            return Api.BadParameter("tag", error);
        }

        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return NoSuchLibrary();
        }

        var papers = await LibraryStore.ListAsync(db, id, wanted, ct);
        var tags = papers.SelectMany(p => p.Tags).GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return TypedResults.Ok(new LibraryView(papers.Count, LibraryStore.MaxPapers, papers, tags, await LibraryFollows.ListAsync(db, id, ct)));
    }

    /// <summary><c>GET /api/libraries/{key}/recommendations?tag=</c>: papers like the library's (or one tag's), not in it, best first.</summary>
    public static async Task<Results<Ok<RecommendationsView>, ValidationProblem, ProblemHttpResult>> Recommend(string key, string? tag, PapersDbContext db, CancellationToken ct)
    {
        if (!LibraryInput.TryOptionalTag(tag, out var wanted, out var error))
        {
            return Api.BadParameter("tag", error);
        }

        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return NoSuchLibrary();
        }

        return TypedResults.Ok(new RecommendationsView(await LibraryStore.RecommendAsync(db, id, wanted, ct)));
    }

    /// <summary><c>GET /api/libraries/{key}/new</c>: the follows' papers since the reader's last visit to the library page (not a visit itself).</summary>
    public static async Task<Results<Ok<NewSince>, ProblemHttpResult>> New(string key, PapersDbContext db, CancellationToken ct)
    {
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return NoSuchLibrary();
        }

        return TypedResults.Ok(await LibraryFollows.NewAsync(db, id, await LibraryFollows.SinceAsync(db, id, ct), ct));
    }

    private static ProblemHttpResult FollowsFull() =>
        Limit(StatusCodes.Status409Conflict, "Too many follows", "follows-per-library", $"A library follows at most {LibraryFollows.MaxFollows} authors and searches; unfollow some to follow more.");

    private static async Task<Results<Ok<Follow>, Created<Follow>, ValidationProblem, ProblemHttpResult>> FollowAsync(PapersDbContext db, HttpContext http, int id, string kind, string value, CancellationToken ct)
    {
        if (ReadOnly(http) is { } refused)
        {
            return refused;
        }

        var outcome = await LibraryFollows.FollowAsync(db, id, kind, value, ct);
        if (outcome == FollowOutcome.Full)
        {
            return FollowsFull();
        }

        var follow = (await LibraryFollows.ListAsync(db, id, ct)).First(f => f.Kind == kind && f.Value == value);
        return outcome == FollowOutcome.Added ? TypedResults.Created((string?)null, follow) : TypedResults.Ok(follow);
    }

    public static async Task<Results<Ok<Follow>, Created<Follow>, ValidationProblem, ProblemHttpResult>> FollowAuthor(string key, string slug, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return NoSuchLibrary();
        }

        if (!await db.Authors.AnyAsync(a => a.Slug == slug, ct))
        {
            return Api.NotFound($"No author has the slug '{ParameterText.Shorten(slug)}'.");
        }

        return await FollowAsync(db, http, id, Core.Data.LibraryFollow.AuthorKind, slug, ct);
    }

    public static async Task<Results<Ok<Follow>, Created<Follow>, ValidationProblem, ProblemHttpResult>> FollowSearch(string key, string? q, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!LibraryFollows.TryQuery(q, out var query, out var error))
        {
            return Api.BadParameter("q", error);
        }

        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return NoSuchLibrary();
        }

        return await FollowAsync(db, http, id, Core.Data.LibraryFollow.SearchKind, query, ct);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnfollowAuthor(string key, string slug, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return NoSuchLibrary();
        }

        if (ReadOnly(http) is { } refused)
        {
            return refused;
        }

        await LibraryFollows.UnfollowAsync(db, id, Core.Data.LibraryFollow.AuthorKind, slug, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UnfollowSearch(string key, string? q, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!LibraryFollows.TryQuery(q, out var query, out var error))
        {
            return Api.BadParameter("q", error);
        }

        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return NoSuchLibrary();
        }

        if (ReadOnly(http) is { } refused)
        {
            return refused;
        }

        await LibraryFollows.UnfollowAsync(db, id, Core.Data.LibraryFollow.SearchKind, query, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<CreatedLibrary>, ProblemHttpResult>> Rotate(string key, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return NoSuchLibrary();
        }

        if (ReadOnly(http) is { } refused)
        {
            return refused;
        }

        var fresh = await LibraryStore.RotateAsync(db, id, ct);
        return TypedResults.Ok(new CreatedLibrary(fresh, PagePath(fresh), Advice));
    }

    public static async Task<Results<Ok<SavedPaper>, Created<SavedPaper>, ValidationProblem, ProblemHttpResult>> Save(string key, string? arxivId, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return NoSuchLibrary();
        }

        if (!ArxivId.TryParse(arxivId, out var paper))
        {
            return Api.BadParameter("arxivId", $"'{ParameterText.Shorten(arxivId)}' is not an arXiv id (e.g. 2401.08541, hep-th/9901001).");
        }

        if (await LibraryInput.ReadBodyAsync(http.Request, ct) is not { } body)
        {
            return TooLarge();
        }

        if (LibraryInput.ParseMarks(body, out var error) is not { } marks)
        {
            return Api.BadParameter("body", error);
        }

        if (ReadOnly(http) is { } refused)
        {
            return refused;
        }

        var outcome = await LibraryStore.SaveAsync(db, id, paper.Value, marks, ct);
        if (outcome == SaveOutcome.NotInArchive)
        {
            return Api.NotFound($"No digest lists arXiv:{paper.Value}.");
        }

        if (outcome == SaveOutcome.Full)
        {
            return Full();
        }

        var saved = (await LibraryStore.ListAsync(db, id, null, ct)).First(p => p.ArxivId == paper.Value);
        return outcome == SaveOutcome.Added ? TypedResults.Created($"{LibraryPaths.Api}/{key}/papers/{paper.Value}", saved) : TypedResults.Ok(saved);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Remove(string key, string? arxivId, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return NoSuchLibrary();
        }

        if (!ArxivId.TryParse(arxivId, out var paper))
        {
            return Api.BadParameter("arxivId", $"'{ParameterText.Shorten(arxivId)}' is not an arXiv id (e.g. 2401.08541, hep-th/9901001).");
        }

        if (ReadOnly(http) is { } refused)
        {
            return refused;
        }

        await LibraryStore.RemoveAsync(db, id, paper.Value, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ImportView>, ValidationProblem, ProblemHttpResult>> Import(string key, string? tag, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return NoSuchLibrary();
        }

        if (!LibraryInput.TryOptionalTag(tag, out var wanted, out var error))
        {
            return Api.BadParameter("tag", error);
        }

        if (await LibraryInput.ReadBodyAsync(http.Request, ct) is not { } body)
        {
            return TooLarge();
        }

        if (ReadOnly(http) is { } refused)
        {
            return refused;
        }

        var result = await LibraryStore.ImportAsync(db, id, LibraryInput.ImportIds(body), wanted, ct);
        return result.Full && result.Added.Count == 0 && result.AlreadySaved.Count == 0
            ? Full()
            : TypedResults.Ok(new ImportView(result.Added.Count, result.AlreadySaved.Count, result.NotInArchive, result.Full));
    }

    /// <summary><c>/library/{key}/export.bib|ris|csv?tag=</c>: the library, or one tag, as a file.</summary>
    public static async Task<IResult> Export(string key, string format, string? tag, PapersDbContext db, CancellationToken ct)
    {
        if (!LibraryExport.MediaTypes.TryGetValue(format, out var mediaType))
        {
            return TypedResults.NotFound();
        }

        if (!LibraryInput.TryOptionalTag(tag, out var wanted, out _))
        {
            return TypedResults.BadRequest();
        }

        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return TypedResults.NotFound();
        }

        var papers = await LibraryStore.ListAsync(db, id, wanted, ct);
        var text = LibraryExport.Write(format, papers, await LibraryStore.CardsAsync(db, papers, ct));
        var name = wanted is null ? "library" : "library-" + new string([.. wanted.Where(char.IsAsciiLetterOrDigit)]);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), mediaType + "; charset=utf-8", $"{name}.{format}");
    }

    // ---- Forms: the library page and the save control on every card, without JavaScript. ----

    /// <summary>
    /// Whether a form post comes from a page of this site. Fetch metadata says so in every current browser
    /// (<c>Sec-Fetch-Site: same-origin</c>); without it, an <c>Origin</c> naming another site is refused. The cookie a
    /// card's form relies on is SameSite=Lax besides, so a browser never sends it with another site's post.
    /// </summary>
    internal static bool FromThisSite(HttpContext http)
    {
        var headers = http.Request.Headers;
        var site = headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site == "same-origin";
        }

        var origin = headers.Origin.ToString();
        return origin.Length == 0 || origin == "null"
            || string.Equals(origin, http.Request.Scheme + "://" + http.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(origin, http.RequestServices.GetRequiredService<PublicOrigin>().For(http), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Why a form post is not taken: 403 from another site, 503 when this server's database is read-only; null to go on.</summary>
    private static StatusCodeHttpResult? FormRefused(HttpContext http) =>
        !FromThisSite(http) ? TypedResults.StatusCode(StatusCodes.Status403Forbidden)
        : ReadOnly(http) is not null ? TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable)
        : null;

    private static StatusCodeHttpResult SeeOther(HttpContext http, string location)
    {
        http.Response.Headers.Location = location;
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    public static string PagePath(string key) => LibraryPaths.Page + "/" + key;

    /// <summary>Remembers the library on this browser, for the save control on public pages (see <see cref="Cookie"/>).</summary>
    public static void Remember(HttpContext http, string key)
    {
        ArgumentNullException.ThrowIfNull(http);
        var options = new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true, Secure = http.Request.IsHttps };
        http.Response.Cookies.Append(Cookie, key, options);
        options.HttpOnly = false;
        http.Response.Cookies.Append(HasLibraryCookie, "1", options);
    }

    public static async Task<IResult> CreateFromForm(PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (FormRefused(http) is { } refused)
        {
            return refused;
        }

        var key = await LibraryStore.CreateAsync(db, ct);
        Remember(http, key);
        return SeeOther(http, PagePath(key) + "?new=1");
    }

    /// <summary>A form field of an urlencoded body read within the body limit, or null when the body is too large.</summary>
    private static async Task<Dictionary<string, Microsoft.Extensions.Primitives.StringValues>?> FormAsync(HttpContext http, CancellationToken ct) =>
        await LibraryInput.ReadBodyAsync(http.Request, ct) is { } body ? QueryHelpers.ParseQuery(body) : null;

    /// <summary>
    /// <c>POST /library/{key}/papers</c> from the library page: <c>id</c> and <c>do</c> (save, remove, read, unread, tag),
    /// with <c>tags</c> and <c>note</c> for save and tag; back to the library page.
    /// </summary>
    public static async Task<IResult> ChangeFromForm(string key, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return TypedResults.NotFound();
        }

        if (FormRefused(http) is { } refused)
        {
            return refused;
        }

        if (await FormAsync(http, ct) is not { } form)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var outcome = await ApplyFormAsync(db, id, form, ct);
        return outcome is null ? TypedResults.BadRequest() : outcome == SaveOutcome.Full ? TypedResults.StatusCode(StatusCodes.Status409Conflict) : SeeOther(http, PagePath(key));
    }

    /// <summary>One form's change to a library; null when the form is not one this site's pages send.</summary>
    private static async Task<SaveOutcome?> ApplyFormAsync(PapersDbContext db, int library, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form, CancellationToken ct)
    {
        if (!ArxivId.TryParse(form.GetValueOrDefault("id").ToString(), out var paper))
        {
            return null;
        }

        var action = form.GetValueOrDefault("do").ToString();
        if (action == "remove")
        {
            await LibraryStore.RemoveAsync(db, library, paper.Value, ct);
            return SaveOutcome.Updated;
        }

        Marks marks;
        switch (action)
        {
            case "read" or "unread":
                marks = new Marks(Read: action == "read");
                break;
            case "save" or "tag" or "":
                IReadOnlyList<string>? tags = null;
                if (form.TryGetValue("tags", out var tagText) && (tags = LibraryInput.ParseTags(tagText, out _)) is null)
                {
                    return null;
                }

                string? note = null;
                if (form.TryGetValue("note", out var noteText) && !LibraryInput.TryNote(noteText.ToString(), out note, out _))
                {
                    return null;
                }

                marks = new Marks(tags, form.ContainsKey("note") ? note ?? "" : null);
                break;
            default:
                return null;
        }

        return await LibraryStore.SaveAsync(db, library, paper.Value, marks, ct);
    }

    /// <summary>
    /// <c>POST /library/saved</c>: the save control of a card on a public page, which holds no key. The library is the one
    /// this browser opened last (its HttpOnly, SameSite=Lax cookie). Without script, the answer is the library page saying
    /// what was saved, with a link back to the page the form was on (this site's only); site.js wants 204.
    /// </summary>
    public static async Task<IResult> SaveFromCard(PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (FormRefused(http) is { } refused)
        {
            return refused;
        }

        if (await FormAsync(http, ct) is not { } form)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var back = ReaderPreferences.LocalPath(form.GetValueOrDefault("return").ToString());
        var key = http.Request.Cookies[Cookie];
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            // No library on this browser (or a revoked one): the page that says how to make one.
            return SeeOther(http, LibraryPaths.Page);
        }

        var outcome = await ApplyFormAsync(db, id, form, ct);
        return outcome switch
        {
            null => TypedResults.BadRequest(),
            SaveOutcome.Full => TypedResults.StatusCode(StatusCodes.Status409Conflict),
            SaveOutcome.NotInArchive => TypedResults.NotFound(),
            _ when IsScript(http) => TypedResults.NoContent(),
            _ => SeeOther(http, $"{PagePath(key!)}?changed={Uri.EscapeDataString(form.GetValueOrDefault("id").ToString())}&return={Uri.EscapeDataString(back)}"),
        };
    }

    /// <summary>One follow form's change (kind, value, do = follow or unfollow); null when the form is not one this site's pages send.</summary>
    private static async Task<FollowOutcome?> ApplyFollowFormAsync(PapersDbContext db, int library, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form, CancellationToken ct)
    {
        var kind = form.GetValueOrDefault("kind").ToString();
        var raw = form.GetValueOrDefault("value").ToString();
        string value;
        if (kind == Core.Data.LibraryFollow.AuthorKind)
        {
            value = raw;
            if (!await db.Authors.AnyAsync(a => a.Slug == value, ct))
            {
                return null;
            }
        }
        else if (kind != Core.Data.LibraryFollow.SearchKind || !LibraryFollows.TryQuery(raw, out value, out _))
        {
            return null;
        }

        switch (form.GetValueOrDefault("do").ToString())
        {
            case "unfollow":
                await LibraryFollows.UnfollowAsync(db, library, kind, value, ct);
                return FollowOutcome.Already;
            case "follow" or "":
                return await LibraryFollows.FollowAsync(db, library, kind, value, ct);
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>POST /library/followed</c>: the follow control of an author or search page (no key in it), for the library this
    /// browser opened last; then the library page, with a link back.
    /// </summary>
    public static async Task<IResult> FollowFromPage(PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (FormRefused(http) is { } refused)
        {
            return refused;
        }

        if (await FormAsync(http, ct) is not { } form)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var key = http.Request.Cookies[Cookie];
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return SeeOther(http, LibraryPaths.Page);
        }

        var back = ReaderPreferences.LocalPath(form.GetValueOrDefault("return").ToString());
        return await ApplyFollowFormAsync(db, id, form, ct) switch
        {
            null => TypedResults.BadRequest(),
            FollowOutcome.Full => TypedResults.StatusCode(StatusCodes.Status409Conflict),
            _ => SeeOther(http, $"{PagePath(key!)}?followed=1&return={Uri.EscapeDataString(back)}"),
        };
    }

    /// <summary><c>POST /library/{key}/follows</c>: follow a search or unfollow anything from the library page.</summary>
    public static async Task<IResult> FollowsFromForm(string key, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return TypedResults.NotFound();
        }

        if (FormRefused(http) is { } refused)
        {
            return refused;
        }

        if (await FormAsync(http, ct) is not { } form)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        return await ApplyFollowFormAsync(db, id, form, ct) switch
        {
            null => TypedResults.BadRequest(),
            FollowOutcome.Full => TypedResults.StatusCode(StatusCodes.Status409Conflict),
            _ => SeeOther(http, PagePath(key)),
        };
    }

    /// <summary>site.js posts a card's form itself and wants no page back.</summary>
    private static bool IsScript(HttpContext http) => http.Request.Headers["X-Requested-With"] == "fetch";

    /// <summary>
    /// <c>GET /library/marks</c>: the arXiv ids this browser's library holds and which are read, for site.js to mark the
    /// cards of a public page; 204 without a library. Private and never cached, like every library answer.
    /// </summary>
    public static async Task<IResult> Marks(PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await LibraryStore.FindAsync(db, http.Request.Cookies[Cookie], ct) is not { } id)
        {
            return TypedResults.NoContent();
        }

        var papers = await LibraryStore.ListAsync(db, id, null, ct);
        return TypedResults.Ok(new { saved = papers.Select(p => p.ArxivId), read = papers.Where(p => p.Read).Select(p => p.ArxivId) });
    }

    public static async Task<IResult> ImportFromForm(string key, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return TypedResults.NotFound();
        }

        if (FormRefused(http) is { } refused)
        {
            return refused;
        }

        if (await FormAsync(http, ct) is not { } form)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        string? tag = null;
        if (form.GetValueOrDefault("tag").ToString() is { Length: > 0 } tagText && !LibraryInput.TryTag(tagText, out tag, out _))
        {
            return TypedResults.BadRequest();
        }

        var result = await LibraryStore.ImportAsync(db, id, LibraryInput.ImportIds(form.GetValueOrDefault("text").ToString()), tag, ct);
        return SeeOther(http, $"{PagePath(key)}?imported={result.Added.Count}&missing={result.NotInArchive.Count}");
    }

    public static async Task<IResult> RotateFromForm(string key, PapersDbContext db, HttpContext http, CancellationToken ct)
    {
        if (await LibraryStore.FindAsync(db, key, ct) is not { } id)
        {
            return TypedResults.NotFound();
        }

        if (FormRefused(http) is { } refused)
        {
            return refused;
        }

        var fresh = await LibraryStore.RotateAsync(db, id, ct);
        Remember(http, fresh);
        return SeeOther(http, PagePath(fresh) + "?new=1");
    }
}
