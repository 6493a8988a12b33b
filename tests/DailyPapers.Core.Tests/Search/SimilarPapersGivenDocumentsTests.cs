using System.Data.Common;
using DailyPapers.Core.Search;
using DailyPapers.Core.Tests.Ingestion;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Search;

/// <summary>
/// <see cref="SimilarPapers.Update"/> fed the documents the ingest cut while reading stores what it stores when it cuts
/// the papers' stored text itself, whether all, some or none are given.
/// </summary>
public sealed class SimilarPapersGivenDocumentsTests : IDisposable
{
    private readonly IngestFolder _folder = new IngestFolder().WithSeeds();

    [Fact]
    public void A_full_update_with_the_documents_given_stores_the_rows_it_stores_cutting_them_itself()
    {
        _folder.Ingest();
        using var connection = Open();
        var ingested = Dump(connection, null);

        var dumps = new List<string>();
        foreach (var given in new Func<int, bool>[] { _ => false, _ => true, id => id % 2 == 0 })
        {
            using var transaction = connection.BeginTransaction();
            Execute(transaction, "DELETE FROM SimilarPapers; DELETE FROM SimilarityPostings; DELETE FROM SimilarityTerms; DELETE FROM SimilarityDocuments;");
            var texts = Texts(transaction);

            var documents = texts.Where(t => given(t.Key)).ToDictionary(t => t.Key, t => TermDocument.Cut(t.Value.Title, t.Value.Summary));
            SimilarPapers.Update(transaction, [.. texts.Keys], documents);

            dumps.Add(Dump(connection, transaction));
            transaction.Rollback();
        }

        dumps.Should().Equal(ingested, ingested, ingested);
        ingested.Should().Contain("SimilarPapers").And.Contain("SimilarityPostings");
    }

    [Fact]
    public void An_update_of_changed_and_removed_papers_with_their_documents_given_stores_what_it_stores_cutting_them_itself()
    {
        _folder.Ingest();
        using var connection = Open();
        var before = Dump(connection, null);

        var results = new List<(string Dump, string Changed)>();
        foreach (var give in new[] { false, true })
        {
            using var transaction = connection.BeginTransaction();
            var ids = Texts(transaction).Keys.Order().ToList();
            // Three papers rewritten (one to another's text, so its list must change), one removed, one relisted as it was.
            var (first, second, third, gone, same) = (ids[3], ids[10], ids[20], ids[30], ids[40]);
            Execute(transaction, $"UPDATE Papers SET SummaryMarkdown = '- 카메라 궤적 제어로 비디오 확산 모델을 학습합니다.', Title = 'Camera Control for Video Diffusion' WHERE Id = {first}");
            Execute(transaction, $"UPDATE Papers SET SummaryMarkdown = SummaryMarkdown || ' 에이전트 계획 agent planning' WHERE Id = {second}");
            Execute(transaction, $"UPDATE Papers SET (Title, SummaryMarkdown) = (SELECT Title, SummaryMarkdown FROM Papers WHERE Id = {ids[0]}) WHERE Id = {third}");
            Execute(transaction, $"DELETE FROM Papers WHERE Id = {gone}");
            var texts = Texts(transaction);
            var documents = give
                ? new[] { first, second, third, same }.ToDictionary(id => id, id => TermDocument.Cut(texts[id].Title, texts[id].Summary))
                : null;

            var changed = SimilarPapers.Update(transaction, [first, second, third, gone, same], documents);

            results.Add((Dump(connection, transaction), string.Join(' ', changed.Order(StringComparer.Ordinal))));
            transaction.Rollback();
        }

        results[1].Should().Be(results[0]);
        results[0].Dump.Should().NotBe(before);
        results[0].Changed.Split(' ').Should().HaveCountGreaterThan(3, "the lists of the changed papers and of those that named them changed");
    }

    [Fact]
    public void A_document_given_is_taken_as_given_and_the_papers_stored_text_is_not_cut_again()
    {
        _folder.Ingest();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var paper = Texts(transaction).Keys.Min();
        var given = TermDocument.Cut("Marsupial census", "- marsupial 관찰입니다.");

        SimilarPapers.Update(transaction, [paper], new Dictionary<int, TermDocument> { [paper] = given });

        Text(transaction, $"SELECT Terms FROM SimilarityDocuments WHERE PaperId = {paper}").Should().Be(given.ToString());
        Text(transaction, "SELECT Term FROM SimilarityTerms WHERE Term = 'marsupial'").Should().Be("marsupial");
        Text(transaction, $"SELECT Term FROM SimilarityPostings WHERE PaperId = {paper} AND Term = 'marsupial'").Should().Be("marsupial");
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_folder.ConnectionString);
        connection.Open();
        return connection;
    }

    private static Dictionary<int, (string Title, string Summary)> Texts(DbTransaction transaction)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Id, Title, SummaryMarkdown FROM Papers";
        using var reader = command.ExecuteReader();
        var texts = new Dictionary<int, (string, string)>();
        while (reader.Read())
        {
            texts[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return texts;
    }

    private static void Execute(DbTransaction transaction, string sql)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Text(DbTransaction transaction, string sql)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    /// <summary>Every row of the similarity tables, as text.</summary>
    internal static string Dump(DbConnection connection, DbTransaction? transaction)
    {
        var dump = new System.Text.StringBuilder();
        foreach (var (table, sql) in new[]
        {
            ("SimilarPapers", "SELECT PaperId, Rank, SimilarPaperId, Score FROM SimilarPapers ORDER BY 1, 2"),
            ("SimilarityPostings", "SELECT Term, PaperId, Weight FROM SimilarityPostings ORDER BY 1, 2"),
            ("SimilarityTerms", "SELECT Term, DocumentCount FROM SimilarityTerms ORDER BY 1"),
            ("SimilarityDocuments", "SELECT PaperId, Terms FROM SimilarityDocuments ORDER BY 1"),
        })
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            dump.Append(table).Append('\n');
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(System.Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                dump.Append('\n');
            }
        }

        return dump.ToString();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
