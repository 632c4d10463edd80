namespace Quality.Domain.Findings;

/// <summary>Adjusted p-values over a family of tests.</summary>
/// <remarks>
/// With p sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎: Holm (1979), <i>Scand J Stat</i> 6:65–70:
/// p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎); Benjamini &amp; Hochberg (1995), <i>JRSS B</i> 57:289–300:
/// p̃₍ᵢ₎ = min_{j ≥ i} min(1, m/j·p₍ⱼ₎). Reject where p̃ ≤ α. As R's <c>p.adjust</c>. NaN p-values (tests not
/// defined) are not members of the family and stay NaN.
/// </remarks>
internal static class MultipleTesting
{
    public static double[] Adjust(IReadOnlyList<double> pValues, MultipleTestingProcedure procedure)
    {
        var adjusted = pValues.Select(_ => double.NaN).ToArray();
        var order = Enumerable.Range(0, pValues.Count).Where(i => !double.IsNaN(pValues[i])).OrderBy(i => pValues[i]).ToArray();
        var m = order.Length;
        if (procedure == MultipleTestingProcedure.Holm)
        {
            var running = 0.0;
            for (var j = 0; j < m; j++)
            {
                running = Math.Max(running, Math.Min(1, (m - j) * pValues[order[j]]));
                adjusted[order[j]] = running;
            }
        }
        else
        {
            var running = 1.0;
            for (var j = m - 1; j >= 0; j--)
            {
                running = Math.Min(running, Math.Min(1, (double)m / (j + 1) * pValues[order[j]]));
                adjusted[order[j]] = running;
            }
        }

        return adjusted;
    }
}
