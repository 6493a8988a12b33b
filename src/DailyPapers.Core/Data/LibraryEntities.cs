namespace DailyPapers.Core.Data;

/// <summary>
/// A reader's library, reached by a secret link and nothing else: only the SHA-256 hash of its key is stored, so the
/// table holds nothing that opens a library. Rotating the key replaces the hash.
/// </summary>
public sealed class Library
{
    public int Id { get; set; }

    /// <summary>SHA-256 of the key's bytes (32 bytes), unique: a library is found by this hash alone.</summary>
    public required byte[] KeyHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The latest digest day when the reader opened the library the visit before last: "new" is listed after it.</summary>
    public DateOnly? SeenThrough { get; set; }

    /// <summary>The latest digest day at the reader's last visit; moves to <see cref="SeenThrough"/> when a newer day has come.</summary>
    public DateOnly? VisitedThrough { get; set; }

    public List<LibraryPaper> Papers { get; } = [];

    public List<LibraryFollow> Follows { get; } = [];
}

/// <summary>What a library follows: an author (by slug) or a search (by its query), stored as text like saved papers, so no ingest can remove it.</summary>
public sealed class LibraryFollow
{
    public const string AuthorKind = "author";
    public const string SearchKind = "search";

    public int LibraryId { get; set; }

    public Library? Library { get; set; }

    /// <summary><see cref="AuthorKind"/> or <see cref="SearchKind"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The author's slug, or the search's query as given (trimmed).</summary>
    public required string Value { get; set; }

    public DateTime FollowedUtc { get; set; }
}

/// <summary>
/// A paper a reader saved, by its arXiv id and not by a key into Papers: no ingest can delete it, and a paper that leaves
/// the archive stays here, shown as gone. The ingest never reads or writes this table.
/// </summary>
public sealed class LibraryPaper
{
    public int LibraryId { get; set; }

    public Library? Library { get; set; }

    /// <summary>The arXiv id without version, as <see cref="Paper.ArxivId"/> writes it.</summary>
    public required string ArxivId { get; set; }

    /// <summary>The reader's tags, lower case, separated by single spaces in the order given; empty for none.</summary>
    public string Tags { get; set; } = "";

    public string? Note { get; set; }

    public bool Read { get; set; }

    public DateTime SavedUtc { get; set; }
}
