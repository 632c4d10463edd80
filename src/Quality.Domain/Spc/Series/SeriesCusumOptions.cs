namespace Quality.Domain.Spc.Series;

/// <summary>The CUSUM parameters of a series, in units of σ; μ₀ and σ come from <see cref="SeriesChartOptions"/> or the baseline.</summary>
public sealed record SeriesCusumOptions
{
    /// <summary>Reference value (allowance) k in σ; 0.5 detects a 1σ shift.</summary>
    public double K { get; init; } = 0.5;

    /// <summary>Decision interval h in σ; 4 or 5 are usual.</summary>
    public double H { get; init; } = 5.0;
}
