using System.Globalization;

namespace DailyPapers.Bench;

/// <param name="Copies">The synthetic archive's size in copies of the corpus, when given; each benchmark has its own default.</param>
internal sealed record BenchOptions(string Corpus, int? Copies, int Rounds, int Seconds)
{
    public static BenchOptions Parse(string[] args)
    {
        var corpus = DailyPapers.Testing.Repository.Corpus;
        int? copies = null;
        var rounds = 3;
        var seconds = 8;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--corpus": corpus = args[i + 1]; break;
                case "--copies": copies = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return new BenchOptions(corpus, copies, rounds, seconds);
    }

}
