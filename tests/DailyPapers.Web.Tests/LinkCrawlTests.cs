using System.Net;
using AngleSharp.Html.Parser;

namespace DailyPapers.Web.Tests;

/// <summary>
/// Every link the site gives leads somewhere: starting from the home page, every internal link (pages, pagers, period
/// and ranking links, forms' targets) is followed, and each answers 200. Catches a link made from the wrong route or
/// with a value the target page refuses.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class LinkCrawlTests(AppFactory app)
{
    [Fact]
    public async Task Every_internal_link_from_the_home_page_answers()
    {
        using var client = app.CreateClient();
        var parser = new HtmlParser();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<(string Url, string From)>([("/", "(start)")]);
        var broken = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < 400)
        {
            var (url, from) = queue.Dequeue();
            visited++;
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{url} (linked from {from}) answered {(int)response.StatusCode}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            using var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                // Internal pages only; reader preferences set a cookie and come back, the JSON API is tested on its own.
                if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal) || href.StartsWith("/prefs", StringComparison.Ordinal) || href.StartsWith("/api", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = href.Split('#')[0];
                if (target.Length > 0 && seen.Add(target))
                {
                    queue.Enqueue((target, url));
                }
            }
        }

        visited.Should().BeGreaterThan(100, "the crawl must reach days, weeks, months, papers, authors and rankings");
        seen.Should().Contain(u => u.StartsWith("/weeks/", StringComparison.Ordinal)).And.Contain(u => u.StartsWith("/months/", StringComparison.Ordinal))
            .And.Contain(u => u.StartsWith("/authors/", StringComparison.Ordinal)).And.Contain(u => u.StartsWith("/top?", StringComparison.Ordinal));
        broken.Should().BeEmpty();
    }
}
