using System.Globalization;

namespace Quality.Domain.Spc;

/// <summary>Shared arithmetic of the Laney p′ and u′ charts.</summary>
/// <remarks>
/// z_i = (x_i − centre)/σ_i under the binomial or Poisson model; σ_Z = mean |z_i − z_{i−1}| / 1.128; limits
/// centre ± 3·σ_i·σ_Z, clipped as the p or u chart (Laney 2002, Quality Engineering 14(4):531–537; Minitab "Methods
/// and formulas for Laney P′ chart"). σ_Z is not the sample SD of z. Fewer than two points, or σ_i = 0 (centre 0 or 1),
/// leave σ_Z NaN and the limits NaN.
/// </remarks>
internal static class LaneyChart
{
    public static ControlChartResult Compute(
        IReadOnlyList<double> counts, IReadOnlyList<double> sizes, LaneyOptions? options, AttributeModel model, string name)
    {
        AttributeChart.Validate(counts, sizes, model);
        options ??= new LaneyOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.DispersionTolerance);

        var center = AttributeChart.Center(counts, sizes, _ => true);
        var z = new double[counts.Count];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = ((counts[i] / sizes[i]) - center) / AttributeChart.Sigma(model, center, sizes[i]);
        }

        var sigmaZ = MovingRange.Sigma(z, z.Length);
        if (double.IsInfinity(sigmaZ))
        {
            sigmaZ = double.NaN;
        }

        var chart = AttributeChart.Build(counts, sizes, center, model, sigmaZ);
        var dispersion = Classify(sigmaZ, options.DispersionTolerance);
        return chart with
        {
            SigmaZ = sigmaZ,
            Dispersion = dispersion,
            Note = dispersion switch
            {
                Spc.Dispersion.Overdispersed => string.Create(
                    CultureInfo.InvariantCulture,
                    $"σZ = {sigmaZ:0.###}: the points vary {sigmaZ:0.##}× more than the {name} model allows (overdispersion); the {name}′ limits are widened by that factor."),
                Spc.Dispersion.Underdispersed => string.Create(
                    CultureInfo.InvariantCulture,
                    $"σZ = {sigmaZ:0.###}: the points vary less than the {name} model allows (underdispersion); the {name}′ limits are narrowed by that factor."),
                _ => null,
            },
        };
    }

    private static Dispersion? Classify(double sigmaZ, double tolerance) =>
        double.IsNaN(sigmaZ) ? null
        : sigmaZ > 1 + tolerance ? Dispersion.Overdispersed
        : sigmaZ < 1 - tolerance ? Dispersion.Underdispersed
        : Dispersion.Consistent;
}
