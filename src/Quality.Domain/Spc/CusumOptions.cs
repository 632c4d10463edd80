namespace Quality.Domain.Spc;

/// <summary>Parameters of a <see cref="CusumChart"/>; <see cref="K"/> and <see cref="H"/> are in units of <see cref="Sigma"/>.</summary>
public sealed record CusumOptions
{
    /// <summary>The target μ₀.</summary>
    public required double Target { get; init; }

    /// <summary>The process σ, positive.</summary>
    public required double Sigma { get; init; }

    /// <summary>Reference value (allowance) k in σ; 0.5 detects a 1σ shift.</summary>
    public double K { get; init; } = 0.5;

    /// <summary>Decision interval h in σ; 4 or 5 are usual.</summary>
    public double H { get; init; } = 5.0;
}
