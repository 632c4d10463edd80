namespace Quality.Domain.Findings;

/// <summary>How p-values of the error types of one delivery are adjusted.</summary>
public enum MultipleTestingProcedure
{
    /// <summary>Holm (1979) step-down; controls the family-wise error rate.</summary>
    Holm,

    /// <summary>Benjamini–Hochberg (1995) step-up; controls the false discovery rate.</summary>
    BenjaminiHochberg,
}
