using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DailyPapers.Core.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "authors",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    foldedname = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    slug = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    papercount = table.Column<int>(type: "integer", nullable: false),
                    votecount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_authors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tag = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "meta",
                columns: table => new
                {
                    key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    value = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meta", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "pendingsimilarity",
                columns: table => new
                {
                    paperid = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pendingsimilarity", x => x.paperid);
                });

            migrationBuilder.CreateTable(
                name: "pendingtermcounts",
                columns: table => new
                {
                    period = table.Column<int>(type: "integer", nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pendingtermcounts", x => new { x.period, x.start });
                });

            migrationBuilder.CreateTable(
                name: "rejectedfiles",
                columns: table => new
                {
                    path = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    contenthash = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    lastwriteutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    rejectedutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    errors = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rejectedfiles", x => x.path);
                });

            migrationBuilder.CreateTable(
                name: "similaritydocuments",
                columns: table => new
                {
                    paperid = table.Column<int>(type: "integer", nullable: false),
                    terms = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_similaritydocuments", x => x.paperid);
                });

            migrationBuilder.CreateTable(
                name: "similaritypostings",
                columns: table => new
                {
                    term = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    paperid = table.Column<int>(type: "integer", nullable: false),
                    weight = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_similaritypostings", x => new { x.paperid, x.term });
                });

            migrationBuilder.CreateTable(
                name: "similarityterms",
                columns: table => new
                {
                    term = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    documentcount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_similarityterms", x => x.term);
                });

            migrationBuilder.CreateTable(
                name: "similarpapers",
                columns: table => new
                {
                    paperid = table.Column<int>(type: "integer", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    similarpaperid = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_similarpapers", x => new { x.paperid, x.rank });
                });

            migrationBuilder.CreateTable(
                name: "sourcefiles",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    path = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    contenthash = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    lastwriteutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ingestedutc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    haserrors = table.Column<bool>(type: "boolean", nullable: false),
                    warnings = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sourcefiles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "termcounts",
                columns: table => new
                {
                    term = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    period = table.Column<int>(type: "integer", nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    papercount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_termcounts", x => new { x.period, x.start, x.term });
                });

            migrationBuilder.CreateTable(
                name: "days",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    sourcefileid = table.Column<int>(type: "integer", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    notesmarkdown = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    noteshtml = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    papercount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_days", x => x.id);
                    table.ForeignKey(
                        name: "FK_days_sourcefiles_sourcefileid",
                        column: x => x.sourcefileid,
                        principalTable: "sourcefiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "papers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    arxivid = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    arxivversion = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    titlehtml = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    thumbnailurl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    videourl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    videoposterurl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    summarymarkdown = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    summaryhtml = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    summarytext = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    authorstruncated = table.Column<bool>(type: "boolean", nullable: false),
                    contentdayid = table.Column<int>(type: "integer", nullable: true),
                    line = table.Column<int>(type: "integer", nullable: false),
                    latestdate = table.Column<DateOnly>(type: "date", nullable: true),
                    topvotes = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_papers", x => x.id);
                    table.ForeignKey(
                        name: "FK_papers_days_contentdayid",
                        column: x => x.contentdayid,
                        principalTable: "days",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "appearances",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    dayid = table.Column<int>(type: "integer", nullable: false),
                    paperid = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    votes = table.Column<int>(type: "integer", nullable: true),
                    arxivversion = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    titlehtml = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    summarymarkdown = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    summaryhtml = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    summarytext = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    thumbnailurl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    videourl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    videoposterurl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    authors = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    authorstruncated = table.Column<bool>(type: "boolean", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appearances", x => x.id);
                    table.ForeignKey(
                        name: "FK_appearances_days_dayid",
                        column: x => x.dayid,
                        principalTable: "days",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_appearances_papers_paperid",
                        column: x => x.paperid,
                        principalTable: "papers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paperauthors",
                columns: table => new
                {
                    paperid = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    authorid = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_paperauthors", x => new { x.paperid, x.position });
                    table.ForeignKey(
                        name: "FK_paperauthors_authors_authorid",
                        column: x => x.authorid,
                        principalTable: "authors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_paperauthors_papers_paperid",
                        column: x => x.paperid,
                        principalTable: "papers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_appearances_dayid_paperid",
                table: "appearances",
                columns: new[] { "dayid", "paperid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_appearances_paperid_dayid",
                table: "appearances",
                columns: new[] { "paperid", "dayid" });

            migrationBuilder.CreateIndex(
                name: "IX_authors_foldedname",
                table: "authors",
                column: "foldedname");

            migrationBuilder.CreateIndex(
                name: "IX_authors_key",
                table: "authors",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_authors_papercount_name",
                table: "authors",
                columns: new[] { "papercount", "name" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "IX_authors_slug",
                table: "authors",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_days_date",
                table: "days",
                column: "date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_days_sourcefileid",
                table: "days",
                column: "sourcefileid");

            migrationBuilder.CreateIndex(
                name: "IX_paperauthors_authorid",
                table: "paperauthors",
                column: "authorid");

            migrationBuilder.CreateIndex(
                name: "IX_papers_arxivid",
                table: "papers",
                column: "arxivid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_papers_contentdayid",
                table: "papers",
                column: "contentdayid");

            migrationBuilder.CreateIndex(
                name: "IX_papers_topvotes_latestdate_arxivid",
                table: "papers",
                columns: new[] { "topvotes", "latestdate", "arxivid" },
                descending: new[] { true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_similaritypostings_term_weight_paperid",
                table: "similaritypostings",
                columns: new[] { "term", "weight", "paperid" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_similarpapers_similarpaperid",
                table: "similarpapers",
                column: "similarpaperid");

            migrationBuilder.CreateIndex(
                name: "IX_sourcefiles_path",
                table: "sourcefiles",
                column: "path",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appearances");

            migrationBuilder.DropTable(
                name: "changes");

            migrationBuilder.DropTable(
                name: "meta");

            migrationBuilder.DropTable(
                name: "paperauthors");

            migrationBuilder.DropTable(
                name: "pendingsimilarity");

            migrationBuilder.DropTable(
                name: "pendingtermcounts");

            migrationBuilder.DropTable(
                name: "rejectedfiles");

            migrationBuilder.DropTable(
                name: "similaritydocuments");

            migrationBuilder.DropTable(
                name: "similaritypostings");

            migrationBuilder.DropTable(
                name: "similarityterms");

            migrationBuilder.DropTable(
                name: "similarpapers");

            migrationBuilder.DropTable(
                name: "termcounts");

            migrationBuilder.DropTable(
                name: "authors");

            migrationBuilder.DropTable(
                name: "papers");

            migrationBuilder.DropTable(
                name: "days");

            migrationBuilder.DropTable(
                name: "sourcefiles");
        }
    }
}
