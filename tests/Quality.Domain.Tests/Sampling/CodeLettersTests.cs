using Quality.Domain.Sampling;

namespace Quality.Domain.Tests.Sampling;

public sealed class CodeLettersTests
{
    // statistics-vectors.md §7.1 (MIL-STD-105E Table I; NIBS table and AQLSchemes agree), columns S-1 … S-4, I, II, III.
    private static readonly (long From, long To, string Letters)[] TableI =
    [
        (2, 8, "AAAAAAB"), (9, 15, "AAAAABC"), (16, 25, "AABBBCD"), (26, 50, "ABBCCDE"), (51, 90, "BBCCCEF"),
        (91, 150, "BBCDDFG"), (151, 280, "BCDEEGH"), (281, 500, "BCDEFHJ"), (501, 1_200, "CCEFGJK"), (1_201, 3_200, "CDEGHKL"),
        (3_201, 10_000, "CDFGJLM"), (10_001, 35_000, "CDFHKMN"), (35_001, 150_000, "DEGJLNP"), (150_001, 500_000, "DEGJMPQ"),
        (500_001, 10_000_000, "DEHKNQR"),
    ];

    public static TheoryData<long, InspectionLevel, char> Cells()
    {
        var data = new TheoryData<long, InspectionLevel, char>();
        foreach (var (from, to, letters) in TableI)
        {
            for (var level = 0; level < letters.Length; level++)
            {
                data.Add(from, (InspectionLevel)level, letters[level]);
                data.Add(to, (InspectionLevel)level, letters[level]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void For_EveryRangeEndAndLevel_MatchesTableI(long lotSize, InspectionLevel level, char expected) =>
        Assert.Equal(expected, CodeLetters.For(lotSize, level));

    [Fact]
    public void For_LotOfOne_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => CodeLetters.For(1, InspectionLevel.II));
}
