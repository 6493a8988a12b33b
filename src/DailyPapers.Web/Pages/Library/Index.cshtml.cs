using DailyPapers.Core.Data;
using DailyPapers.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DailyPapers.Web.Pages.Library;

/// <summary>
/// <c>/library/{key}</c>: a reader's saved papers with their tags, notes and read marks, each changed by a form; import,
/// export and a new key. Opening it remembers the library on this browser (<see cref="LibraryApi.Remember"/>) so the
/// save control on public pages can reach it. A wrong or revoked key is the same 404 as a page that never existed.
/// </summary>
public sealed class IndexModel(PapersDbContext db) : PageModel
{
    public string Key { get; private set; } = "";

    public string? Tag { get; private set; }

    public IReadOnlyList<SavedPaper> Papers { get; private set; } = [];

    public IReadOnlyList<KeyValuePair<string, int>> Tags { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>Papers like the library's (or the tag's) and not in it.</summary>
    public IReadOnlyList<RecommendedPaper> Recommended { get; private set; } = [];

    public IReadOnlyList<Follow> Follows { get; private set; } = [];

    /// <summary>The follows' papers listed since the reader's visit before the last new digest.</summary>
    public NewSince? New { get; private set; }

    /// <summary>Back from a follow control of an author or search page.</summary>
    public bool Followed { get; private set; }

    public bool IsNew { get; private set; }

    public int? Imported { get; private set; }

    public int? Missing { get; private set; }

    /// <summary>The paper a card's form just saved or removed, and the page it was on: without script, the reader lands here.</summary>
    public SavedPaper? Changed { get; private set; }

    public string? ChangedId { get; private set; }

    public string? ReturnTo { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, string? tag, string? @new, string? imported, string? missing, string? changed, string? followed, string? @return, CancellationToken cancellationToken)
    {
        string? wanted = null;
        if (tag is not null && !LibraryInput.TryTag(tag, out wanted, out var error))
        {
            return this.BadParameter("tag", error);
        }

        if (await LibraryStore.FindAsync(db, key, cancellationToken) is not { } id)
        {
            return NotFound();
        }

        Key = key;
        Tag = wanted;
        var all = await LibraryStore.ListAsync(db, id, null, cancellationToken);
        Total = all.Count;
        Papers = wanted is null ? all : [.. all.Where(p => p.Tags.Contains(wanted))];
        Tags = [.. all.SelectMany(p => p.Tags).GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Count()))];
        Recommended = await LibraryStore.RecommendAsync(db, id, wanted, cancellationToken);
        Follows = await LibraryFollows.ListAsync(db, id, cancellationToken);
        // Opening the page is the visit that what is new is measured from.
        // A database served read-only records no visit: what is new is measured as the API measures it.
        var since = HttpContext.RequestServices.GetRequiredService<Infrastructure.DatabaseLocation>().ReadOnlyPath is null
            ? await LibraryFollows.VisitAsync(db, id, cancellationToken)
            : await LibraryFollows.SinceAsync(db, id, cancellationToken);
        New = await LibraryFollows.NewAsync(db, id, since, cancellationToken);
        Followed = followed == "1";
        IsNew = @new == "1";
        Imported = ParameterText.TryParseDigits(imported, out var added) ? added : null;
        Missing = ParameterText.TryParseDigits(missing, out var notListed) ? notListed : null;
        if (Core.Parsing.ArxivId.TryParse(changed, out var changedId))
        {
            ChangedId = changedId.Value;
            Changed = all.FirstOrDefault(p => p.ArxivId == changedId.Value);
        }

        if (ChangedId is not null || Followed)
        {
            ReturnTo = @return is null ? null : Infrastructure.ReaderPreferences.LocalPath(@return);
        }

        LibraryApi.Remember(HttpContext, key);
        return Page();
    }
}
