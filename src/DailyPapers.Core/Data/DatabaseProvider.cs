namespace DailyPapers.Core.Data;

/// <summary>Where the tables live: a local SQLite file (the default) or a PostgreSQL server shared by several web nodes.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
