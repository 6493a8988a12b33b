using DailyPapers.Core.Parsing;
using DailyPapers.Web.Pages.Papers;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Web.Tests.Pages.Shared;

/// <summary>
/// A card's plain-text summary (what snippets and feeds quote) is the text the ingest stored; the summary's markdown is
/// read again only for a row stored before that text was kept.
/// </summary>
public sealed class SummaryTextTests(SmallArchive archive) : IClassFixture<SmallArchive>
{
    [Fact]
    public async Task The_stored_plain_text_is_used_as_it_is()
    {
        var (scope, db) = archive.Db();
        using var _ = scope;
        await db.Papers.Where(p => p.ArxivId == "2403.00003").ExecuteUpdateAsync(s => s.SetProperty(p => p.SummaryText, "Stored at ingest."));
        ArxivId.TryParse("2403.00003", out var id).Should().BeTrue();

        var view = await PaperQuery.LoadAsync(db, id, CancellationToken.None);

        view!.Paper.SummaryMarkdown.Should().Contain("Gamma 요약.");
        view.Paper.SummaryText.Should().Be("Stored at ingest.");
    }
}
