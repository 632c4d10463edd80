namespace Quality.Domain.Agreement.Kappa;

/// <summary>A chance-corrected agreement coefficient with its uncertainty and the data it rests on.</summary>
/// <remarks>
/// Coefficients have the form (p_a − p_e) / (1 − p_e). When the data do not define one (no pairable ratings,
/// p_e = 1, unequal rater counts for classic Fleiss, …) the estimate says so: <see cref="Defined"/> is false,
/// <see cref="UndefinedReason"/> explains, and every figure is NaN. A defined coefficient whose variance cannot
/// be estimated (a single unit) has a NaN standard error and interval.
/// </remarks>
public sealed record AgreementEstimate
{
    /// <summary>The coefficient, (p_a − p_e) / (1 − p_e).</summary>
    public required double Coefficient { get; init; }

    /// <summary>The standard error the <see cref="Interval"/> is built from (not the one under H0).</summary>
    public required double StandardError { get; init; }

    public required ConfidenceInterval Interval { get; init; }

    /// <summary>p_a, the (weighted) observed agreement.</summary>
    public required double PercentAgreement { get; init; }

    /// <summary>p_e, the (weighted) agreement expected by chance.</summary>
    public required double ChanceAgreement { get; init; }

    /// <summary>Units (subjects) the coefficient rests on.</summary>
    public required long Units { get; init; }

    /// <summary>Ratings the coefficient rests on.</summary>
    public required long Ratings { get; init; }

    /// <summary>Standard error under H0 (no agreement beyond chance), where the statistic has one.</summary>
    public double? StandardErrorUnderNull { get; init; }

    /// <summary>Coefficient / <see cref="StandardErrorUnderNull"/>, where defined.</summary>
    public double? Z { get; init; }

    /// <summary>Two-sided normal p-value of <see cref="Z"/>, where defined.</summary>
    public double? PValue { get; init; }

    /// <summary>Why the coefficient is not defined; null when it is.</summary>
    public string? UndefinedReason { get; init; }

    public bool Defined => UndefinedReason is null;

    internal static AgreementEstimate Undefined(string reason, long units, long ratings) => new()
    {
        Coefficient = double.NaN,
        StandardError = double.NaN,
        Interval = ConfidenceInterval.Undefined(Intervals.DefaultLevel),
        PercentAgreement = double.NaN,
        ChanceAgreement = double.NaN,
        Units = units,
        Ratings = ratings,
        UndefinedReason = reason,
    };

    /// <summary>
    /// c = (p_a − p_e)/(1 − p_e) with the standard error of c and Gwet's t(n − 1) interval; not defined when p_e = 1.
    /// </summary>
    internal static AgreementEstimate ChanceCorrected(
        double percentAgreement, double chanceAgreement, Func<double, double> standardErrorOf, long units, long ratings, double level)
    {
        if (1 - chanceAgreement < 1e-12)
        {
            return Undefined("chance agreement p_e is 1 (a single category used throughout), so the coefficient is 0/0", units, ratings);
        }

        var coefficient = (percentAgreement - chanceAgreement) / (1 - chanceAgreement);
        var standardError = standardErrorOf(coefficient);
        return new AgreementEstimate
        {
            Coefficient = coefficient,
            StandardError = standardError,
            Interval = Intervals.StudentT(coefficient, standardError, units, level),
            PercentAgreement = percentAgreement,
            ChanceAgreement = chanceAgreement,
            Units = units,
            Ratings = ratings,
        };
    }
}
