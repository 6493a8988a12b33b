namespace DailyPapers.Browser.Tests;

/// <summary>
/// A test that needs Debian's Chromium. Without it the test is skipped with a message saying how to install it, unless
/// DAILYPAPERS_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser fails the test instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath) && Environment.GetEnvironmentVariable("DAILYPAPERS_REQUIRE_BROWSER") != "1")
        {
            Skip = $"Chromium is not installed at {BrowserFixture.ChromiumPath}: run 'sudo apt-get install chromium fonts-noto-cjk' to run the browser tests.";
        }
    }
}

/// <summary>A theory that needs Debian's Chromium, skipped or failed without it as <see cref="BrowserFactAttribute"/> says.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath) && Environment.GetEnvironmentVariable("DAILYPAPERS_REQUIRE_BROWSER") != "1")
        {
            Skip = $"Chromium is not installed at {BrowserFixture.ChromiumPath}: run 'sudo apt-get install chromium fonts-noto-cjk' to run the browser tests.";
        }
    }
}
