using DailyPapers.Web.Pages.Shared;

namespace DailyPapers.Web.Tests.Pages.Shared;

/// <summary>Where a card's links lead outside the app: the paper on arXiv and Hugging Face; and how dates are written in addresses.</summary>
public sealed class LinksTests
{
    [Fact]
    public void A_card_links_the_paper_on_arxiv_and_hugging_face()
    {
        var card = new PaperCard("2401.08541", "M$^{2}$UGen", "", new DateOnly(2024, 1, 17), 21, 1, null, null, null, "", "", "", false, []);

        (card.AbsUrl, card.PdfUrl, card.HuggingFaceUrl).Should().Be(
            ("https://arxiv.org/abs/2401.08541", "https://arxiv.org/pdf/2401.08541", "https://huggingface.co/papers/2401.08541"));
        card.TitleText.Should().Be("M²UGen", "a title in plain text shows its TeX as Unicode");
    }

    [Fact]
    public void Dates_in_addresses_are_iso_with_four_digit_years()
    {
        // The app's own pages are linked by route (asp-page, Url.Page); LinkCrawlTests follows every one of them.
        Links.Iso(new DateOnly(2024, 1, 7)).Should().Be("2024-01-07");
        Links.Iso(new DateOnly(987, 3, 4)).Should().Be("0987-03-04");
    }
}
