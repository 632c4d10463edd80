namespace Quality.Domain.Spc;

/// <summary>Montgomery's iterative Phase I estimation for attribute charts: revise the trial limits by dropping assignable-cause points.</summary>
/// <remarks>
/// Montgomery, <i>Introduction to Statistical Quality Control</i>, 6th ed. (Wiley, 2009), §6.2.1 "trial control limits"
/// and §7.2.1, Example 7.1 (the orange-juice p chart): trial limits from the baseline; every point beyond them is
/// investigated; a point for which an assignable cause is found is dropped and the limits recomputed; a point for which
/// none is found is retained. Pass k: centre =
/// Σcount/Σsize over the baseline points still included; the included baseline points beyond that pass's limits are
/// out of control; those with an assignable cause are excluded; repeat until a pass excludes nothing (stable) or
/// <c>maxIterations</c> passes ran. Out-of-control points without a cause stay in the baseline and are reported
/// (<see cref="PhaseIEstimate.Retained"/>). Giving every point a cause is the automatic trimming some tools do
/// (excluding whatever falls outside until nothing does); Montgomery keeps sample 21 of the orange-juice data for want of
/// a cause, so his revised p̄ is 0.215, not 281/1350.
/// </remarks>
internal static class PhaseI
{
    public static PhaseIEstimate Estimate(
        IReadOnlyList<double> counts, IReadOnlyList<double> sizes, int baselineLength, int maxIterations, AttributeModel model,
        IReadOnlySet<int>? assignableCauses)
    {
        AttributeChart.Validate(counts, sizes, model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baselineLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(baselineLength, counts.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);

        var hasCause = assignableCauses ?? new HashSet<int>();
        var included = new bool[baselineLength];
        Array.Fill(included, true);
        var iterations = new List<PhaseIIteration>();
        var excluded = new List<int>();
        var center = double.NaN;
        var stable = false;
        while (iterations.Count < maxIterations)
        {
            center = AttributeChart.Center(counts, sizes, i => i < baselineLength && included[i]);
            if (double.IsNaN(center))
            {
                break;
            }

            var chart = AttributeChart.Build(counts, sizes, center, model);
            var outOfControl = Enumerable.Range(0, baselineLength).Where(i => included[i] && chart.Points[i].IsBeyondLimits).Select(i => i + 1).ToList();
            var dropped = outOfControl.Where(hasCause.Contains).ToList();
            foreach (var point in dropped)
            {
                included[point - 1] = false;
            }

            iterations.Add(new PhaseIIteration(center, outOfControl) { Excluded = dropped });
            excluded.AddRange(dropped);
            if (dropped.Count == 0)
            {
                stable = true;
                break;
            }
        }

        if (!stable && iterations.Count > 0 && iterations[^1].Excluded.Count > 0)
        {
            // The last pass excluded points: the centre without them is the best estimate, though not yet checked.
            center = AttributeChart.Center(counts, sizes, i => i < baselineLength && included[i]);
        }

        excluded.Sort();
        var final = AttributeChart.Build(counts, sizes, center, model);
        var retained = Enumerable.Range(0, baselineLength).Where(i => included[i] && final.Points[i].IsBeyondLimits).Select(i => i + 1).ToList();
        return new PhaseIEstimate(center, iterations, excluded, stable, final) { Retained = retained };
    }
}
