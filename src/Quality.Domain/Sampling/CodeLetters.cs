namespace Quality.Domain.Sampling;

/// <summary>MIL-STD-105E Table I: the sample size code letter of a lot size at an inspection level.</summary>
/// <remarks>Transcribed from statistics-vectors.md §7.1 (two sources agreeing) and tested cell by cell.</remarks>
internal static class CodeLetters
{
    /// <summary>The upper end of each lot-size range: 2–8, 9–15, …, 150,001–500,000, and 500,001 and over.</summary>
    private static readonly long[] UpperBounds = [8, 15, 25, 50, 90, 150, 280, 500, 1_200, 3_200, 10_000, 35_000, 150_000, 500_000, long.MaxValue];

    /// <summary>One letter per lot-size range, one string per level in <see cref="InspectionLevel"/> order.</summary>
    private static readonly string[] Letters =
    [
        "AAAABBBBCCCCDDD", // S-1
        "AAABBBCCCDDDEEE", // S-2
        "AABBCCDDEEFFGGH", // S-3
        "AABCCDEEFGGHJJK", // S-4
        "AABCCDEFGHJKLMN", // I
        "ABCDEFGHJKLMNPQ", // II
        "BCDEFGHJKLMNPQR", // III
    ];

    public static char For(long lotSize, InspectionLevel level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lotSize, 2L);
        var range = Array.FindIndex(UpperBounds, upper => lotSize <= upper);
        return Letters[(int)level][range];
    }
}
