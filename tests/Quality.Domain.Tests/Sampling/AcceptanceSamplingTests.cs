using Quality.Domain.Sampling;

namespace Quality.Domain.Tests.Sampling;

public sealed class AcceptanceSamplingTests
{
    // statistics-vectors.md §7.2: Table II-A, normal, arrows resolved: per code letter, "n,Ac,Re" at AQL 0.65, 1.0, 1.5, 2.5.
    private static readonly string[] TableIIA =
    [
        "A 20,0,1 13,0,1 8,0,1 5,0,1", "B 20,0,1 13,0,1 8,0,1 5,0,1", "C 20,0,1 13,0,1 8,0,1 5,0,1",
        "D 20,0,1 13,0,1 8,0,1 5,0,1", "E 20,0,1 13,0,1 8,0,1 20,1,2", "F 20,0,1 13,0,1 32,1,2 20,1,2",
        "G 20,0,1 50,1,2 32,1,2 32,2,3", "H 80,1,2 50,1,2 50,2,3 50,3,4", "J 80,1,2 80,2,3 80,3,4 80,5,6",
        "K 125,2,3 125,3,4 125,5,6 125,7,8", "L 200,3,4 200,5,6 200,7,8 200,10,11", "M 315,5,6 315,7,8 315,10,11 315,14,15",
        "N 500,7,8 500,10,11 500,14,15 500,21,22", "P 800,10,11 800,14,15 800,21,22 500,21,22",
        "Q 1250,14,15 1250,21,22 800,21,22 500,21,22", "R 2000,21,22 1250,21,22 800,21,22 500,21,22",
    ];

    private static readonly double[] Columns = [0.65, 1.0, 1.5, 2.5];

    public static TheoryData<char, double, int, int, int> NormalCells()
    {
        var data = new TheoryData<char, double, int, int, int>();
        foreach (var row in TableIIA)
        {
            var cells = row.Split(' ');
            for (var column = 0; column < Columns.Length; column++)
            {
                var plan = cells[column + 1].Split(',').Select(int.Parse).ToArray();
                data.Add(cells[0][0], Columns[column], plan[0], plan[1], plan[2]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NormalCells))]
    public void Normal_EveryCodeLetterAt065To25_MatchesTableIIA(char letter, double aql, int n, int accept, int reject)
    {
        var (planLetter, sampleSize, ac, re) = SingleSamplingTables.Normal.Resolve(letter, Array.IndexOf(SingleSamplingTables.Aqls, aql));

        Assert.Equal((n, accept, reject), (sampleSize, ac, re));
        Assert.Equal(n, SingleSamplingTables.Normal.Resolve(planLetter, Array.IndexOf(SingleSamplingTables.Aqls, aql)).SampleSize);
    }

    // §7.2 worked examples.
    [Theory]
    [InlineData(1500, 1.0, 'K', 'K', 125, 3, 4)]
    [InlineData(1500, 2.5, 'K', 'K', 125, 7, 8)]
    [InlineData(100, 1.0, 'F', 'E', 13, 0, 1)]
    [InlineData(100, 2.5, 'F', 'F', 20, 1, 2)]
    [InlineData(60, 2.5, 'E', 'F', 20, 1, 2)]
    public void Plan_WorkedExamples(long lot, double aql, char code, char planLetter, int n, int accept, int reject)
    {
        var plan = AcceptanceSampling.Plan(lot, aql);

        Assert.Equal((code, planLetter, n, accept, reject, false), (plan.CodeLetter, plan.PlanLetter, plan.SampleSize, plan.Accept, plan.Reject, plan.InspectsWholeLot));
    }

    // Lot 2000, level II → K, AQL 0.65, the textbook illustration of the three severities (AQLSchemes' encoding; n and Ac
    // of all three agree with Montgomery's reproduction of the tables, docs/sampling.md; reduced Re 3 is 105E's gap).
    [Theory]
    [InlineData(InspectionSeverity.Normal, 125, 2, 3)]
    [InlineData(InspectionSeverity.Tightened, 125, 1, 2)]
    [InlineData(InspectionSeverity.Reduced, 50, 1, 3)]
    public void Plan_K065_ByseverityTranscribed(InspectionSeverity severity, int n, int accept, int reject)
    {
        var plan = AcceptanceSampling.Plan(2000, 0.65, InspectionLevel.II, severity);

        Assert.Equal(('K', n, accept, reject), (plan.CodeLetter, plan.SampleSize, plan.Accept, plan.Reject));
    }

    [Fact]
    public void Plan_TightenedArrowDownPastR_UsesLetterS() =>
        Assert.Equal(('S', 3150, 1, 2), Pick(AcceptanceSampling.Plan(600_000, 0.025, InspectionLevel.III, InspectionSeverity.Tightened)));

    [Fact]
    public void Plan_SampleLargerThanLot_InspectsWholeLot()
    {
        // Lot 10, level II → B, AQL 0.65 → ↓ to F: n = 20 > 10.
        var plan = AcceptanceSampling.Plan(10, 0.65);

        Assert.Equal(('B', 'F', 10, 0, 1, true), (plan.CodeLetter, plan.PlanLetter, plan.SampleSize, plan.Accept, plan.Reject, plan.InspectsWholeLot));
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(100, 0.7)]
    [InlineData(100, 15)]
    public void Plan_BadLotOrAql_Throws(long lot, double aql) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AcceptanceSampling.Plan(lot, aql));

