using DailyPapers.Core.Ingestion;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>The read stage's door: what is opened, and how much of it is read.</summary>
public sealed class DigestReadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dailypapers-read-").FullName;

    [LinuxFact]
    public void Reading_an_endless_device_stops_at_the_limit()
    {
        DigestRead.ReadBounded("/dev/zero", 1024).Should().BeNull("/dev/zero says it holds 0 bytes and never ends");
    }

    [Fact]
    public void A_file_of_exactly_the_limit_is_read_whole_and_one_byte_more_is_not()
    {
        var path = Path.Combine(_folder, "a.md");
        File.WriteAllBytes(path, new byte[10_000]);

        DigestRead.ReadBounded(path, 10_000).Should().HaveCount(10_000);
        DigestRead.ReadBounded(path, 9_999).Should().BeNull();
    }

    [LinuxFact]
    public void Only_a_regular_file_is_opened()
    {
        var path = Path.Combine(_folder, "a.md");
        File.WriteAllText(path, "x");

        DigestRead.Refusal(path).Should().BeNull();
        DigestRead.Refusal("/dev/null").Should().Be("the file is a character device, not a regular file; it is not read");
        DigestRead.Refusal(_folder).Should().Be("the file is a folder, not a regular file; it is not read");
        DigestRead.Refusal(Path.Combine(_folder, "missing.md")).Should().StartWith("the file cannot be read");
    }

    [Fact]
    public void A_real_path_resolves_every_link_in_it_and_a_loop_has_none()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "real", "deep"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "alias"), Path.Combine("real", "deep"));
        File.CreateSymbolicLink(Path.Combine(_folder, "up.md"), Path.Combine("alias", "..", "x.md"));
        File.CreateSymbolicLink(Path.Combine(_folder, "loop1"), "loop2");
        File.CreateSymbolicLink(Path.Combine(_folder, "loop2"), "loop1");
        var real = FolderScan.RealPath(_folder)!;

        FolderScan.RealPath(Path.Combine(_folder, "alias", "file.md")).Should().Be(Path.Combine(real, "real", "deep", "file.md"));
        // ".." after a link leaves the link's target, not the folder holding the link.
        FolderScan.RealPath(Path.Combine(_folder, "up.md")).Should().Be(Path.Combine(real, "real", "x.md"));
        FolderScan.RealPath(Path.Combine(_folder, "loop1")).Should().BeNull();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
