namespace Quality.Domain.Spc;

/// <summary>An I-MR chart pair.</summary>
/// <param name="Individuals">x_i against x̄ ± 3σ̂, σ̂ = MR̄/1.128.</param>
/// <param name="MovingRange">MR_i = |x_i − x_{i−1}| against MR̄, LCL 0, UCL 3.267·MR̄; the first point's value is NaN.</param>
public sealed record IndividualsResult(ControlChartResult Individuals, ControlChartResult MovingRange);
