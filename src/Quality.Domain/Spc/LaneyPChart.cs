namespace Quality.Domain.Spc;

/// <summary>Laney's p′ chart: a p chart whose limits are scaled by σ_Z, the between-point variation of the z-scores.</summary>
/// <remarks>
/// p̄ = Σx/Σn; σ_pi = √(p̄(1−p̄)/n_i); z_i = (p_i − p̄)/σ_pi; σ_Z = MR̄(z)/1.128; limits p̄ ± 3·σ_pi·σ_Z clipped to
/// [0, 1] (Laney 2002; Minitab; JMP). σ_Z = 1 is the ordinary p chart. The result carries σ_Z, a
/// <see cref="Dispersion"/> and, when σ_Z differs markedly from 1, a statement in <see cref="ControlChartResult.Note"/>.
/// </remarks>
public static class LaneyPChart
{
    public static ControlChartResult Compute(IReadOnlyList<double> counts, IReadOnlyList<double> sizes, LaneyOptions? options = null) =>
        LaneyChart.Compute(counts, sizes, options, AttributeModel.Binomial, "p");
}
