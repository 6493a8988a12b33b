using System.Data.Common;
using DailyPapers.Core.Data;

namespace DailyPapers.Core.Search;

/// <summary>A command made once and run many times with new parameter values: the search index's and term counts' bulk writes.</summary>
internal static class PreparedCommand
{
    public static DbCommand Create(DbConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Bind(name, null);
        }

        return command;
    }
}
