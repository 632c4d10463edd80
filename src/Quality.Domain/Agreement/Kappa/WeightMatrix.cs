namespace Quality.Domain.Agreement.Kappa;

/// <summary>The q×q agreement weights of an <see cref="AgreementWeights"/> scheme.</summary>
internal static class WeightMatrix
{
    public static double[][] Create(AgreementWeights weights, int categories)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(categories);
        var span = Math.Max(categories - 1, 1);
        var matrix = new double[categories][];
        for (var i = 0; i < categories; i++)
        {
            matrix[i] = new double[categories];
            for (var j = 0; j < categories; j++)
            {
                var distance = Math.Abs(i - j) / (double)span;
                matrix[i][j] = weights switch
                {
                    AgreementWeights.Unweighted => i == j ? 1 : 0,
                    AgreementWeights.Linear => 1 - distance,
                    AgreementWeights.Quadratic => 1 - distance * distance,
                    _ => throw new ArgumentOutOfRangeException(nameof(weights), weights, "unknown weighting"),
                };
            }
        }

        return matrix;
    }

    /// <summary>Σ_kl w_kl, the total weight (q when unweighted).</summary>
    public static double Total(double[][] matrix) => matrix.Sum(row => row.Sum());

    /// <summary>W·v: v̄_k = Σ_l w_kl v_l (the weighted share of category k, e.g. π̄_k).</summary>
    public static double[] Apply(double[][] matrix, double[] vector) =>
        [.. matrix.Select(row => row.Select((w, l) => w * vector[l]).Sum())];
}
