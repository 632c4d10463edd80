using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Quality.Domain.Standards;

namespace Quality.Domain.Tests.Standards;

/// <summary>
/// Invariants of verdicts over generated measurements and rules: a stricter standard never judges a batch better,
/// and a rule that bounds only the interval never looks at the point estimate.
/// </summary>
public sealed class StandardEvaluationProperties
{
    private static readonly Gen<double> Share = Gen.Choose(0, 1000).Select(x => x / 1000.0);
    private static readonly Gen<double?> Threshold = Gen.OneOf(Gen.Constant<double?>(null), Share.Select(x => (double?)x));

    /// <summary>A measurement (with or without an interval around it) and one rule on it, of either direction.</summary>
    private static readonly Gen<(Measurement Measured, StandardRule Rule)> Cases =
        from higherIsBetter in Gen.Elements(true, false)
        from value in Share
        from below in Share
        from above in Share
        from hasInterval in Gen.Elements(true, true, false)
        from n in Gen.Choose(0, 100)
        from minN in Gen.Elements<long?>(null, 10, 50)
        from point in Threshold
        from bound in Threshold
        from severity in Gen.Elements(RuleSeverity.Reject, RuleSeverity.Finding)
        let metric = higherIsBetter ? "gold-f1" : "violation-rate"
        let measured = new Measurement(
            metric, null, value, hasInterval ? value * (1 - below) : null, hasInterval ? value + ((1 - value) * above) : null, n, hasInterval ? "wilson" : null)
        let rule = higherIsBetter
            ? new StandardRule(metric, null, severity) { Min = point, LowerBound = bound ?? (point is null ? 0.5 : null), MinN = minN }
            : new StandardRule(metric, null, severity) { Max = point, UpperBound = bound ?? (point is null ? 0.5 : null), MinN = minN }
        select (measured, rule);

    [Property(MaxTest = 500)]
    public Property Tightening_NeverImprovesTheOutcome() => Prop.ForAll(
        Cases.ToArbitrary(), Cases.ToArbitrary(), Gen.Zip(Share, Gen.Choose(0, 1)).ToArbitrary(), (a, b, change) =>
        {
            var (tighter, findings) = change;
            var measurements = new BatchMeasurements([a.Measured, b.Measured with { Subject = "x" }]);
            StandardRule[] loose = [a.Rule, b.Rule with { Subject = "x" }];
            var strict = loose.Select(r => Tighten(r, tighter)).ToList();

            var before = StandardEvaluation.Evaluate(StandardEvaluationTests.Standard(loose), measurements, findings).Outcome;
            var after = StandardEvaluation.Evaluate(StandardEvaluationTests.Standard(strict), measurements, findings).Outcome;

            // Accepted < AcceptedWithFindings < Rejected: in particular, never Rejected → Accepted.
            return (after >= before).Label($"{before} → {after}");
        });

    [Property(MaxTest = 300)]
    public Property BoundRules_DoNotReadTheEstimate() => Prop.ForAll(Cases.ToArbitrary(), Share.ToArbitrary(), (c, other) =>
    {
        var boundOnly = c.Rule with { Min = null, Max = null, LowerBound = c.Rule.LowerBound ?? 0.5, UpperBound = c.Rule.UpperBound ?? 0.5 };
        var moved = c.Measured with { Value = other };

        return Status(boundOnly, c.Measured) == Status(boundOnly, moved);
    });

    private static RuleStatus Status(StandardRule rule, Measurement measured) =>
        StandardEvaluation.Evaluate(StandardEvaluationTests.Standard([rule]), new BatchMeasurements([measured])).Reasons[0].Status;

    private static StandardRule Tighten(StandardRule rule, double by) => rule with
    {
        Min = rule.Min + by,
        LowerBound = rule.LowerBound + by,
        Max = rule.Max - by,
        UpperBound = rule.UpperBound - by,
    };
}
