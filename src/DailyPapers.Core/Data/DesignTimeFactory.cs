using Microsoft.EntityFrameworkCore.Design;

namespace DailyPapers.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the context from this class library; the app never uses it.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PapersDbContext>
{
    public PapersDbContext CreateDbContext(string[] args) => new(PapersDatabase.Options("Data Source=design-time.db"));
}
