using System.Collections.Concurrent;
using System.Data.Common;
using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;
using DailyPapers.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Web.Tests;

/// <summary>
/// The cost of a page follows the rows it shows, not the archive: every SQL statement a page or endpoint sends is
/// captured (SQLite's own trace, so raw search SQL counts as much as EF's), explained against an analysed archive of
/// twenty copies of the seeds, and the page fails on a full scan of a table that grows with the archive, on a
/// materialised subquery that is not a full-text lookup, or on more round trips than its budget.
/// </summary>
public sealed partial class QueryPlanTests(QueryPlanTests.Archive archive) : IClassFixture<QueryPlanTests.Archive>
{
    private static readonly string[] GrowingTables = ["Papers", "Authors", "PaperAuthors", "Appearances", "Days", "SourceFiles", "SimilarPapers"];

    public static TheoryData<string, int> Pages => new()
    {
        { "/", 5 },
        { "/days/{date}", 3 },
        { "/days/1999-01-01", 3 },
        { "/months/2024-02", 6 },
        { "/days", 4 },
        { "/days?year=2024", 3 },
        { "/api/days", 4 },
        { "/weeks/2024-W06", 6 },
        { "/api/weeks/2024-W06", 6 },
        { "/api/months/2024-02", 6 },
        { "/papers/{paper}", 6 },
        { "/authors/{author}", 4 },
        { "/authors?q=wang", 4 },
        { "/authors?q=li", 3 },
        { "/authors?q=tao%20wa", 4 },
        { "/authors?q=Wang%2C%20X.", 5 },
        { "/authors/{author}?sort=votes", 4 },
        { "/authors", 2 },
        { "/top", 6 },
        { "/top?period=month&date={date}", 6 },
        { "/top?period=year&date={date}", 6 },
        { "/top?period=all", 4 },
        { "/top?period=all&page=3", 4 },
        { "/search?q=model", 9 },
        { "/search?q=language%20model", 9 },
        { "/search?q=diffusion%20video", 9 },
        { "/search?q=%EB%AA%A8%EB%8D%B8", 9 },
        { "/search?q=diffusion&sort=newest", 8 },
        { "/search?q=diffusion&sort=votes&minVotes=5", 8 },
        // A scored search sends five: count, matches, statistics, titles, the papers whose titles tie.
        { "/search?q=video&from=2024-01-01&to=2024-03-01", 9 },
        { "/search?q=model&code=1", 9 },
        { "/search?q=%EB%AA%A8%EB%8D%B8&sort=votes&code=1", 8 },
        { "/search?q=model&page=4", 6 },
        { "/search?q=difusion", 10 },
        { "/api/days/{date}", 3 },
        { "/api/papers/{paper}", 6 },
        { "/api/authors/{author}", 4 },
        { "/api/authors?q=chen", 4 },
        { "/api/top?period=week&date={date}", 6 },
        { "/api/top?period=all", 4 },
        { "/api/search?q=agent", 10 },
        { "/api/search?q=agent&code=1", 10 },
        { "/feeds/latest.atom", 3 },
        { "/feeds/days/{date}.atom", 3 },
        { "/feeds/authors/{author}.json", 3 },
        { "/feeds/search.atom?q=model", 8 },
        { "/feeds/top.atom?period=month&date={date}", 6 },
        { "/feeds/weeks/2024-W06.atom", 6 },
        { "/feeds/months/2024-02.json", 6 },
        { "/api", 2 },
        { "/sitemap.xml", 3 },
        { "/sitemaps/days-0.xml", 1 },
        { "/sitemaps/months.xml", 1 },
        { "/sitemaps/papers-0.xml", 1 },
        { "/sitemaps/authors-0.xml", 1 },
        { "/trends", 7 },
        { "/trends?q=diffusion,agent", 5 },
        { "/trends?q=model,%EB%AA%A8%EB%8D%B8,video,language%20model,agent", 7 },
        { "/api/trends?q=diffusion,agent", 4 },
        { "/api/trends?q=model&format=csv", 2 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_query_of_a_page_reads_by_index_within_its_round_trip_budget(string url, int budget)
    {
        url = archive.Fill(url);
        var statements = await archive.StatementsOfAsync(url);

        statements.Should().NotBeEmpty($"{url} reads the database");
        statements.Count.Should().BeLessThanOrEqualTo(budget, $"{url} may make {budget} round trips; it made:\n{string.Join("\n---\n", statements)}");
        foreach (var sql in statements)
        {
            var plan = archive.Explain(sql);
            Offences(sql, plan).Should().BeEmpty($"{url} sent a query whose cost grows with the archive:\n{sql}\nplan:\n{string.Join('\n', plan.Select(p => p.Detail))}");
        }
    }

    [Fact]
    public void The_guard_recognises_a_query_that_reads_the_whole_archive()
    {
        // What the listings did before: authors through a subquery over every paper's authors.
        var plan = archive.Explain(OldListing);

        Offences(OldListing, plan).Should().NotBeEmpty();
        const string substring = "SELECT \"a\".\"Id\" FROM \"Authors\" AS \"a\" WHERE \"a\".\"FoldedName\" LIKE '%wang%'";
        Offences(substring, archive.Explain(substring)).Should().NotBeEmpty();
    }

    /// <summary>The shape EF Core gave every listing before: each paper's authors joined from a subquery over all of them.</summary>
    private const string OldListing = """
        SELECT "p"."Id", "s"."Name" FROM "Papers" AS "p"
        LEFT JOIN (SELECT "p0"."PaperId", "a"."Name" FROM "PaperAuthors" AS "p0" INNER JOIN "Authors" AS "a" ON "a"."Id" = "p0"."AuthorId") AS "s" ON "p"."Id" = "s"."PaperId"
        WHERE "p"."Id" = 1
        """;

    /// <summary>Full scans of growing tables, and materialised subqueries that read one.</summary>
    private static List<string> Offences(string sql, IReadOnlyList<PlanStep> plan)
    {
        // Plans name tables by their alias in the statement ("SCAN p"): map aliases back to tables.
        // An alias may stand for different tables in different subqueries: it counts as growing if any of them grows.
        var tables = TableAlias().Matches(sql)
            .GroupBy(m => m.Groups[2].Success ? m.Groups[2].Value : m.Groups[1].Value, m => m.Groups[1].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.FirstOrDefault(GrowingTables.Contains) ?? g.First(), StringComparer.Ordinal);
        string? Growing(PlanStep step) =>
            step.Detail.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var name, ..] && GrowingTables.Contains(tables.GetValueOrDefault(name, name)) ? tables.GetValueOrDefault(name, name) : null;

        var offences = new List<string>();
        foreach (var step in plan)
        {
            if (step.Detail.StartsWith("SCAN ", StringComparison.Ordinal) && Growing(step) is { } table && !BoundedWalk(table, step.Detail))
            {
                offences.Add($"{step.Detail} (a full scan of {table})");
            }

            if (step.Detail.StartsWith("MATERIALIZE", StringComparison.Ordinal) && Descendants(step, plan).Any(d => Growing(d) is not null))
            {
                offences.Add($"{step.Detail} (a materialised subquery over a growing table)");
            }
        }

        return offences;
    }

    /// <summary>
    /// Index walks that stop after a page: the all-time ranking down its vote index, the author list down its paper-count
    /// index. The query's LIMIT bounds them, which the plan does not show, so each is named here.
    /// </summary>
    private static bool BoundedWalk(string table, string detail) =>
        (table == "Papers" && detail.Contains("USING INDEX IX_Papers_TopVotes_LatestDate_ArxivId", StringComparison.Ordinal)) ||
        (table == "Authors" && detail.Contains("USING INDEX IX_Authors_PaperCount_Name", StringComparison.Ordinal));

    [System.Text.RegularExpressions.GeneratedRegex("""(?:FROM|JOIN)\s+"?(\w+)"?(?:\s+(?:AS\s+)?"?(?!WHERE|ON|LEFT|INNER|JOIN|ORDER|GROUP|LIMIT|USING)(\w+)"?)?""", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TableAlias();

    private static IEnumerable<PlanStep> Descendants(PlanStep step, IReadOnlyList<PlanStep> plan)
    {
        foreach (var child in plan.Where(p => p.Parent == step.Id))
        {
            yield return child;
            foreach (var grandchild in Descendants(child, plan))
            {
                yield return grandchild;
            }
        }
    }

    public sealed record PlanStep(int Id, int Parent, string Detail);

    /// <summary>
    /// Twenty copies of the seed digests (1,300 papers), ingested and analysed before the app starts, so the planner
    /// sees tables of realistic shape; the app serves them without ingesting and records what it sends.
    /// </summary>
    public sealed class Archive : WebApplicationFactory<Program>
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "dailypapers-plan-tests", Guid.NewGuid().ToString("N"));
        private readonly string _data;
        private readonly string _connectionString;
        private readonly StatementRecorder _recorder = new();
        private readonly Dictionary<string, string> _values;

        public Archive()
        {
            Directory.CreateDirectory(_root);
            _data = SyntheticCorpus.Create(Path.Combine(Repository.Root, "data"), 20);
            _connectionString = PapersDatabase.ConnectionString(Path.Combine(_root, "plan.db"));
            PapersDatabase.Migrate(_connectionString);
            new DigestImporter(_connectionString).Ingest(_data, new IngestOptions(Today: SyntheticCorpus.Today));
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            Execute(connection, "ANALYZE;");
            _values = new()
            {
                ["{date}"] = Scalar(connection, "SELECT Date FROM Days ORDER BY Date LIMIT 1 OFFSET 40"),
                ["{paper}"] = Scalar(connection, "SELECT ArxivId FROM Papers ORDER BY Id LIMIT 1 OFFSET 700"),
                ["{author}"] = Scalar(connection, "SELECT Slug FROM Authors ORDER BY PaperCount DESC LIMIT 1"),
            };
        }

        public string Fill(string url) => _values.Aggregate(url, (u, v) => u.Replace(v.Key, v.Value, StringComparison.Ordinal));

        /// <summary>The SELECT statements one request sent, in order.</summary>
        public async Task<List<string>> StatementsOfAsync(string url)
        {
            using var client = CreateClient();
            _recorder.Clear();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            ((int)response.StatusCode).Should().BeLessThan(500, $"GET {url}");
            // The change-log poll runs on its own schedule on pooled connections that may carry the trace: not the page's.
            // FTS5 reads its own settings ('main'.'SearchWords_config') the first time a connection opens the index, so
            // whether a page meets it depends on which pooled connection it got: SQLite's statement, not the page's.
            return
            [
                .. _recorder.Statements
                    .Where(s => s.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || s.TrimStart().StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
                    .Where(s => !s.Contains("FROM Changes", StringComparison.Ordinal))
                    .Where(s => !s.Contains("FROM 'main'.'", StringComparison.Ordinal)),
            ];
        }

        public List<PlanStep> Explain(string sql)
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            using var reader = command.ExecuteReader();
            var plan = new List<PlanStep>();
            while (reader.Read())
            {
                plan.Add(new PlanStep(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
            }

            return plan;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseTestLogging();
            builder.UseSetting("DailyPapers:DataDirectory", _data);
            builder.UseSetting("DailyPapers:Database", Path.Combine(_root, "plan.db"));
            builder.UseSetting("DailyPapers:IngestOnStartup", "false");
            builder.ConfigureTestServices(services => services.ConfigureDbContext<PapersDbContext>(o => o.AddInterceptors(_recorder)));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            SqliteConnection.ClearAllPools();
            foreach (var folder in new[] { _root, _data })
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // A leftover temp folder is harmless.
                }
            }
        }

        private static void Execute(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        private static string Scalar(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
        }
    }

    /// <summary>
    /// Every statement SQLite runs on the app's connections, with parameters expanded, from SQLite's own trace hook: the
    /// raw full-text SQL is seen as well as EF Core's.
    /// </summary>
    private sealed class StatementRecorder : DbConnectionInterceptor
    {
        private readonly ConcurrentQueue<string> _statements = new();
        private readonly SQLitePCL.strdelegate_trace _trace;

        public StatementRecorder() => _trace = (_, sql) => _statements.Enqueue(sql);

        public IReadOnlyList<string> Statements => [.. _statements];

        public void Clear() => _statements.Clear();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Hook(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Hook(connection);
            return Task.CompletedTask;
        }

        private void Hook(DbConnection connection) => SQLitePCL.raw.sqlite3_trace(((SqliteConnection)connection).Handle, _trace, null);
    }
}
