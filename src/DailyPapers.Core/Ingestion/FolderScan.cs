using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Ingestion;

/// <summary>A digest found by the scan: its path in the folder (how it is stored and reported) and the real path read.</summary>
internal sealed record DigestPath(string Relative, string Path);

/// <summary>
/// The scan stage: every <c>*.md</c> under the data folder, with the folder as a boundary. A symbolic link is followed
/// only when its real path (every link in it resolved) lies under the folder's real path; one that leaves the folder
/// is refused and named. Each real folder is walked once, and each real file found once, so a link loop
/// (<c>self → .</c>) or two links to one folder read nothing twice. Plain folders are walked before linked ones, so a
/// file is known by its own path rather than a link's. Folders whose name starts with a dot are not walked.
/// </summary>
internal sealed class FolderScan
{
    /// <summary>Links followed while resolving one path before it counts as a loop (Linux's own limit).</summary>
    private const int MaxLinks = 40;

    private readonly string _realRoot;
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly Stack<(string Real, string Relative)> _pending = new();
    private readonly List<(string Real, string Relative)> _linkedFolders = [];
    private readonly List<(DigestPath File, bool ViaLink)> _found = [];
    private readonly List<Diagnostic> _errors = [];
    private readonly List<string> _unreadableFolders = [];
    private readonly List<string> _outside = [];

    private FolderScan(string realRoot) => _realRoot = realRoot;

    /// <summary>The digests found, by relative path in ordinal order.</summary>
    public IReadOnlyList<DigestPath> Files { get; private set; } = [];

    /// <summary>Folders that could not be listed, reported as errors.</summary>
    public IReadOnlyList<Diagnostic> Errors => _errors;

    /// <summary>Relative prefixes ("" for the root, else "a/b/") of folders that could not be listed: what was stored from them stays.</summary>
    public IReadOnlyList<string> UnreadableFolders => _unreadableFolders;

    /// <summary>Links that lead out of the folder, by relative path ("x.md", or "more/" for a folder): not read.</summary>
    public IReadOnlyList<string> OutsideLinks => _outside;

    public static FolderScan Run(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var realRoot = RealPath(root) ?? throw new IOException($"The data directory '{root}' is a loop of symbolic links.");
        var scan = new FolderScan(realRoot);
        scan.Walk();
        return scan;
    }

    private void Walk()
    {
        _visited.Add(_realRoot);
        _pending.Push((_realRoot, ""));
        while (true)
        {
            while (_pending.TryPop(out var folder))
            {
                List(folder.Real, folder.Relative);
            }

            if (_linkedFolders.Count == 0)
            {
                break;
            }

            var linked = _linkedFolders.OrderBy(l => l.Relative, StringComparer.Ordinal).ToList();
            _linkedFolders.Clear();
            foreach (var folder in linked.Where(l => _visited.Add(l.Real)))
            {
                _pending.Push(folder);
            }
        }

        // A file reached twice (a link beside the file it names) is read once, under its own path if it has one.
        Files = _found
            .GroupBy(f => f.File.Path, StringComparer.Ordinal)
            .Select(g => g.OrderBy(f => f.ViaLink).ThenBy(f => f.File.Relative, StringComparer.Ordinal).First().File)
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        _outside.Sort(StringComparer.Ordinal);
    }

    /// <param name="real">The folder's real path: every entry's real path starts with it.</param>
    /// <param name="relative">The folder as reported: "" for the root, else "a/b/".</param>
    private void List(string real, string relative)
    {
        List<string> entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(real)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _unreadableFolders.Add(relative);
            _errors.Add(new Diagnostic(Severity.Error, relative.Length == 0 ? "./" : relative, 0, $"the folder cannot be read ({e.Message}); what was stored from it is kept"));
            return;
        }

        foreach (var entry in entries)
        {
            var name = System.IO.Path.GetFileName(entry);
            var isDigest = name.EndsWith(".md", StringComparison.Ordinal);
            if (LinkTarget(entry) is null)
            {
                if (Directory.Exists(entry))
                {
                    if (!name.StartsWith('.') && _visited.Add(entry))
                    {
                        _pending.Push((entry, relative + name + "/"));
                    }
                }
                else if (isDigest)
                {
                    _found.Add((new DigestPath(relative + name, entry), false));
                }

                continue;
            }

            var target = RealPath(entry);
            if (target is null)
            {
                // A loop of links: reading it fails, and says so, like any file that cannot be read.
                if (isDigest)
                {
                    _found.Add((new DigestPath(relative + name, entry), true));
                }

                continue;
            }

            var isFolder = Directory.Exists(target);
            if (!IsInside(target))
            {
                if (isFolder || isDigest)
                {
                    _outside.Add(relative + name + (isFolder ? "/" : ""));
                }

                continue;
            }

            if (isFolder)
            {
                if (!name.StartsWith('.'))
                {
                    _linkedFolders.Add((target, relative + name + "/"));
                }
            }
            else if (isDigest)
            {
                _found.Add((new DigestPath(relative + name, target), true));
            }
        }
    }

    private bool IsInside(string real) =>
        real == _realRoot || real.StartsWith(_realRoot.EndsWith(System.IO.Path.DirectorySeparatorChar) ? _realRoot : _realRoot + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The path with every symbolic link in it resolved, component by component, as far as it exists (a link to nothing
    /// resolves to where it points); null for a loop of links. What <c>realpath(3)</c> gives, in managed code.
    /// </summary>
    internal static string? RealPath(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var current = System.IO.Path.GetPathRoot(full)!;
        var pending = new Stack<string>();
        PushParts(pending, full[current.Length..]);
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = System.IO.Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = System.IO.Path.Join(current, part);
            var target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (System.IO.Path.IsPathRooted(target))
            {
                current = System.IO.Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }

            // The target's own parts are resolved next, from the folder holding the link.
            PushParts(pending, target);
        }

        return current;
    }

    private static void PushParts(Stack<string> pending, string relative)
    {
        var parts = relative.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }
}
