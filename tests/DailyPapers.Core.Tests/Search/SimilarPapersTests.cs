using DailyPapers.Core.Tests.Ingestion;
using Microsoft.Data.Sqlite;

namespace DailyPapers.Core.Tests.Search;

/// <summary>Each paper's similar papers are computed at ingest, and only the lists a change reaches are rewritten.</summary>
public sealed class SimilarPapersTests : IDisposable
{
    private readonly IngestFolder _folder = new();

    private static string Paper(string id, string title, string summary) => $"""
        ### [{title}](https://arxiv.org/abs/{id})

        Authors: Ada Lovelace

        {summary}

        """;

    private static string Day(string date, params string[] papers) => $"## Daily Papers ({date})\n\n" + string.Join("\n", papers);

    private static readonly string VideoCamera = Paper(
        "2404.02101", "CameraCtrl: Enabling Camera Control for Text-to-Video Generation",
        "- 텍스트 비디오 생성 모델에 카메라 궤적 제어를 더하는 플러그인 모듈을 제안합니다.\n- 카메라 포즈를 임베딩해 비디오 확산 모델에 주입합니다.");

    private static readonly string VideoCameraAgain = Paper(
        "2406.10126", "Training-free Camera Control for Video Generation",
        "- 학습 없이 비디오 확산 모델에 카메라 궤적 제어를 더하는 방법을 제안합니다.\n- 카메라 포즈에 따라 잠재 공간을 재배열합니다.");

    private static readonly string Speech = Paper(
        "2406.05370", "VALL-E 2: Neural Codec Language Models are Human Parity Zero-Shot Text to Speech Synthesizers",
        "- 제로샷 음성 합성에서 사람 수준에 이른 코덱 언어 모델을 소개합니다.\n- 반복 인지 샘플링으로 디코딩을 안정화합니다.");

    private static readonly string MathPaper = Paper(
        "2402.03300", "DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open Language Models",
        "- 수학 추론을 위한 공개 언어 모델을 웹 수학 데이터로 사전 학습합니다.\n- 그룹 상대 정책 최적화로 강화 학습합니다.");

    private static readonly string Depth = Paper(
        "2401.10891", "Depth Anything: Unleashing the Power of Large-Scale Unlabeled Data",
        "- 대규모 비라벨 이미지로 단안 깊이 추정 모델을 학습합니다.\n- 데이터 증강으로 어려운 최적화 목표를 만듭니다.");

    [Fact]
    public void Papers_are_compared_by_the_terms_search_indexes()
    {
        var terms = DailyPapers.Core.Search.SearchText.Terms("언어모델을 LLaMA-3로 StableDiffusion").ToList();

        terms.Should().Contain(["언어", "어모", "모델", "델을", "llama", "llama3", "stablediffusion", "stable", "diffusion"]);
        terms.Should().NotContain(t => t.Length < 2 || t.Any(char.IsUpper));
    }

    [Fact]
    public void A_vector_keeps_the_heaviest_terms_and_breaks_ties_by_term()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var counts = Enumerable.Range(0, random.Next(0, 80)).ToDictionary(i => $"t{random.Next(1000):000}{i}", _ => random.Next(1, 4));
            var frequencies = counts.Keys.ToDictionary(t => t, _ => random.Next(1, 5));

            var vector = DailyPapers.Core.Search.SimilarityEngine.Vector(counts, frequencies, 500);

