using System.Globalization;
using System.Text;
using DailyPapers.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Web.Tests;

/// <summary>
/// The app over an archive made to sit on the edges of the listing rules: counts that are exact multiples of a page size,
/// author names that fall in every tier of the author search with paper counts against the tiers, a paper sharing more
/// authors than its neighbours, a paper listed once with zero votes and once without votes, and a latest day whose
/// first paper has no authors. Shared by the tests of one collection, which read it through queries or through URLs
/// no other test asks for (the app caches pages).
/// </summary>
/// <remarks>
/// 2024-05-01  100 papers 2405.00001 … 2405.00100 ("Study i", votes i), in digest order:
///             1–20 have "Zyzzyva" in their title, 21–41 "Quokka", the rest "Plain";
///             1–50 are by Fifty Person; 51 by Kim; 52–53 by Kim Lee; 54–56 by Bo Kim; 57–60 by Akim Ro;
///             61 and 62 by Hub One and Hub Two; 63–69 by Hub One; 70–100 by nobody.
/// 2024-06-03  Zero Vote Paper 2406.00001 (0 votes, no authors); Five Vote Paper 2406.00002 (5) [Solo Writer]
/// 2024-06-04  Zero Vote Paper again (no votes); An Unmistakable Headline 2406.00003 (3) [First Writer, Second Writer];
///             Third Paper 2406.00004 (2) [Third Writer]
/// </remarks>
public sealed class EdgeArchive : IDisposable
{
    public const string Name = "edge";

    public EdgeArchive()
    {
        foreach (var file in Directory.GetFiles(App.DataDirectory))
        {
            File.Delete(file);
        }

        var may = new StringBuilder("## Daily Papers (2024-05-01)\n\n");
        for (var i = 1; i <= 100; i++)
        {
            var word = i <= 20 ? "Zyzzyva" : i <= 41 ? "Quokka" : "Plain";
            Paper(may, $"2405.{i:00000}", $"{word} Study {i}", i.ToString(CultureInfo.InvariantCulture), MayAuthors(i));
        }

        File.WriteAllText(Path.Combine(App.DataDirectory, "2024-05-01.md"), may.ToString());

        var monday = new StringBuilder("## Daily Papers (2024-06-03)\n\n");
        Paper(monday, "2406.00001", "Zero Vote Paper", "0", null);
        Paper(monday, "2406.00002", "Five Vote Paper", "5", "Solo Writer");
        File.WriteAllText(Path.Combine(App.DataDirectory, "2024-06-03.md"), monday.ToString());

        var tuesday = new StringBuilder("## Daily Papers (2024-06-04)\n\n");
        Paper(tuesday, "2406.00001", "Zero Vote Paper", "-", null);
        Paper(tuesday, "2406.00003", "An Unmistakable Headline", "3", "First Writer, Second Writer");
        Paper(tuesday, "2406.00004", "Third Paper", "2", "Third Writer");
        File.WriteAllText(Path.Combine(App.DataDirectory, "2024-06-04.md"), tuesday.ToString());
    }

    public AppFactory App { get; } = new();

    /// <summary>A context on the app's database, ingested before the app serves; dispose the scope with it.</summary>
    public (IServiceScope Scope, PapersDbContext Db) Db()
    {
        var scope = App.Services.CreateScope();
        return (scope, scope.ServiceProvider.GetRequiredService<PapersDbContext>());
    }

    private static string? MayAuthors(int i) => i switch
    {
        <= 50 => "Fifty Person",
        51 => "Kim",
        <= 53 => "Kim Lee",
        <= 56 => "Bo Kim",
        <= 60 => "Akim Ro",
        <= 62 => "Hub One, Hub Two",
        <= 69 => "Hub One",
        _ => null,
    };

    private static void Paper(StringBuilder digest, string id, string title, string votes, string? authors)
    {
        digest.Append(CultureInfo.InvariantCulture, $"### [{title}](https://arxiv.org/abs/{id})\n\nVote: {votes}\n\n");
        if (authors is not null)
        {
            digest.Append(CultureInfo.InvariantCulture, $"Authors: {authors}\n\n");
        }

        digest.Append(CultureInfo.InvariantCulture, $"- {title} 요약.\n\n");
    }

    public void Dispose() => App.Dispose();
}

[CollectionDefinition(EdgeArchive.Name)]
public sealed class SharedEdgeArchive : ICollectionFixture<EdgeArchive>;
