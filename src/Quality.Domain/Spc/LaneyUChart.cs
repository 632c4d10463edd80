namespace Quality.Domain.Spc;

/// <summary>Laney's u′ chart: a u chart whose limits are scaled by σ_Z.</summary>
/// <remarks>
/// ū = Σc/Σn; σ_ui = √(ū/n_i); z_i = (u_i − ū)/σ_ui; σ_Z = MR̄(z)/1.128; limits ū ± 3·σ_ui·σ_Z, LCL floored at 0
/// (Laney 2002; Minitab "Laney U′ chart"). The result carries σ_Z, a <see cref="Dispersion"/> and a note as
/// <see cref="LaneyPChart"/>.
/// </remarks>
public static class LaneyUChart
{
    public static ControlChartResult Compute(IReadOnlyList<double> counts, IReadOnlyList<double> sizes, LaneyOptions? options = null) =>
        LaneyChart.Compute(counts, sizes, options, AttributeModel.Poisson, "u");
}
