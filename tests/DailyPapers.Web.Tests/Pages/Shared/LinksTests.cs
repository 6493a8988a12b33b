using DailyPapers.Web.Pages.Shared;

namespace DailyPapers.Web.Tests.Pages.Shared;

/// <summary>Where a card's links lead: the paper on arXiv and Hugging Face, and the app's own day, paper and author pages.</summary>
public sealed class LinksTests
{
    [Fact]
    public void A_card_links_the_paper_on_arxiv_and_hugging_face()
    {
        var card = new PaperCard("2401.08541", "M$^{2}$UGen", "", new DateOnly(2024, 1, 17), 21, 1, null, null, null, "", "", false, []);

        (card.AbsUrl, card.PdfUrl, card.HuggingFaceUrl).Should().Be(
            ("https://arxiv.org/abs/2401.08541", "https://arxiv.org/pdf/2401.08541", "https://huggingface.co/papers/2401.08541"));
        card.TitleText.Should().Be("M²UGen", "a title in plain text shows its TeX as Unicode");
    }

    [Fact]
    public void The_apps_own_pages_are_addressed_by_date_id_and_slug()
    {
        Links.Day(new DateOnly(2024, 1, 7)).Should().Be("/days/2024-01-07");
        Links.Iso(new DateOnly(987, 3, 4)).Should().Be("0987-03-04");
        Links.Paper("hep-th/9901001").Should().Be("/papers/hep-th/9901001");
        Links.Author("김철수-kim").Should().Be("/authors/%EA%B9%80%EC%B2%A0%EC%88%98-kim");
    }
}
