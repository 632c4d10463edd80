namespace Quality.Domain.Spc;

/// <summary>The binomial (p) or Poisson (u, c) model behind an attribute chart: its σ per point and its range.</summary>
internal enum AttributeModel
{
    Binomial,
    Poisson,
}
