using DailyPapers.Core.Data;
using DailyPapers.Core.Ingestion;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Core.Tests.Ingestion;

/// <summary>A throw-away data folder and SQLite file, migrated, with an importer over them.</summary>
internal sealed class IngestFolder : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dailypapers-tests", Guid.NewGuid().ToString("N"));

    public IngestFolder()
    {
        Directory.CreateDirectory(DataDirectory);
        ConnectionString = PapersDatabase.ConnectionString(Path.Combine(_root, "papers.db"));
        PapersDatabase.Migrate(ConnectionString);
    }

    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>A folder beside the data folder, outside it: where hostile links point.</summary>
    public string Outside => Path.Combine(_root, "outside");

    public string DatabasePath => Path.Combine(_root, "papers.db");

    public string ConnectionString { get; }

    public IngestFolder WithSeeds()
    {
        foreach (var file in Directory.GetFiles(TestPaths.SeedData, "*.md"))
        {
            File.Copy(file, Path.Combine(DataDirectory, Path.GetFileName(file)));
        }

        return this;
    }

    /// <summary>The real digests of ../shared/corpus, in their folders (tests using it are <c>CorpusFact</c>s).</summary>
    public IngestFolder WithCorpus()
    {
        foreach (var file in Directory.GetFiles(DailyPapers.Testing.Repository.Corpus, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(DataDirectory, Path.GetRelativePath(DailyPapers.Testing.Repository.Corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return this;
    }

    public string Write(string relativePath, string text) => WriteBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(DataDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        // Make the change visible even within the file system's timestamp resolution.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(Random.Shared.Next(1, 1000)));
        return path;
    }

    public IngestReport Ingest() => new DigestImporter(ConnectionString).Ingest(DataDirectory);

    public PapersDbContext Context() => new(PapersDatabase.Options(ConnectionString));

    /// <summary>Every row of every table, ids included, as text: two equal dumps mean the same rows.</summary>
    public string DumpRows()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        var dump = new System.Text.StringBuilder();
        foreach (var table in new[] { "SourceFiles", "Days", "Papers", "Authors", "PaperAuthors", "Appearances", "Meta" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                dump.Append(table);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetName(i) is "IngestedUtc")
                    {
                        continue;
                    }

                    dump.Append('|').Append(reader.GetValue(i));
                }

                dump.Append('\n');
            }
        }

        return dump.ToString();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
