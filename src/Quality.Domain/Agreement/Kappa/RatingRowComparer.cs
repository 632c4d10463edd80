namespace Quality.Domain.Agreement.Kappa;

/// <summary>Lexicographic order on count rows of equal length, so identical rows collapse and sums run in one order.</summary>
internal sealed class RatingRowComparer : IComparer<int[]>
{
    public static readonly RatingRowComparer Instance = new();

    public int Compare(int[]? x, int[]? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        for (var k = 0; k < Math.Min(x.Length, y.Length); k++)
        {
            var order = x[k].CompareTo(y[k]);
            if (order != 0)
            {
                return order;
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
