using DailyPapers.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Web.Tests;

/// <summary>
/// The app over a small archive made so that every ordering rule of the listing queries shows: digest order differs
/// from vote order, votes tie across days and within a day, a paper is listed twice with equal and with different
/// votes, days sit on the edges of a week and of a year, and author names tie in paper counts. In the seeds these rules
/// coincide, so a query that broke one would still pass there.
/// </summary>
/// <remarks>
/// The papers (P1 … P9 below are 2403.00001 …, listed as "Alpha" …) and their listings:
/// 2023-12-31  P7 Eta 3 [Eve Ng, Joann Lee]
/// 2024-02-28  P6 Zeta 50 [Ann Lee, Bo Kim]
/// 2024-03-04  P1 Alpha 7 [Ann Lee, Bo Kim]; P2 Beta 9 [Ann Lee]; P3 Gamma no votes [Cy Park, Joann Lee]
/// 2024-03-06  (notes) P4 Delta 9 [Bo Kim, Cy Park]; P1 Alpha again 7; P5 Epsilon 7 [Cy Park, Ann Lee]; P2 Beta again 3
/// 2024-03-10  P9 Iota 7 [Ann Lee, Dee Dee]
/// 2025-01-01  P8 Theta 3 [Ann Leeson]
/// </remarks>
public sealed class SmallArchive : IDisposable
{
    public SmallArchive()
    {
        foreach (var file in Directory.GetFiles(App.DataDirectory))
        {
            File.Delete(file);
        }

        Write("e.md", "2023-12-31", null, ("2312.00007", "Eta", "3", "Eve Ng, Joann Lee"));
        Write("d.md", "2024-02-28", null, ("2402.00006", "Zeta", "50", "Ann Lee, Bo Kim"));
        Write("a.md", "2024-03-04", null,
            ("2403.00001", "Alpha", "7", "Ann Lee, Bo Kim"),
            ("2403.00002", "Beta", "9", "Ann Lee"),
            ("2403.00003", "Gamma", "-", "Cy Park, Joann Lee"));
        Write("b.md", "2024-03-06", "오늘의 메모.",
            ("2403.00004", "Delta", "9", "Bo Kim, Cy Park"),
            ("2403.00001", "Alpha again", "7", "Ann Lee, Bo Kim"),
            ("2403.00005", "Epsilon", "7", "Cy Park, Ann Lee"),
            ("2403.00002", "Beta again", "3", "Ann Lee"));
        Write("c.md", "2024-03-10", null, ("2403.00009", "Iota", "7", "Ann Lee, Dee Dee"));
        Write("f.md", "2025-01-01", null, ("2501.00008", "Theta", "3", "Ann Leeson"));
    }

    public AppFactory App { get; } = new();

    /// <summary>A context on the app's database, ingested before the app serves; dispose the scope with it.</summary>
    public (IServiceScope Scope, PapersDbContext Db) Db()
    {
        var scope = App.Services.CreateScope();
        return (scope, scope.ServiceProvider.GetRequiredService<PapersDbContext>());
    }

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private void Write(string name, string date, string? notes, params (string Id, string Title, string Votes, string Authors)[] papers)
    {
        var text = new System.Text.StringBuilder("## Daily Papers (" + date + ")\n\n");
        if (notes is not null)
        {
            text.Append(notes).Append("\n\n");
        }

        foreach (var (id, title, votes, authors) in papers)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"### [{title}](https://arxiv.org/abs/{id})\n\nVote: {votes}\n\nAuthors: {authors}\n\n- {title} 요약.\n\n");
        }

        File.WriteAllText(Path.Combine(App.DataDirectory, name), text.ToString());
    }

    public void Dispose() => App.Dispose();
}
