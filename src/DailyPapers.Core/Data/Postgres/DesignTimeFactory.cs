using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DailyPapers.Core.Data.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add &lt;Name&gt; --context PostgresPapersDbContext` build the PostgreSQL model; no server is
/// needed to generate a migration, and the app never uses this class.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PostgresPapersDbContext>
{
    public PostgresPapersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPapersDbContext>().UseNpgsql("Host=localhost;Database=dailypapers_design").Options);
}
