using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using DailyPapers.Core.Parsing;
using DailyPapers.Core.Tests.Parsing;

namespace DailyPapers.Core.Tests;

/// <summary>
/// The dependency rules of docs/ARCHITECTURE.md, read from the compiled assemblies: the core knows no web app, rendering
/// and search know nothing of ingestion, and the web app writes no SQL of its own.
/// </summary>
public sealed class ArchitectureTests
{
    private static string CoreAssembly => typeof(DigestParser).Assembly.Location;

    [Theory]
    [InlineData("DailyPapers.Core", "DailyPapers.Web")]
    [InlineData("DailyPapers.Core", "Microsoft.AspNetCore")]
    [InlineData("DailyPapers.Core.Rendering", "DailyPapers.Core.Ingestion")]
    [InlineData("DailyPapers.Core.Rendering", "DailyPapers.Core.Data")]
    [InlineData("DailyPapers.Core.Search", "DailyPapers.Core.Ingestion")]
    public void A_namespace_uses_nothing_the_architecture_keeps_from_it(string user, string forbidden)
    {
        var uses = TypeUses.Of(CoreAssembly, user);

        uses.Should().NotBeEmpty("the check must see the namespace's own uses");
        uses.Where(u => TypeUses.InNamespace(u.Used, forbidden)).Select(u => $"{u.User} uses {u.Used}").Should().BeEmpty();
    }

    [Fact]
    public void The_web_app_writes_no_sql()
    {
        // SQL lives in Core (the EF model, the importer, the search seam); pages and endpoints ask queries in LINQ.
        var web = Path.Combine(DailyPapers.Testing.Repository.Root, "src", "DailyPapers.Web", "bin");
        var assembly = Directory.GetFiles(web, "DailyPapers.Web.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        assembly.Should().NotBeNull("the web app is built with the solution");

        using var stream = File.OpenRead(assembly!);
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
    public void Pages_link_to_pages_by_route_never_by_a_written_path()
    {
        // A path written by hand drifts from the @page route it means; asp-page and Url.Page cannot.
        var pages = Path.Combine(DailyPapers.Testing.Repository.Root, "src", "DailyPapers.Web", "Pages");
        var views = Directory.GetFiles(pages, "*.cshtml", SearchOption.AllDirectories);
        var code = Directory.GetFiles(pages, "*.cs", SearchOption.AllDirectories);
        views.Should().NotBeEmpty();

        var written = new System.Text.RegularExpressions.Regex(@"(href|action)=""/(?!api/|prefs)|""/(days|papers|authors|weeks|months|top|search)|Redirect\(""/");
        views.Concat(code)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (File: Path.GetRelativePath(pages, file), Line: i + 1, Text: line)))
            .Where(l => written.IsMatch(l.Text) && !l.Text.Contains("@page \"", StringComparison.Ordinal) && !l.Text.Contains("MapRead(", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .Should().BeEmpty();
    }
}
