namespace Quality.Domain.Spc.Series;

/// <summary>
/// Montgomery's Phase I procedure for any fit (see <see cref="PhaseI"/>): fit the included baseline points; of the
/// included ones beyond that fit's limits, exclude those with an assignable cause; refit; until a pass excludes nothing
/// or the limit of passes is reached — the semantics of <see cref="PChart.EstimatePhaseI"/>, for the Laney and
/// continuous charts. Out-of-control points without a cause are retained and reported.
/// </summary>
internal static class BaselineIteration
{
    /// <param name="fit">The fit of the baseline points whose mask entry is true.</param>
    /// <param name="isBeyond">Whether baseline point i (0-based) is beyond the fit's limits.</param>
    /// <param name="isDefined">False when the fit has no centre (every point excluded): iteration stops.</param>
    /// <param name="hasCause">Whether baseline point i (0-based) has an assignable cause.</param>
    public static BaselineFit<TFit> Run<TFit>(
        int baselineLength, int maxIterations, Func<bool[], TFit> fit, Func<TFit, int, bool> isBeyond, Func<TFit, bool> isDefined,
        Func<int, bool> hasCause)
    {
        var included = new bool[baselineLength];
        Array.Fill(included, true);
        var trial = fit(included);
        var current = trial;
        var excluded = new List<int>();
        var iterations = 0;
        var stable = false;
        while (iterations < maxIterations && isDefined(current))
        {
            iterations++;
            var dropped = 0;
            for (var i = 0; i < baselineLength; i++)
            {
                if (included[i] && hasCause(i) && isBeyond(current, i))
                {
                    included[i] = false;
                    excluded.Add(i + 1);
                    dropped++;
                }
            }

            if (dropped == 0)
            {
                stable = true;
                break;
            }

            current = fit(included);
        }

        excluded.Sort();
        var revised = current;
        var retained = isDefined(revised)
            ? Enumerable.Range(0, baselineLength).Where(i => included[i] && isBeyond(revised, i)).Select(i => i + 1).ToList()
            : [];
        return new BaselineFit<TFit>(trial, current, excluded, iterations, stable) { Retained = retained };
    }

    /// <summary>The entries of <paramref name="values"/> whose mask entry is true, in order.</summary>
    public static double[] Included(IReadOnlyList<double> values, bool[] included)
    {
        var kept = new List<double>(included.Length);
        for (var i = 0; i < included.Length; i++)
        {
            if (included[i])
            {
                kept.Add(values[i]);
            }
        }

        return [.. kept];
    }
}
