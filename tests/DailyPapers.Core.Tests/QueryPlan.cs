using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests;

/// <summary>SQLite's plan for a statement: a line per step (<c>EXPLAIN QUERY PLAN</c>'s detail column).</summary>
internal static class QueryPlan
{
    public static List<string> Of(SqliteConnection connection, string sql, params (string Name, string Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
