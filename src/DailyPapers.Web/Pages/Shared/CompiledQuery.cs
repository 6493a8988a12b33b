using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DailyPapers.Web.Pages.Shared;

/// <summary>
/// A query compiled with <c>EF.CompileAsyncQuery</c>, once for each model it runs against. A request then runs the
/// translated SQL with its values, without building, funcletizing and looking up the LINQ tree again. EF Core binds a
/// compiled query to the first model it meets and refuses any other, and one process can hold two (a SQLite and a
/// PostgreSQL host side by side, as the parity tests run them).
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var model = db.Model;
        // Looked up first: the factory below is a closure, allocated on each call that reaches it.
        return _byModel.TryGetValue(model, out var query) ? query : _byModel.GetValue(model, _ => compile());
    }
}
