namespace DailyPapers.Testing;

/// <summary>Throw-away data folders of small digests made at run time, under one temporary root deleted as a whole.</summary>
internal sealed class DigestFolders(string purpose) : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "dailypapers-" + purpose, Guid.NewGuid().ToString("N"));

    /// <summary>A folder holding the digests given, as 0.md, 1.md, …</summary>
    public string Folder(string name, params string[] digests)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < digests.Length; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"{i}.md"), digests[i]);
        }

        return folder;
    }

    /// <summary>A day of one paper by one author, with a one-line summary.</summary>
    public static string Day(string date, string id, string title) => $"""
        ## Daily Papers ({date})

        ### [{title}](https://arxiv.org/abs/{id})

        Vote: 3

        Authors: Ann Lee

        - 요약입니다.
        """;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
