using System.Diagnostics;
using DailyPapers.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace DailyPapers.Web.Tests;

/// <summary>Every command rejects what it does not know, naming it, with exit code 2; nothing is silently ignored.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Settings_pass_through_as_key_value_pairs_in_either_form()
    {
        HostArguments.Check(["--urls", "http://127.0.0.1:5080", "--DailyPapers:Database=/srv/p.db", "--dailypapers:hosts:0=papers.lan", "--Logging:LogLevel:Default", "Warning"])
            .Should().Equal("--urls=http://127.0.0.1:5080", "--DailyPapers:Database=/srv/p.db", "--dailypapers:hosts:0=papers.lan", "--Logging:LogLevel:Default=Warning");
    }

    [Theory]
    [InlineData("--replace --DailyPapers:DataDirectory=/srv", "unknown option '--replace'")]
    [InlineData("--DailyPapers:DataDirecotry=/srv", "unknown option '--DailyPapers:DataDirecotry'")]
    [InlineData("--DailyPapers:Hosts:first=x", "unknown option '--DailyPapers:Hosts:first'")]
    [InlineData("--urls", "'--urls' needs a value")]
    [InlineData("--urls --DailyPapers:Database=x", "'--urls' needs a value")]
    [InlineData("data", "'data' is not an option")]
    [InlineData("--", "'--' is not an option")]
    public void An_unknown_or_malformed_setting_is_named(string line, string message)
    {
        var check = () => HostArguments.Check(line.Split(' '));

        check.Should().Throw<InvalidSettingException>().Which.Message.Should().StartWith(message);
    }

    [Fact]
    public void An_unknown_key_of_the_section_from_the_environment_is_named_with_its_variable()
    {
        const string variable = "DAILYPAPERS_TEST_DailyPapers__Databse";
        Environment.SetEnvironmentVariable(variable, "x.db");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables("DAILYPAPERS_TEST_").Build();

            var check = () => HostArguments.CheckSection(configuration);

            check.Should().Throw<InvalidSettingException>().Which.Message.Should().StartWith("unknown setting 'DailyPapers:Databse' (the environment variable DailyPapers__Databse)");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Every_setting_the_app_defines_is_known()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            typeof(DailyPapersOptions).GetProperties().Select(p => new KeyValuePair<string, string?>($"DailyPapers:{p.Name}{(p.Name == "Hosts" ? ":0" : "")}", "x"))).Build();

        configuration.GetSection("DailyPapers").GetChildren().Should().HaveCount(typeof(DailyPapersOptions).GetProperties().Length);
        HostArguments.CheckSection(configuration);
    }

    [Theory]
    [InlineData("--bogus", "unknown option '--bogus'")]
    [InlineData("--replace --DailyPapers:Databse=x.db", "unknown option '--DailyPapers:Databse'")]
    [InlineData("serve --urls", "'--urls' needs a value")]
    [InlineData("ingest . --what", "unknown option '--what'")]
    [InlineData("ingest /no/such/folder/anywhere", "Directory does not exist")]
    public void The_app_exits_with_2_naming_what_it_does_not_know(string arguments, string message)
    {
        var (exitCode, error) = RunApp(arguments);

        exitCode.Should().Be(2, error);
        error.Should().Contain(message);
    }

    [Fact]
    public void The_ingest_takes_the_configured_day_as_today_when_it_judges_a_digests_date()
    {
        var data = Directory.CreateTempSubdirectory("dailypapers-cli-today-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(data, "day.md"), "## Daily Papers (2031-06-01)\n\n### [Later](https://arxiv.org/abs/3106.00001)\n\n- 요약.\n");

            var (refused, error) = RunApp($"ingest \"{data}\" --DailyPapers:Today=2029-06-01");
            var (accepted, _) = RunApp($"ingest \"{data}\" --DailyPapers:Today=2030-06-01");

            refused.Should().Be(4, "2031-06-01 is after the end of the year after 2029");
            error.Should().Contain("day.md:1: error: day heading 'Daily Papers (2031-06-01)' is dated 2031-06-01");
            accepted.Should().Be(0);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static (int ExitCode, string Error) RunApp(string arguments)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "DailyPapers.Web.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{app}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // A database of its own, in case a wrong command ever got as far as opening one.
        start.Environment["DailyPapers__Database"] = Path.Combine(Path.GetTempPath(), "dailypapers-cli-" + Guid.NewGuid().ToString("N") + ".db");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dailypapers {arguments} did not exit: it must refuse at once");
        }

        return (process.ExitCode, error.Result);
    }
}
