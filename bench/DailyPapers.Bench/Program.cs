using DailyPapers.Bench;

// Benchmarks print their figures; none of them is a test. Run in Release:
//   dotnet run -c Release --project bench/DailyPapers.Bench -- ingest [--copies 20]
var command = args.Length > 0 ? args[0] : "help";
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
    case "soak":
        SoakBenchmark.Run(options);
        return 0;
    case "similar":
        SimilarBenchmark.Run(options);
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
        Console.WriteLine("usage: DailyPapers.Bench ingest|load|search|cold|scale|trends|soak|bigfile|hostile|similar|postgres [--copies N] [--corpus DIR] [--rounds N] [--seconds N]");
        return command == "help" ? 0 : 1;
}
