// The task that ends `dotnet test DailyPapers.sln` (Directory.Solution.targets compiles it with RoslynCodeTaskFactory;
// no project builds it). It reads the trx file each test project wrote in this run and prints why tests were skipped,
// which failed, and one line of totals for the whole suite.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class TestSummary : Task
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>The trx file each test project was to write, with the project's name as metadata.</summary>
    [Required]
    public ITaskItem[] Results { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        int passed = 0, failed = 0, skipped = 0;
        var skips = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var failures = new List<string>();
        var errors = new List<string>();
        var erring = new SortedSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var file in Results)
        {
            var project = file.GetMetadata("Project");
            if (!File.Exists(file.ItemSpec))
            {
                missing.Add(project);
                continue;
            }

            XDocument run;
            try
            {
                run = XDocument.Load(file.ItemSpec);
            }
            catch (System.Xml.XmlException e)
            {
                // Cut short as its test run was stopped, say: one project's results must not keep the others' from view.
                errors.Add($"Run error in {project}: its results file cannot be read ({e.Message})");
                erring.Add(project);
                continue;
            }

            var failedBefore = failed;
            foreach (var result in run.Descendants(Trx + "UnitTestResult"))
            {
                var name = (string)result.Attribute("testName");
                switch ((string)result.Attribute("outcome"))
                {
                    case "Passed":
                        passed++;
                        break;
                    case "NotExecuted":
                    case "Inconclusive":
                        skipped++;
                        var reason = (string)result.Descendants(Trx + "Message").FirstOrDefault() ?? "no reason given";
                        if (!skips.TryGetValue(reason, out var names))
                        {
                            skips[reason] = names = new List<string>();
                        }

                        names.Add(name);
                        break;
                    default:
                        failed++;
                        failures.Add(name);
                        break;
                }
            }

            // What stopped a run other than a failing test (xunit notes each of those too, as "[FAIL]"): a test host
            // that crashed, for one, leaves no result for the tests it had not finished, only a note saying so.
            var notes = run.Descendants(Trx + "RunInfo").Where(i => (string)i.Attribute("outcome") == "Error")
                .Select(i => ((string)i.Element(Trx + "Text") ?? "").Trim().Split('\n')[0].Trim())
                .Where(text => !text.EndsWith("[FAIL]", StringComparison.Ordinal)).ToList();
            var outcome = (string)run.Descendants(Trx + "ResultSummary").Select(r => r.Attribute("outcome")).FirstOrDefault();
            if (notes.Count == 0 && failed == failedBefore && outcome != "Completed" && outcome != "Passed" && outcome != "Warning")
            {
                notes.Add("the test run ended " + outcome + " with no failing test");
            }

            foreach (var note in notes)
            {
                errors.Add($"Run error in {project}: {note}");
                erring.Add(project);
            }
        }

        foreach (var skip in skips)
        {
            Say($"{skip.Value.Count} skipped: {skip.Key}");
            foreach (var name in skip.Value.OrderBy(n => n, StringComparer.Ordinal))
            {
                Say("  " + name);
            }
        }

        if (failures.Count > 0)
        {
            Say($"{failures.Count} failed:");
            foreach (var name in failures.OrderBy(n => n, StringComparer.Ordinal))
            {
                Say("  " + name);
            }
        }

        foreach (var line in errors)
        {
            Say(line);
        }

        var remarks = new List<string> { $"{Results.Length} test projects" };
        if (missing.Count > 0)
        {
            remarks.Add("no results from " + string.Join(", ", missing) + ", which did not build or did not run");
        }

        if (erring.Count > 0)
        {
            remarks.Add("run errors in " + string.Join(", ", erring));
        }

        Say($"Total: {passed} passed, {failed} failed, {skipped} skipped ({string.Join("; ", remarks)})");
        return true;
    }

    // The terminal logger prints a message as it comes only under this type, sent from what it counts as a test project;
    // the console logger prints it like any other message of high importance.
    private void Say(string line) =>
        BuildEngine.LogMessageEvent(new ExtendedBuildMessageEventArgs("TLTESTOUTPUT", line, null, nameof(TestSummary), MessageImportance.High));
}
