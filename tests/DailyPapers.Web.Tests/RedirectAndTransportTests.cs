using System.Net;
using DailyPapers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DailyPapers.Web.Tests;

/// <summary>/prefs goes back only to this site's paths, never answers 500; HTTPS gets HSTS and Secure cookies.</summary>
[Collection(SharedApp.Name)]
public sealed class RedirectAndTransportTests(AppFactory app)
{
    /// <summary>What paths are made of, and what a browser might read as leaving the site (an ideographic full stop, a fullwidth slash).</summary>
    private const string Alphabet = "/\\%:.?#@ \t\nAa0\u3002\uFF0F\u2215";

    [Theory]
    [InlineData("/%2509/127.0.0.1:5702/", "/")]
    [InlineData("/%E3%80%82/evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/%2F/evil.example", "/")]
    [InlineData("/%252F/evil.example", "/")]
    [InlineData("/%5Cevil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("", "/")]
    [InlineData("/days/2024-01-17", "/days/2024-01-17")]
    [InlineData("/search%3Fq%3D%25EB%25AA%25A8%25EB%258D%25B8%2520x%26page%3D2", "/search?q=%EB%AA%A8%EB%8D%B8%20x&page=2")]
    public async Task Prefs_goes_back_only_to_a_path_of_this_site(string encodedReturn, string location)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/prefs?theme=dark&return=" + encodedReturn, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(location);
    }

    [Theory]
    [InlineData("/%09/127.0.0.1:5702/")]
    [InlineData("/%0a/x")]
    [InlineData("/%0d%0aSet-Cookie:%20x=1")]
    [InlineData("/%00")]
    public async Task A_return_holding_a_control_character_is_refused_at_the_door_and_never_followed(string encodedReturn)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/prefs?theme=dark&return=" + encodedReturn, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
        (await response.Content.ReadAsStringAsync()).Should().Contain("return");
        ReaderPreferences.LocalPath(Uri.UnescapeDataString(encodedReturn)).Should().Be("/", "past the door, it would still go home");
    }

    [Fact]
    public void Any_text_at_all_is_a_local_path_or_the_home_page()
    {
        var random = new Random(26);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            var path = ReaderPreferences.LocalPath(text);
            (path == "/" || (path[0] == '/' && path.Length > 1 && path[1] is not ('/' or '\\') && path.All(c => c is > ' ' and < (char)0x7F and not '\\'))).Should().BeTrue(path);
            Uri.TryCreate("https://papers.example" + path, UriKind.Absolute, out var uri).Should().BeTrue();
            uri!.Host.Should().Be("papers.example", $"'{text}' gave '{path}'");
        }
    }

    [Fact]
    public async Task Over_https_pages_carry_hsts_and_preferences_are_secure_cookies()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://papers.example") });

        using var page = await client.GetAsync(new Uri("/days/2024-01-17", UriKind.Relative));
        using var prefs = await client.GetAsync(new Uri("/prefs?theme=dark&return=/", UriKind.Relative));

        page.Headers.GetValues("Strict-Transport-Security").Should().Equal("max-age=31536000");
        prefs.Headers.GetValues("Set-Cookie").Should().OnlyContain(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Over_plain_http_neither_hsts_nor_secure_cookies()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://papers.example") });

        using var page = await client.GetAsync(new Uri("/days/2024-01-17", UriKind.Relative));
        using var prefs = await client.GetAsync(new Uri("/prefs?theme=dark&return=/", UriKind.Relative));

        page.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
        prefs.Headers.GetValues("Set-Cookie").Should().NotContain(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }
}
