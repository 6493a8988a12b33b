using DailyPapers.Bench;

// Benchmarks print their figures; none of them is a test. Run in Release:
//   dotnet run -c Release --project bench/DailyPapers.Bench -- ingest [--copies 20]
var command = args.Length > 0 ? args[0] : "help";
if (command == "fuzz" && args.Length == 2)
{
    // The soak's fuzzing round alone, against a server already running: dotnet run … -- fuzz http://127.0.0.1:5080
    var fuzz = FuzzRound.Run(args[1]);
    Console.WriteLine($"fuzzing round: {fuzz.Requests} requests · answers ≥ 500 {fuzz.Failures} (target 0) · redirects off the site {fuzz.Offsite} (target 0)");
    fuzz.Examples.ForEach(e => Console.WriteLine("  " + e));
    return fuzz.Failures + fuzz.Offsite == 0 ? 0 : 1;
}

if (command == "terms")
{
    // The terms the rising list counts in a text: dotnet run … -- terms "some text"
    foreach (var (key, form) in DailyPapers.Core.Search.TrendTerms.Of("", string.Join(' ', args.Skip(1))))
    {
        Console.WriteLine($"{key} → {form}");
    }

    return 0;
}

var options = BenchOptions.Parse(args.Skip(1).ToArray());
switch (command)
{
    case "ingest":
        IngestBenchmark.Run(options);
        return 0;
    case "load":
        LoadBenchmark.Run(options, [("search (Korean)", "/search?q=%EB%AA%A8%EB%8D%B8"), ("search (English)", "/search?q=diffusion+video")]);
        return 0;
    case "search":
        SearchBenchmark.Run(options);
        return 0;
    case "cold":
        ScaleBenchmark.Run(options, scale: false);
        return 0;
    case "scale":
        ScaleBenchmark.Run(options, scale: true);
        return 0;
    case "trends":
        ScaleBenchmark.RunTrends(options);
        return 0;
    case "rising":
        RisingBenchmark.Run(options);
        return 0;
    case "soak":
        SoakBenchmark.Run(options);
        return 0;
    case "similar":
        SimilarBenchmark.Run(options);
        return 0;
    case "recommend":
        RecommendBenchmark.Run(options);
        return 0;
    case "derive":
        DeriveBenchmark.Run(options);
        return 0;
    case "profile":
        ProfileBenchmark.Run(options);
        return 0;
    case "postgres":
        PostgresBenchmark.Run(options);
        return 0;
    case "bigfile":
        BigFileBenchmark.Run(options);
        return 0;
    case "hostile":
        BigFileBenchmark.RunHostile(options);
        return 0;
    default:
        Console.WriteLine("usage: DailyPapers.Bench ingest|load|search|cold|scale|profile|trends|rising|soak|bigfile|hostile|similar|recommend|derive|postgres [--copies N] [--corpus DIR] [--rounds N] [--seconds N]");
        Console.WriteLine("       DailyPapers.Bench fuzz <base URL of a running server>");
        Console.WriteLine("       DailyPapers.Bench terms <text>   (the terms rising terms count in a text, key → form)");
        return command == "help" ? 0 : 1;
}
