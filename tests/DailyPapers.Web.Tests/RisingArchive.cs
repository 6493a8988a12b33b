using DailyPapers.Testing;

namespace DailyPapers.Web.Tests;

/// <summary>The app over an archive where terms truly rise (<see cref="RisingDigests"/>).</summary>
public sealed class RisingArchive : IDisposable
{
    public RisingArchive()
    {
        foreach (var file in Directory.GetFiles(App.DataDirectory))
        {
            File.Delete(file);
        }

        RisingDigests.Write(App.DataDirectory);
    }

    public AppFactory App { get; } = new();

    public void Dispose() => App.Dispose();
}