    public static TheoryData<InspectionSeverity> Severities => [InspectionSeverity.Normal, InspectionSeverity.Tightened, InspectionSeverity.Reduced];

    [Theory]
    [MemberData(nameof(Severities))]
    public void Tables_PrintedPlansLieOnDiagonalsOfEqualAcAndRe(InspectionSeverity severity)
    {
        // The master tables are built so that one step down (larger n) and one step right (larger AQL) keep Ac/Re on a
        // diagonal: every printed plan in cell (row, column) has the Ac/Re of every other printed plan with the same
        // row + column, and Ac grows along a row. A transcription slip breaks one of these.
        var table = SingleSamplingTables.For(severity);
        var letters = severity == InspectionSeverity.Tightened ? "ABCDEFGHJKLMNPQRS" : "ABCDEFGHJKLMNPQR";
        var byDiagonal = new Dictionary<int, (int, int)>();
        for (var row = 0; row < letters.Length; row++)
        {
            var previousAccept = -1;
            for (var column = 0; column < SingleSamplingTables.Aqls.Length; column++)
            {
                var (planLetter, _, accept, reject) = table.Resolve(letters[row] == 'S' ? 'R' : letters[row], column);
                Assert.True(accept >= previousAccept, $"{severity} {letters[row]} column {column}: Ac decreases");
                previousAccept = accept;
                if (planLetter == letters[row] && letters[row] is not ('A' or 'B' or 'C' or 'S'))
                {
                    var diagonal = row + column;
                    Assert.Equal(byDiagonal.GetValueOrDefault(diagonal, (accept, reject)), (accept, reject));
                    byDiagonal[diagonal] = (accept, reject);
                }
            }
        }
    }

    // A second published table for II-B: NIBS, "TABLE 1-B ... SAMPLING PLAN - Single Tightened Sampling Sizes and Reject
    // Levels", "developed from MIL-STD-105E" (http://www.nibs.org/FMOC/DPW_AC/AC-TABLE.ASC, the page statistics-vectors.md
    // §7 reads Table 1-A from). Per code letter: its sample size, then one token per AQL column 0.65 1.0 1.5 2.5 4.0 6.5 10
    // as the page prints it: a number is the plan's rejection number Re (Ac = Re − 1), "\/" the head of a down arrow, "/\"
    // the head of an up arrow, "||" an arrow's shaft. Rows M–Q are past the part of the page that could be read.
    private static readonly string[] NibsTable1B =
    [
        @"A 2 || || || || || \/ ||", @"B 3 || || || || \/ 1 ||", @"C 5 || || || \/ 1 || \/", @"D 8 || || \/ 1 || \/ 2",
        @"E 13 || \/ 1 || \/ 2 3", @"F 20 \/ 1 || \/ 2 3 4", @"G 32 1 || \/ 2 3 4 6", @"H 50 || \/ 2 3 4 6 9",
        @"J 80 \/ 2 3 4 6 9 13", @"K 125 2 3 4 6 9 13 19", @"L 200 3 4 6 9 13 19 /\",
    ];

    public static TheoryData<string> NibsRows => [.. NibsTable1B];

    [Theory]
    [MemberData(nameof(NibsRows))]
    public void Tightened_CodeLettersAToLAt065To10_MatchNibsTable1B(string row)
    {
        var tokens = row.Split(' ');
        var letter = tokens[0][0];
        double[] columns = [0.65, 1.0, 1.5, 2.5, 4.0, 6.5, 10];
        for (var c = 0; c < columns.Length; c++)
        {
            var column = Array.IndexOf(SingleSamplingTables.Aqls, columns[c]);
            var (planLetter, n, accept, reject) = SingleSamplingTables.Tightened.Resolve(letter, column);
            var printed = planLetter == letter;
            var token = tokens[c + 2];
            if (int.TryParse(token, out var re))
            {
                Assert.True(printed, $"{letter} at {columns[c]}: NIBS prints Re {re}, the table an arrow to {planLetter}");
                Assert.Equal((int.Parse(tokens[1], provider: null), re - 1, re), (n, accept, reject));
            }
            else
            {
                Assert.False(printed, $"{letter} at {columns[c]}: NIBS prints an arrow ({token}), the table {accept}/{reject}");
                var below = string.CompareOrdinal(planLetter.ToString(), letter.ToString()) > 0;
                Assert.True(token == "||" || (token == @"\/") == below, $"{letter} at {columns[c]}: NIBS {token}, the table points to {planLetter}");
            }
        }
    }

    private static (char, int, int, int) Pick(SamplingPlan plan) => (plan.PlanLetter, plan.SampleSize, plan.Accept, plan.Reject);
}
