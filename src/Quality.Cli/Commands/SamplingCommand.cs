using System.CommandLine;
using System.Globalization;
using Quality.Domain.Audit;
using Quality.Domain.Sampling;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality sampling plan|size|demonstrate</c>: the acceptance plan for a lot (MIL-STD-105E / Z1.4), the review size for
/// estimating an error rate, and the size that demonstrates a rate below a limit (docs/sampling.md).
/// </summary>
internal static class SamplingCommand
{
    public static Command Create() => new("sampling", "Acceptance sampling plans and review sample sizes.") { Plan(), Size(), Demonstrate() };

    private static Command Plan()
    {
        var lot = new Option<long>("--lot") { Description = "Lot size N (items in the delivery), at least 2.", Required = true };
        var aql = new Option<double>("--aql") { Description = "AQL in percent nonconforming: 0.010, 0.015, …, 6.5, 10.", Required = true };
        var level = new Option<string>("--level") { Description = "Inspection level: I, II (default), III, S-1 … S-4.", DefaultValueFactory = _ => "II" };
        var inspection = new Option<string>("--inspection") { Description = "normal (default), tightened or reduced.", DefaultValueFactory = _ => "normal" };
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON." };
        var command = new Command("plan", "The single sampling plan of a lot: code letter, sample size, accept and reject numbers.") { lot, aql, level, inspection, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration;
            var levelName = parse.GetValue(level) ?? "II";
            var severityName = parse.GetValue(inspection) ?? "normal";
            var problem = parse.GetValue(lot) < 2 ? $"--lot {parse.GetValue(lot)}: a lot has at least 2 items"
                : !AcceptanceSampling.Aqls.Any(a => Math.Abs(a - parse.GetValue(aql)) <= 1e-9 * a)
                    ? $"--aql {Number(parse.GetValue(aql))}: not an AQL of the tables; use one of {string.Join(", ", AcceptanceSampling.Aqls.Select(Number))}"
                : !InspectionLevelNames.TryParse(levelName, out _) ? $"--level {levelName}: use I, II, III, S-1, S-2, S-3 or S-4"
                : !InspectionLevelNames.TryParseSeverity(severityName, out _) ? $"--inspection {severityName}: use normal, tightened or reduced"
                : null;
            if (problem is not null)
            {
                await console.Error.WriteLineAsync(problem);
                return ExitCodes.BadInput;
            }

            var plan = AcceptanceSampling.Plan(parse.GetValue(lot), parse.GetValue(aql), InspectionLevelNames.Parse(levelName), Enum.Parse<InspectionSeverity>(severityName, ignoreCase: true));
            await console.Output.WriteLineAsync(parse.GetValue(json)
                ? PrintedJson.Serialize(SamplingPlanView.From(plan, levelName, severityName))
                : Describe(AuditPlan.From(plan), plan.LotSize));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Size()
    {
        var margin = new Option<double>("--margin") { Description = "Margin of error e, e.g. 0.05 for ±5 points.", Required = true };
        var confidence = new Option<double>("--confidence") { Description = "Confidence level, e.g. 0.95.", DefaultValueFactory = _ => 0.95 };
        var population = new Option<long?>("--population") { Description = "Population N (items to audit); applies Cochran's finite-population correction." };
        var rate = new Option<double>("--expected-rate") { Description = "Expected error rate p (default 0.5, the safe choice).", DefaultValueFactory = _ => 0.5 };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("size", "How many items to review to estimate an error rate within ±margin.") { margin, confidence, population, rate, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration;
            var problem = Probability("--margin", parse.GetValue(margin)) ?? Probability("--confidence", parse.GetValue(confidence))
                ?? Probability("--expected-rate", parse.GetValue(rate)) ?? PopulationProblem(parse.GetValue(population));
            if (problem is not null)
            {
                await console.Error.WriteLineAsync(problem);
                return ExitCodes.BadInput;
            }

            var size = SampleSize.ForEstimate(parse.GetValue(margin), parse.GetValue(confidence), parse.GetValue(rate), parse.GetValue(population));
            await console.Output.WriteLineAsync(parse.GetValue(json)
                ? PrintedJson.Serialize(size)
                : string.Create(CultureInfo.InvariantCulture, $"sample size {size.SampleSize} ({size.Method}: n0 = {size.InfinitePopulationSize:0.##}{(size.Population is { } n ? $", N = {n}" : "")}, ±{size.Margin} at {size.Confidence:P0} confidence, expected rate {size.ExpectedRate}; rounded up)"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Demonstrate()
    {
        var limit = new Option<double>("--limit") { Description = "The error rate to show the delivery is below, e.g. 0.01.", Required = true };
        var confidence = new Option<double>("--confidence") { Description = "Confidence level, e.g. 0.95.", DefaultValueFactory = _ => 0.95 };
        var failures = new Option<int>("--failures") { Description = "Errors allowed in the sample (default 0)." };
        var population = new Option<long?>("--population") { Description = "Lot size N: hypergeometric instead of binomial." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("demonstrate", "How many items to review, with at most c errors, to show the rate is below a limit.") { limit, confidence, failures, population, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration;
            var problem = Probability("--limit", parse.GetValue(limit)) ?? Probability("--confidence", parse.GetValue(confidence))
                ?? (parse.GetValue(failures) < 0 ? $"--failures {parse.GetValue(failures)}: must not be negative" : null) ?? PopulationProblem(parse.GetValue(population));
            DemonstrationSampleSize? size = null;
            try
            {
                size = problem is null ? SampleSize.ForDemonstration(parse.GetValue(limit), parse.GetValue(confidence), parse.GetValue(failures), parse.GetValue(population)) : null;
            }
            catch (ArgumentOutOfRangeException e)
            {
                problem = $"--failures {parse.GetValue(failures)}: {e.Message.Split(" (Parameter", 2)[0]}";
            }

            if (size is null)
            {
                await console.Error.WriteLineAsync(problem);
                return ExitCodes.BadInput;
            }

            await console.Output.WriteLineAsync(parse.GetValue(json)
                ? PrintedJson.Serialize(size)
                : string.Create(CultureInfo.InvariantCulture, $"sample size {size.SampleSize} ({size.Method}): at most {size.AllowedFailures} errors show a rate below {size.Limit} at {size.AchievedConfidence:P2} confidence"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A plan in one line, as <c>quality sampling plan</c> and <c>quality sample</c> print it.</summary>
    internal static string Describe(AuditPlan plan, long lotSize)
    {
        var arrow = plan.PlanLetter != plan.CodeLetter ? $" (arrow to the plan of {plan.PlanLetter})" : "";
        var whole = plan.InspectsWholeLot ? "; the plan's sample is at least the lot: inspect every item" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"lot {lotSize}, AQL {Number(plan.Aql)}, level {plan.Level}, {plan.Inspection} inspection: code letter {plan.CodeLetter}{arrow}, sample {plan.SampleSize}, accept {plan.Accept}, reject {plan.Reject}{whole}");
    }

    private static string? Probability(string option, double value) =>
        value is > 0 and < 1 ? null : $"{option} {Number(value)}: must lie between 0 and 1 (exclusive)";

    private static string? PopulationProblem(long? population) =>
        population is < 1 ? $"--population {population}: must be at least 1" : null;

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What <c>quality sampling plan --json</c> prints: the plan, its letters as text, the level and inspection as given.</summary>
internal sealed record SamplingPlanView(
    string CodeLetter, string PlanLetter, int SampleSize, int Accept, int Reject, long LotSize, double Aql, string Level, string Inspection, bool InspectsWholeLot)
{
    public static SamplingPlanView From(SamplingPlan plan, string level, string inspection) => new(
        plan.CodeLetter.ToString(), plan.PlanLetter.ToString(), plan.SampleSize, plan.Accept, plan.Reject,
        plan.LotSize, plan.Aql, level.ToUpperInvariant(), inspection.ToLowerInvariant(), plan.InspectsWholeLot);
}
