namespace Quality.Domain;

/// <summary>Orders (a, b) name pairs by a, then b, ordinal: the one order pairwise figures are listed and summed in.</summary>
internal sealed class OrdinalPairComparer : IComparer<(string A, string B)>
{
    public static readonly OrdinalPairComparer Instance = new();

    public int Compare((string A, string B) x, (string A, string B) y)
    {
        var first = string.CompareOrdinal(x.A, y.A);
        return first != 0 ? first : string.CompareOrdinal(x.B, y.B);
    }
}
