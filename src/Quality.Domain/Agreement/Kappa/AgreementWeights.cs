namespace Quality.Domain.Agreement.Kappa;

/// <summary>How much credit a pair of ratings in categories i and j earns, over the ordered category list.</summary>
/// <remarks>
/// Agreement weights w_ij with w_ii = 1, as in Cohen (1968) and Gwet's irrCAC (<c>identity.weights</c>,
/// <c>linear.weights</c>, <c>quadratic.weights</c>); i and j are category indexes, not category values.
/// With a single category every weight is 1.
/// </remarks>
public enum AgreementWeights
{
    /// <summary>Identity: w_ij = [i = j] (nominal categories).</summary>
    Unweighted,

    /// <summary>w_ij = 1 − |i − j| / (q − 1) (Cicchetti–Allison).</summary>
    Linear,

    /// <summary>w_ij = 1 − (i − j)² / (q − 1)² (Fleiss–Cohen).</summary>
    Quadratic,
}
