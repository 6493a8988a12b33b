using DailyPapers.Web.Pages.Trends;

namespace DailyPapers.Web.Tests.Pages.Trends;

/// <summary>What <c>q</c> of /trends and /api/trends accepts, at the edges of its limits.</summary>
public sealed class TrendsParametersTests
{
    [Fact]
    public void Exactly_five_terms_are_accepted()
    {
        TrendsParameters.TryParse("a1,b2,c3,d4,e5", out var terms, out _).Should().BeTrue();

        terms.Should().Equal("a1", "b2", "c3", "d4", "e5");
    }

    [Fact]
    public void A_term_of_a_hundred_characters_is_accepted()
    {
        var term = new string('a', TrendsParameters.MaxTermLength);

        TrendsParameters.TryParse("agent," + term, out var terms, out _).Should().BeTrue();

        terms.Should().Equal("agent", term);
    }

    [Fact]
    public void A_term_longer_than_a_hundred_characters_is_refused_with_a_korean_message_naming_q()
    {
        TrendsParameters.TryParse("agent," + new string('a', TrendsParameters.MaxTermLength + 1), out _, out var error).Should().BeFalse();

        error.Parameter.Should().Be("q");
        error.Detail.Should().StartWith("q의 검색어 'aaa").And.Contain("너무 깁니다").And.EndWith("검색어마다 100자까지 쓸 수 있습니다.");
    }
}
