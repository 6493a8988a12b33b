using DailyPapers.Core.Data;
using DailyPapers.Core.Tests.Ingestion;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Data;

/// <summary>The file a running app opened, told apart from what is at its path later.</summary>
public sealed class DatabaseFileTests
{
    [Fact]
    public void The_file_as_opened_has_not_changed()
    {
        using var folder = new IngestFolder();
        using var file = DatabaseFile.Open(folder.ConnectionString, folder.DatabasePath);

        file.Id.Should().NotBeNullOrEmpty();
        file.Changed().Should().BeNull();
        using var again = DatabaseFile.Open(folder.ConnectionString, folder.DatabasePath);
        again.Id.Should().Be(file.Id, "the id is made once and kept");
    }

    [Fact]
    public void An_exact_copy_renamed_over_the_file_is_still_another_file()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc/self/fd tells it on Linux; elsewhere only the id does, which a copy shares.
        }

        using var folder = new IngestFolder();
        using var file = DatabaseFile.Open(folder.ConnectionString, folder.DatabasePath);
        SqliteConnection.ClearAllPools();
        var copy = folder.DatabasePath + ".copy";
        File.Copy(folder.DatabasePath, copy);

        File.Move(copy, folder.DatabasePath, overwrite: true);

        file.Changed().Should().Contain("was replaced", "the same bytes under the same name are not the file the app holds");
    }

    [Fact]
    public void A_file_overwritten_in_place_by_another_database_is_told_by_its_id()
    {
        using var folder = new IngestFolder();
        using var other = new IngestFolder();
        using var file = DatabaseFile.Open(folder.ConnectionString, folder.DatabasePath);
        using (DatabaseFile.Open(other.ConnectionString, other.DatabasePath))
        {
        }

        SqliteConnection.ClearAllPools();
        File.WriteAllBytes(folder.DatabasePath, File.ReadAllBytes(other.DatabasePath));

        file.Changed().Should().Contain("was replaced");
    }
}
