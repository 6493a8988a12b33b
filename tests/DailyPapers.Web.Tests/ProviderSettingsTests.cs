using DailyPapers.Core.Data;
using DailyPapers.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace DailyPapers.Web.Tests;

/// <summary>Choosing the database: each wrong setting is an error naming it, and a PostgreSQL node makes no SQLite file.</summary>
public sealed class ProviderSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static DatabaseLocation Locate(IConfiguration configuration, string root) =>
        AppSetup.Locate(AppSetup.ReadOptions(configuration), configuration, root);

    [Fact]
    public void SQLite_is_the_default()
    {
        var root = Path.Combine(Path.GetTempPath(), "dailypapers-settings", Guid.NewGuid().ToString("N"));

        var location = Locate(Settings(), root);

        location.Database.Should().BeOfType<SqliteDatabase>().Which.Path.Should().Be(Path.Combine(root, "App_Data", "dailypapers.db"));
    }

    [Fact]
    public void Postgres_takes_its_connection_string_and_never_names_a_sqlite_file()
    {
        var root = Path.Combine(Path.GetTempPath(), "dailypapers-settings", Guid.NewGuid().ToString("N"));

        var location = Locate(Settings(("DailyPapers:Provider", "Postgres"), ("ConnectionStrings:Postgres", "Host=db.lan;Database=papers;Username=papers")), root);

        location.Database.Should().BeOfType<DailyPapers.Core.Data.Postgres.PostgresDatabase>();
        location.Database.ConnectionString.Should().Contain("db.lan").And.Contain("Max Auto Prepare=256").And.NotContain(".db");
        Directory.Exists(root).Should().BeFalse("a PostgreSQL node creates nothing on disk for its data");
    }

    [Fact]
    public void An_operator_s_own_prepare_setting_is_kept()
    {
        var location = Locate(Settings(("DailyPapers:Provider", "postgres"), ("ConnectionStrings:Postgres", "Host=db.lan;Max Auto Prepare=5")), Path.GetTempPath());

        location.Database.ConnectionString.Should().Be("Host=db.lan;Max Auto Prepare=5");
    }

    [Theory]
    [InlineData("Postgres", null, "ConnectionStrings:Postgres is not set")]
    [InlineData("Postgres", "Host=db.lan;Nonsense Key=1", "ConnectionStrings:Postgres is not a PostgreSQL connection string")]
    [InlineData("Oracle", null, "DailyPapers:Provider takes Sqlite or Postgres")]
    public void A_wrong_setting_is_named(string provider, string? connectionString, string message)
    {
        var settings = connectionString is null
            ? Settings(("DailyPapers:Provider", provider))
            : Settings(("DailyPapers:Provider", provider), ("ConnectionStrings:Postgres", connectionString));

        var act = () => Locate(settings, Path.GetTempPath());

        act.Should().Throw<InvalidSettingException>().WithMessage($"*{message}*");
    }
}
