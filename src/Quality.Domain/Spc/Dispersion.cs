namespace Quality.Domain.Spc;

/// <summary>How the between-point variation of an attribute chart compares with its binomial or Poisson model (Laney's σ_Z).</summary>
public enum Dispersion
{
    /// <summary>σ_Z within the tolerance of 1: the ordinary p or u chart is adequate.</summary>
    Consistent,

    /// <summary>σ_Z markedly above 1: more variation than the model allows; ordinary limits are too narrow.</summary>
    Overdispersed,

    /// <summary>σ_Z markedly below 1: less variation than the model allows; ordinary limits are too wide.</summary>
    Underdispersed,
}