            // The rule as written: weight (1 + ln tf) · ln(1 + N / df), heaviest first, then by term; normalised.
            var expected = counts
                .Select(c => (Term: c.Key, Weight: (1 + Math.Log(c.Value)) * Math.Log(1 + (500.0 / frequencies[c.Key]))))
                .OrderByDescending(t => t.Weight).ThenBy(t => t.Term, StringComparer.Ordinal)
                .Take(24).ToList();
            var norm = Math.Sqrt(expected.Sum(t => t.Weight * t.Weight));
            vector.Select(t => t.Term).Should().Equal(expected.Select(t => t.Term));
            vector.Select(t => t.Weight).Should().Equal(expected.Select(t => t.Weight / norm));
        }
    }

    [Fact]
    public void A_near_duplicate_ranks_first_and_no_list_names_its_own_paper()
    {
        _folder.Write("2024/04/03.md", Day("2024-04-03", VideoCamera, Speech, MathPaper, VideoCameraAgain, Depth));

        _folder.Ingest();

        Similar("2404.02101").Should().StartWith("2406.10126");
        Similar("2406.10126").Should().StartWith("2404.02101");
        Similar("2406.05370").Should().NotContain("2406.05370").And.HaveCountLessThanOrEqualTo(6);
    }

    [Fact]
    public void A_new_day_enters_the_lists_of_older_papers_it_resembles_and_evicts_their_pages()
    {
        _folder.Write("2024/04/03.md", Day("2024-04-03", VideoCamera, Speech, MathPaper, Depth));
        _folder.Ingest();
        Similar("2404.02101").Should().NotContain("2406.10126");
        var logged = LastChange();

        _folder.Write("2024/06/14.md", Day("2024-06-14", VideoCameraAgain));
        _folder.Ingest();

        Similar("2404.02101").Should().StartWith("2406.10126");
        Similar("2406.10126").Should().StartWith("2404.02101");
        ChangesAfter(logged).Should().Contain(["paper:2404.02101", "paper:2406.10126"]);
    }

    [Fact]
    public void A_removed_paper_vanishes_from_every_list_and_from_the_index()
    {
        _folder.Write("2024/04/03.md", Day("2024-04-03", VideoCamera, Speech, MathPaper, Depth));
        var later = _folder.Write("2024/06/14.md", Day("2024-06-14", VideoCameraAgain));
        _folder.Ingest();
        Similar("2404.02101").Should().Contain("2406.10126");

        File.Delete(later);
        _folder.Ingest();

        Similar("2404.02101").Should().NotContain("2406.10126");
        Count("SELECT COUNT(*) FROM SimilarPapers WHERE SimilarPaperId NOT IN (SELECT Id FROM Papers) OR PaperId NOT IN (SELECT Id FROM Papers)").Should().Be(0);
        Count("SELECT COUNT(*) FROM SimilarityPostings WHERE PaperId NOT IN (SELECT Id FROM Papers)").Should().Be(0);
        Count("SELECT COUNT(*) FROM SimilarityDocuments WHERE PaperId NOT IN (SELECT Id FROM Papers)").Should().Be(0);
        Count("SELECT COUNT(*) FROM SimilarityTerms WHERE Term = 'training'").Should().Be(0, "only the removed paper's title had the word");
    }

    [Fact]
    public void Ingesting_unchanged_files_again_changes_no_list_and_logs_nothing()
    {
        var file = _folder.Write("2024/04/03.md", Day("2024-04-03", VideoCamera, Speech, MathPaper, VideoCameraAgain, Depth));
        _folder.Ingest();
        var before = Dump();
        var logged = LastChange();

        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(1));
        _folder.Ingest();

        Dump().Should().Be(before);
        ChangesAfter(logged).Should().BeEmpty();
    }

    [Fact]
    public void A_relisted_paper_whose_text_is_unchanged_keeps_every_list()
    {
        _folder.Write("2024/04/03.md", Day("2024-04-03", VideoCamera, Speech, MathPaper, Depth));
        _folder.Ingest();
        var before = Dump();

        // The same papers listed again on another day: their content is the later listing's, word for word the same.
        _folder.Write("2024/04/04.md", Day("2024-04-04", VideoCamera, Speech));
        _folder.Ingest();

        Dump().Should().Be(before);
    }

    [Fact]
    public void A_run_stopped_before_its_end_leaves_marks_the_next_run_settles_though_no_file_changed()
    {
        _folder.Write("2024/04/03.md", Day("2024-04-03", VideoCamera, Speech, MathPaper, Depth));
        _folder.Write("2024/06/14.md", Day("2024-06-14", VideoCameraAgain));
        _folder.Ingest();
        var settled = Dump();
        var counts = TermCountDump();
        Similar("2404.02101").Should().StartWith("2406.10126");
        Count("SELECT COUNT(*) FROM PendingSimilarity").Should().Be(0);
        Count("SELECT COUNT(*) FROM PendingTermCounts").Should().Be(0);

        // What a run stopped after committing the June batch, before settling, leaves: the new paper stored and marked
        // with its month and week, none of its derived rows written (its terms not counted, no postings, no list, in no
        // older paper's list), the other papers' rows as the April run left them.
        var paper = Count("SELECT Id FROM Papers WHERE ArxivId = '2406.10126'");
        var terms = Text($"SELECT Terms FROM SimilarityDocuments WHERE PaperId = {paper}").Split('\n').Select(l => l.Split('\t')[0]).ToList();
        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE SimilarityTerms SET DocumentCount = DocumentCount - 1 WHERE Term IN (SELECT value FROM json_each($terms)); DELETE FROM SimilarityTerms WHERE DocumentCount = 0;";
            command.Parameters.AddWithValue("$terms", System.Text.Json.JsonSerializer.Serialize(terms));
            command.ExecuteNonQuery();
        }

        Execute($"DELETE FROM SimilarityDocuments WHERE PaperId = {paper}; DELETE FROM SimilarityPostings WHERE PaperId = {paper}; DELETE FROM SimilarPapers WHERE PaperId = {paper} OR SimilarPaperId = {paper};");
        Execute("DELETE FROM TermCounts WHERE Start >= '2024-06-01';");
        Execute($"INSERT INTO PendingSimilarity (PaperId) VALUES ({paper}); INSERT INTO PendingTermCounts (Period, Start) VALUES (1, '2024-06-10'), (2, '2024-06-01');");
        Similar("2404.02101").Should().NotContain("2406.10126");

        _folder.Ingest();

        Dump().Should().Be(settled);
        TermCountDump().Should().Be(counts);
        Count("SELECT COUNT(*) FROM PendingSimilarity").Should().Be(0);
        Count("SELECT COUNT(*) FROM PendingTermCounts").Should().Be(0);
    }

    [Fact]
    public void A_paper_a_stopped_run_unlisted_is_deleted_by_the_next_run()
    {
        _folder.Write("2024/04/03.md", Day("2024-04-03", VideoCamera, Speech, MathPaper, Depth));
        _folder.Ingest();

        // A stopped run committed a batch that replaced the digest without Depth (its listing gone, the paper kept for
        // the run's end) and marked it.
        var depth = Count("SELECT Id FROM Papers WHERE ArxivId = '2401.10891'");
        Execute($"DELETE FROM Appearances WHERE PaperId = {depth}; INSERT INTO PendingSimilarity (PaperId) VALUES ({depth});");

        _folder.Ingest();

        Count("SELECT COUNT(*) FROM Papers WHERE ArxivId = '2401.10891'").Should().Be(0);
        Count($"SELECT COUNT(*) FROM SimilarPapers WHERE PaperId = {depth} OR SimilarPaperId = {depth}").Should().Be(0);
        Count($"SELECT COUNT(*) FROM SimilarityPostings WHERE PaperId = {depth}").Should().Be(0);
    }

    [Fact]
    public void A_paper_finds_its_twin_through_a_term_more_papers_hold_than_are_followed()
    {
        // 'marsupial' is in more papers than are followed per term, yet in under a tenth of them, so it is followed:
        // through its heaviest postings, where the twins, which say it most, are. Nothing else links them.
        var followed = DailyPapers.Core.Search.SimilarityEngine.Followed;
        var crowd = Enumerable.Range(0, 11 * followed)
            .Select(i => Paper($"2405.{10000 + i}", $"Study{Word(i)} of item{Word(i + 1)}", i % 11 == 0 ? $"- marsupial {Word(i)} 관찰입니다." : $"- {Word(i)} 관찰입니다."))
            .ToArray();
        // A first ingest takes the postings from the vectors in hand; the next day's reads them from the term index.
        _folder.Write("2024/05/01.md", Day("2024-05-01", [.. crowd, Paper("2405.20001", "Marsupial survey alpha", "- marsupial marsupial 정리입니다.")]));
        _folder.Ingest();
        AllScoresAreCosines();
        _folder.Write("2024/05/02.md", Day("2024-05-02", Paper("2405.20002", "Marsupial census beta", "- marsupial marsupial 집계입니다.")));

        _folder.Ingest();

        Count("SELECT DocumentCount FROM SimilarityTerms WHERE Term = 'marsupial'").Should().BeInRange(followed + 1, Count("SELECT COUNT(*) FROM Papers") / 10);
        Similar("2405.20002").Should().StartWith("2405.20001");
        Similar("2405.20001").Should().StartWith("2405.20002");
        // A first ingest builds the term index after its rows; it is there, as the model describes it, once it ends.
        Text("SELECT sql FROM sqlite_master WHERE name = 'IX_SimilarityPostings_Term_Weight_PaperId'")
            .Should().Contain("(Term, Weight DESC, PaperId)");
        AllScoresAreCosines();
    }

    [Fact]
    public void Postings_taken_from_the_vectors_in_hand_and_read_from_the_index_give_the_same_lists()
    {
        // Each crowd paper shares a word with eleven others, more of them than are followed per word only for 'common'.
        var followed = DailyPapers.Core.Search.SimilarityEngine.Followed;
        var crowd = Enumerable.Range(0, 3 * followed)
            .Select(i => Paper($"2405.{10000 + i}", $"Study{Word(i)} of group{Word(i % 23)}", $"- kind{Word(i % 31)} {(i % 2 == 0 ? "common" : "")} 관찰입니다."))
            .ToArray();
        _folder.Write("2024/05/01.md", Day("2024-05-01", crowd));
        _folder.Ingest();
        var inHand = Dump();

        // The same lists computed again with every posting read back from the index.
        using (var connection = Open())
        using (var transaction = connection.BeginTransaction())
        {
            var ids = new List<int>();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM SimilarPapers; SELECT Id FROM Papers";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    ids.Add(reader.GetInt32(0));
                }
            }

            DailyPapers.Core.Search.SimilarPapers.Rescore(transaction, ids);
            transaction.Commit();
        }

        Count("SELECT COUNT(DISTINCT PaperId) FROM SimilarPapers").Should().BeGreaterThan(2 * followed);
        Dump().Should().Be(inHand);
        AllScoresAreCosines();
    }

    /// <summary>However few of a term's postings were followed, every score stored is the cosine of the two stored vectors.</summary>
    private void AllScoresAreCosines() =>
        Count("""
            SELECT COUNT(*) FROM SimilarPapers s
            WHERE abs(s.Score - (SELECT SUM(a.Weight * b.Weight) FROM SimilarityPostings a JOIN SimilarityPostings b ON b.Term = a.Term
                                 WHERE a.PaperId = s.PaperId AND b.PaperId = s.SimilarPaperId)) > 0.000002
            """).Should().Be(0);

    /// <summary>A made-up word of letters only, different for every number.</summary>
    private static string Word(int i) => new([.. i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('k' + (c - '0')))]);

    private string TermCountDump()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Term, Period, Start, PaperCount FROM TermCounts ORDER BY 1, 2, 3";
        using var reader = command.ExecuteReader();
        var dump = new System.Text.StringBuilder();
        while (reader.Read())
        {
            dump.Append(reader.GetString(0)).Append('|').Append(reader.GetInt32(1)).Append('|').Append(reader.GetString(2)).Append('|').Append(reader.GetInt32(3)).Append('\n');
        }

        return dump.ToString();
    }

    private string Text(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<string> Similar(string arxivId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT o.ArxivId FROM SimilarPapers s JOIN Papers p ON p.Id = s.PaperId JOIN Papers o ON o.Id = s.SimilarPaperId
            WHERE p.ArxivId = $id ORDER BY s.Rank
            """;
        command.Parameters.AddWithValue("$id", arxivId);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private long LastChange() => Count("SELECT COALESCE(MAX(Id), 0) FROM Changes");

    private List<string> ChangesAfter(long id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Tag FROM Changes WHERE Id > $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var tags = new List<string>();
        while (reader.Read())
        {
            tags.Add(reader.GetString(0));
        }

        return tags;
    }

    private string Dump()
    {
        using var connection = Open();
        var dump = new System.Text.StringBuilder();
        foreach (var sql in new[]
        {
            "SELECT PaperId, Rank, SimilarPaperId, Score FROM SimilarPapers ORDER BY 1, 2",
            "SELECT Term, PaperId, Weight FROM SimilarityPostings ORDER BY 1, 2",
            "SELECT Term, DocumentCount FROM SimilarityTerms ORDER BY 1",
            "SELECT PaperId, Terms FROM SimilarityDocuments ORDER BY 1",
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.GetValue(i)).Append('|');
                }

                dump.Append('\n');
            }
        }

        return dump.ToString();
    }

    private long Count(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_folder.ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose() => _folder.Dispose();
}
