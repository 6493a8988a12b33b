using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using DailyPapers.Core.Parsing;
using NetArchTest.Rules;

namespace DailyPapers.Core.Tests;

/// <summary>
/// The table "What may depend on what" of docs/ARCHITECTURE.md, one test per row, read from the compiled assemblies by
/// NetArchTest: every use shows there, in signatures, fields, locals and the instructions of method bodies (lambdas and
/// async methods included). A constant is copied where it is used, so a constant of another namespace leaves no trace.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Core = "DailyPapers.Core";
    private const string Data = "DailyPapers.Core.Data";
    private const string Parsing = "DailyPapers.Core.Parsing";
    private const string Rendering = "DailyPapers.Core.Rendering";
    private const string Search = "DailyPapers.Core.Search";
    private const string Ingestion = "DailyPapers.Core.Ingestion";
    private const string Web = "DailyPapers.Web";

    /// <summary>
    /// The providers' own types: ADO.NET (Npgsql, Microsoft.Data.Sqlite and the SQLite library under it) and the
    /// provider-specific EF extensions (UseSqlite, UseNpgsql, IsSqlite, IsNpgsql), which live in EF's namespace.
    /// </summary>
    private static readonly string[] ProviderTypes =
    [
        "Npgsql", "NpgsqlTypes", "Microsoft.Data.Sqlite", "SQLitePCL", "Microsoft.EntityFrameworkCore.Sqlite",
        "Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions", "Microsoft.EntityFrameworkCore.SqliteDatabaseFacadeExtensions",
        "Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions", "Microsoft.EntityFrameworkCore.NpgsqlDatabaseFacadeExtensions",
    ];

    private static readonly Types CoreTypes = Types.InAssembly(typeof(DigestParser).Assembly);

    [Fact]
    public void Data_is_at_the_bottom_and_uses_nothing_above_it() =>
        Breaches(Data, Parsing, Rendering, Search, Ingestion, Web).Should().BeEmpty();

    [Fact]
    public void Parsing_uses_no_rendering_ingestion_data_search_or_web_app() =>
        Breaches(Parsing, Rendering, Ingestion, Data, Search, Web).Should().BeEmpty();

    [Fact]
    public void Rendering_uses_no_ingestion_data_search_or_web_app() =>
        Breaches(Rendering, Ingestion, Data, Search, Web).Should().BeEmpty();

    [Fact]
    public void Search_uses_no_ingestion_or_web_app() =>
        Breaches(Search, Ingestion, Web).Should().BeEmpty();

    [Fact]
    public void Ingestion_uses_no_web_app() =>
        Breaches(Ingestion, Web).Should().BeEmpty();

    [Fact]
    public void Core_uses_nothing_of_the_web_app_or_aspnetcore() =>
        Breaches(Core, Web, "Microsoft.AspNetCore").Should().BeEmpty();

    [Fact]
    public void The_web_app_writes_no_sql()
    {
        // SQL lives in Core (the EF model, the importer, the search seam); pages and endpoints ask queries in LINQ.
        using var stream = File.OpenRead(WebAssembly);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var strings = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            strings.Add(metadata.GetUserString(handle));
        }

        strings.Should().Contain(s => s.Contains("/api", StringComparison.Ordinal), "the check must read the web app's strings");
        strings.Where(s => System.Text.RegularExpressions.Regex.IsMatch(s, @"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b")).Should().BeEmpty();
    }

    [Fact]
    public void Nothing_but_data_names_a_provider_s_types()
    {
        // The provider is chosen once (Core.Data.Database) and asked, never tested for: only Data opens connections. The
        // web app's configuration binding chooses through Data's own types (SqliteDatabase, PostgresDatabase), so it
        // needs no exception here.
        var outsideData = Uses("the core outside Data", () => CoreTypes.That().DoNotResideInNamespace(Data + "."), ProviderTypes);
        var webTypes = Types.FromFile(WebAssembly);
        var web = Uses("the web app", () => webTypes.That().ResideInNamespace(""), ProviderTypes);

        outsideData.Concat(web).Should().BeEmpty();
    }

    [Fact]
    public void Pages_link_to_pages_by_route_never_by_a_written_path()
    {
        // A path written by hand drifts from the @page route it means; asp-page and Url.Page cannot.
        var pages = Path.Combine(DailyPapers.Testing.Repository.Root, "src", "DailyPapers.Web", "Pages");
        var views = Directory.GetFiles(pages, "*.cshtml", SearchOption.AllDirectories);
        var code = Directory.GetFiles(pages, "*.cs", SearchOption.AllDirectories);
        views.Should().NotBeEmpty();

        var written = new System.Text.RegularExpressions.Regex(@"(href|action)=""/(?!api/|prefs)|""/(days|papers|authors|weeks|months|top|search)|Redirect\(""/");
        views.Concat(code)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetRelativePath(pages, file), Line: i + 1, Text: line)))
            .Where(l => written.IsMatch(l.Text) && !l.Text.Contains("@page \"", StringComparison.Ordinal) && !l.Text.Contains("MapRead(", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .Should().BeEmpty();
    }

    /// <summary>The web app as built with the solution (this project does not reference it).</summary>
    private static string WebAssembly
    {
        get
        {
            var bin = Path.Combine(DailyPapers.Testing.Repository.Root, "src", "DailyPapers.Web", "bin");
            var assembly = Directory.GetFiles(bin, "DailyPapers.Web.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
            assembly.Should().NotBeNull("the web app is built with the solution");
            return assembly!;
        }
    }

    /// <summary>Each use of a <paramref name="forbidden"/> namespace or type by a type of the core's namespace <paramref name="user"/> or those under it.</summary>
    private static List<string> Breaches(string user, params string[] forbidden) =>
        Uses(user, () => CoreTypes.That().ResideInNamespace(user + "."), forbidden);

    /// <summary>
    /// Each use of a <paramref name="forbidden"/> namespace or type by one of <paramref name="types"/>, as "type uses
    /// namespace". Fails if there are no such types, so a renamed namespace cannot make its rule pass by checking nothing.
    /// </summary>
    private static List<string> Uses(string what, Func<PredicateList> types, string[] forbidden)
    {
        types().Should().ResideInNamespace("").Count().Should().BePositive($"the rule must see the types of {what}");
        return
        [
            .. forbidden.SelectMany(f =>
                (types().ShouldNot().HaveDependencyOn(f).GetResult().FailingTypeNames ?? []).Select(type => $"{type} uses {f}")),
        ];
    }
}
