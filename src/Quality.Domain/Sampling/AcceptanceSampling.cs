using System.Globalization;

namespace Quality.Domain.Sampling;

/// <summary>Single sampling plans by attributes after MIL-STD-105E (public domain), whose plans ANSI/ASQ Z1.4 carries.</summary>
/// <remarks>
/// Table I gives the code letter of the lot size at the inspection level; Table II-A/B/C (normal, tightened, reduced)
/// gives the plan for the letter and the AQL, following the arrows to the first plan below (↓) or above (↑) — the plan
/// used then has another letter and sample size. A sample as large as the lot means 100% inspection (as AQLSchemes says:
/// "if the sample size exceeds the lot size, carry out 100% inspection"). The switching between severities is
/// <see cref="InspectionState"/>. A lot under 2 items or an AQL not in the table (0.010 … 10 percent) is a caller error.
/// </remarks>
public static class AcceptanceSampling
{
    /// <summary>The AQL columns (percent nonconforming) the tables have.</summary>
    public static IReadOnlyList<double> Aqls => SingleSamplingTables.Aqls;

    public static SamplingPlan Plan(long lotSize, double aql, InspectionLevel level = InspectionLevel.II, InspectionSeverity severity = InspectionSeverity.Normal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lotSize, 2L);
        var column = ColumnOf(aql);
        var codeLetter = CodeLetters.For(lotSize, level);
        var (planLetter, sampleSize, accept, reject) = SingleSamplingTables.For(severity).Resolve(codeLetter, column);
        var whole = sampleSize >= lotSize;
        return new SamplingPlan(
            lotSize, SingleSamplingTables.Aqls[column], level, severity, codeLetter, planLetter, whole ? (int)lotSize : sampleSize, accept, reject, whole);
    }

    /// <summary>The table's column of an AQL; AQLs are the preferred numbers of the standard, nothing in between.</summary>
    private static int ColumnOf(double aql)
    {
        var column = Array.FindIndex(SingleSamplingTables.Aqls, a => Math.Abs(a - aql) <= 1e-9 * a);
        return column >= 0
            ? column
            : throw new ArgumentOutOfRangeException(nameof(aql), aql, string.Create(
                CultureInfo.InvariantCulture, $"Not an AQL of the tables; use one of {string.Join(", ", SingleSamplingTables.Aqls.Select(a => a.ToString(CultureInfo.InvariantCulture)))}."));
    }
}
