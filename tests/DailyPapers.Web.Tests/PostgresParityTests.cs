using System.Net;
using AngleSharp.Html.Parser;
using DailyPapers.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace DailyPapers.Web.Tests;

/// <summary>
/// The same digests served from SQLite and from a real PostgreSQL server give the same pages: every page a crawl from the
/// home page reaches, the API, and a set of searches (Korean inside words, English prefixes, phrases, authors, filters,
/// typos, nothing found), compared as served.
/// </summary>
public sealed class PostgresParityTests(ITestOutputHelper output)
{
    // Searches whose answers both providers must agree on, in every order: relevance too is the app's score from the same
    // numbers on both (Core's Relevance).
    private static readonly string[] Searches =
    [
        "/search?q=모델", "/search?q=언어모델", "/search?q=diffusion", "/search?q=diffusion+video", "/search?q=%22language+model%22",
        "/search?q=llama3", "/search?q=Llama-3", "/search?q=transf", "/search?q=difusion", "/search?q=zzzzqqq", "/search?q=모",
        "/search?q=model&sort=newest", "/search?q=model&sort=votes", "/search?q=model&sort=newest&page=2", "/search?q=language&sort=votes&page=3", "/search?q=model&minVotes=10", "/search?q=모델&code=1", "/search?q=model&sort=votes&code=1",
        "/search?q=model&from=2024-01-01&to=2024-03-31", "/search?q=title%3A+model", "/search?q=Kolle", "/search?q=wang",
        "/authors?q=wang", "/authors?q=tao+wa", "/authors?q=Wang%2C+X.", "/authors?q=xi", "/authors",
        "/trends?q=diffusion", "/trends?q=모델,agent", "/api/search?q=diffusion&sort=newest", "/api/search?q=모델&sort=votes&page=2", "/api/search?q=모델&sort=newest&code=1", "/api/trends?q=diffusion", "/api/trends?q=diffusion&format=csv",
    ];

    [PostgresFact]
    public async Task The_seed_archive_serves_the_same_pages_from_both_providers()
    {
        var data = CopyData(Directory.GetFiles(Path.Combine(Repository.Root, "data"), "*.md").Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.md")));
        await CompareAsync(data, crawlLimit: 400, output);
    }

    [PostgresFact(Corpus = true)]
    public async Task The_corpus_serves_the_same_pages_from_both_providers()
    {
        var data = CopyData(Directory.GetFiles(Repository.Corpus, "*.md", SearchOption.AllDirectories));
        await CompareAsync(data, crawlLimit: 600, output);
    }

    private static string CopyData(IEnumerable<string> files)
    {
        var data = Path.Combine(Path.GetTempPath(), "dailypapers-parity", Guid.NewGuid().ToString("N"));
        foreach (var file in files)
        {
            var target = Path.Combine(data, Path.GetFileName(Path.GetDirectoryName(file)!) + "-" + Path.GetFileName(file));
            Directory.CreateDirectory(data);
            File.Copy(file, target);
        }

        return data;
    }

    private static async Task CompareAsync(string data, int crawlLimit, ITestOutputHelper output)
    {
        using var sqlite = new ProviderApp(data, postgres: null, output);
        using var postgres = new ProviderApp(data, PostgresServer.Shared.CreateDatabase(), output);
        using var fromSqlite = sqlite.CreateClient();
        using var fromPostgres = postgres.CreateClient();
        var parser = new HtmlParser();
        var differences = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/", "/top", "/top?period=all", "/api/days", "/archive", .. Searches]);
        seen.UnionWith(queue);
        var compared = 0;
        while (queue.Count > 0 && compared < crawlLimit + Searches.Length)
        {
            var url = queue.Dequeue();
            compared++;
            var (status, type, body) = await GetAsync(fromSqlite, url);
            var (pgStatus, _, pgBody) = await GetAsync(fromPostgres, url);
            if (status != HttpStatusCode.OK)
            {
                // Error answers carry a trace id of their own; their status and what they say must agree.
                (body, pgBody) = (Problem(body), Problem(pgBody));
            }

            if (status != pgStatus || body != pgBody)
            {
                differences.Add($"{url}: SQLite {(int)status}, PostgreSQL {(int)pgStatus}{FirstDifference(body, pgBody)}");
            }

            if (type != "text/html")
            {
                continue;
            }

            using var document = await parser.ParseDocumentAsync(body);
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.StartsWith("/prefs", StringComparison.Ordinal)
                    && seen.Add(href.Split('#')[0]) && seen.Count < crawlLimit)
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
        }

        compared.Should().BeGreaterThan(100, "the comparison must reach days, papers, authors, rankings and searches");
        differences.Should().BeEmpty($"{compared} pages were compared");
    }

    private static string Problem(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");

    private static async Task<(HttpStatusCode Status, string? Type, string Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length && i == b.Length)
        {
            return "";
        }

        var from = Math.Max(0, i - 120);
        return $"\n  SQLite:     …{a[from..Math.Min(a.Length, i + 200)]}\n  PostgreSQL: …{b[from..Math.Min(b.Length, i + 200)]}";
    }

    /// <summary>The real app over a data folder, on a SQLite file of its own or on a PostgreSQL database.</summary>
    private sealed class ProviderApp(string data, string? postgres, ITestOutputHelper output) : WebApplicationFactory<Program>
    {
        private readonly string _database = Path.Combine(Path.GetTempPath(), "dailypapers-parity", Guid.NewGuid().ToString("N") + ".db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseTestLogging(output);
            builder.UseSetting("DailyPapers:DataDirectory", data);
            builder.UseSetting("DailyPapers:IngestBeforeServing", "true");
            builder.UseSetting("DailyPapers:WatchDataDirectory", "false");
            if (postgres is null)
            {
                builder.UseSetting("DailyPapers:Database", _database);
            }
            else
            {
                builder.UseSetting("DailyPapers:Provider", "Postgres");
                builder.UseSetting("ConnectionStrings:Postgres", postgres);
            }
        }
    }
}
