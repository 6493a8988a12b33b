using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Ingestion;

/// <summary>
/// What one day's listing says of a paper: the content a paper takes from its best listing. The columns Papers and
/// Appearances share are declared here once (<see cref="Columns"/>, <see cref="Values"/>), for every statement and
/// <c>COPY</c> that writes them.
/// </summary>
internal sealed record Listing(
    int DayId, DateOnly Date, string Title, string TitleHtml, string? ThumbnailUrl, string? VideoUrl, string? VideoPosterUrl,
    string SummaryMarkdown, string SummaryHtml, string SummaryText, bool AuthorsTruncated, int Line, IReadOnlyList<string> Authors, int? ArxivVersion,
    string? CodeUrls)
{
    /// <summary>The content columns of Papers and Appearances, in the order of <see cref="Values"/>.</summary>
    public static readonly string[] Columns =
        ["ArxivVersion", "Title", "TitleHtml", "ThumbnailUrl", "VideoUrl", "VideoPosterUrl", "SummaryMarkdown", "SummaryHtml", "SummaryText", "AuthorsTruncated", "Line", "CodeUrls"];

    /// <summary>
    /// The columns as a JSON row's fields from <paramref name="first"/> on, read as their types (the row written by
    /// <see cref="Write"/>): what a statement inserting many rows from one JSON parameter selects.
    /// </summary>
    public static string Fields(Data.SqlDialect sql, int first) => string.Join(", ", Columns.Select((c, i) => (c, f: $"value ->> {first + i}")).Select(x => x.c switch
    {
        "ArxivVersion" or "Line" => sql.Int(x.f),
        "AuthorsTruncated" => sql.Bool(x.f),
        _ => x.f,
    }));

    /// <summary>The columns an appearance reads back as a <see cref="Listing"/> (<see cref="Read"/>), from <c>Appearances a JOIN Days d</c>.</summary>
    public static readonly string ReadColumns =
        "a.DayId, d.Date, " + string.Join(", ", Columns.Select(c => "a." + c)) + ", a.Authors";

    public static Listing Of(int dayId, DateOnly date, ParsedPaper paper) => new(
        dayId, date, paper.Title, paper.TitleHtml, paper.ThumbnailUrl, paper.VideoUrl, paper.VideoPosterUrl, paper.SummaryMarkdown,
        paper.SummaryHtml, paper.SummaryText, paper.AuthorsTruncated, paper.Line, paper.Authors, paper.ArxivId.Version, CodeLinks.ToJson(paper.CodeLinks));

    public static Listing Read(System.Data.Common.DbDataReader reader)
    {
        string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        return new Listing(
            reader.GetInt32(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(3), reader.GetString(4), Text(5), Text(6), Text(7), reader.GetString(8),
            reader.GetString(9), reader.GetString(10), reader.GetBoolean(11), reader.GetInt32(12),
            System.Text.Json.JsonSerializer.Deserialize<List<string>>(reader.GetString(14)) ?? [], reader.IsDBNull(2) ? null : reader.GetInt32(2), Text(13));
    }

    public object?[] Values() =>
        [ArxivVersion, Title, TitleHtml, ThumbnailUrl, VideoUrl, VideoPosterUrl, SummaryMarkdown, SummaryHtml, SummaryText, AuthorsTruncated, Line, CodeUrls];

    /// <summary>Writes <see cref="Values"/>, in order, into a JSON row.</summary>
    public void Write(System.Text.Json.Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        foreach (var value in Values())
        {
            switch (value)
            {
                case null:
                    json.WriteNullValue();
                    break;
                case int number:
                    json.WriteNumberValue(number);
                    break;
                case bool flag:
                    json.WriteBooleanValue(flag);
                    break;
                default:
                    json.WriteStringValue((string)value);
                    break;
            }
        }
    }

    public ListingRank Rank => new(DayId, Date, SummaryMarkdown.Length > 0, Authors.Count > 0);
}

/// <summary>What decides which listing a paper shows (<see cref="Beats"/>); read for stored listings without their content.</summary>
internal readonly record struct ListingRank(int DayId, DateOnly Date, bool HasSummary, bool HasAuthors)
{
    /// <summary>
    /// A paper's content is its best listing's: one with a summary, then one with authors, then the latest. A later
    /// listing with a summary replaces an earlier one; a listing without one never replaces a listing with one.
    /// </summary>
    public bool Beats(ListingRank other) =>
        HasSummary != other.HasSummary ? HasSummary
        : HasAuthors != other.HasAuthors ? HasAuthors
        : Date > other.Date;
}
