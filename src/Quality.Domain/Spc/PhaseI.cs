namespace Quality.Domain.Spc;

/// <summary>Iterative Phase I estimation for attribute charts (Montgomery, <i>Introduction to SQC</i>, §7.2 trial limits).</summary>
/// <remarks>
/// Pass k: centre = Σcount/Σsize over the included baseline points; every included baseline point beyond that pass's
/// limits is excluded; repeat until a pass excludes nothing (stable) or <c>maxIterations</c> passes ran. This is the
/// mechanical form of "revise the trial limits"; a practitioner keeps a point for which no assignable cause is found.
/// </remarks>
internal static class PhaseI
{
    public static PhaseIEstimate Estimate(
        IReadOnlyList<double> counts, IReadOnlyList<double> sizes, int baselineLength, int maxIterations, AttributeModel model)
    {
        AttributeChart.Validate(counts, sizes, model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baselineLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(baselineLength, counts.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);

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
            var outOfControl = new List<int>();
            for (var i = 0; i < baselineLength; i++)
            {
                if (included[i] && chart.Points[i].IsBeyondLimits)
                {
                    outOfControl.Add(i + 1);
                    included[i] = false;
                }
            }

            iterations.Add(new PhaseIIteration(center, outOfControl));
            excluded.AddRange(outOfControl);
            if (outOfControl.Count == 0)
            {
                stable = true;
                break;
            }
        }

        if (!stable && iterations.Count > 0 && iterations[^1].OutOfControl.Count > 0)
        {
            // The last pass excluded points: the centre without them is the best estimate, though not yet checked.
            center = AttributeChart.Center(counts, sizes, i => i < baselineLength && included[i]);
        }

        excluded.Sort();
        var final = double.IsNaN(center)
            ? AttributeChart.Build(counts, sizes, double.NaN, model)
            : AttributeChart.Build(counts, sizes, center, model);
        return new PhaseIEstimate(center, iterations, excluded, stable, final);
    }
}
