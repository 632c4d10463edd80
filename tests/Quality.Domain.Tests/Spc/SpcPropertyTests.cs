using FsCheck.Xunit;
using Quality.Domain.Spc;

namespace Quality.Domain.Tests.Spc;

public sealed class SpcPropertyTests
{
    [Property]
    public bool PChart_AnyData_LimitsBracketCentreInsideUnitInterval((byte Count, byte Extra)[] samples)
    {
        var counts = samples.Select(s => (double)s.Count).ToArray();
        var sizes = samples.Select(s => (double)s.Count + s.Extra + 1).ToArray();

        return PChart.Compute(counts, sizes).Points.All(p => p.Lower >= 0 && p.Lower <= p.Center && p.Center <= p.Upper && p.Upper <= 1);
    }

    [Property]
    public bool Cusum_ShiftingDataAndTarget_GivesTheSameSums(sbyte[] data, sbyte shift)
    {
        var x = data.Select(v => v / 10.0).ToArray();
        var options = new CusumOptions { Target = 0, Sigma = 1, H = 4 };
        var plain = CusumChart.Compute(x, options);
        var shifted = CusumChart.Compute([.. x.Select(v => v + shift)], options with { Target = shift });

        return plain.Upper.Points.Zip(shifted.Upper.Points).All(p => p.First.Value >= 0 && Math.Abs(p.First.Value - p.Second.Value) < 1e-9)
            && plain.Lower.Points.Zip(shifted.Lower.Points).All(p => p.First.Value >= 0 && Math.Abs(p.First.Value - p.Second.Value) < 1e-9);
    }

    [Property]
    public bool Rules_MirroredPoints_GiveTheSameSignals(sbyte[] data)
    {
        // Every WECO and Nelson rule is symmetric about the centre line.
        var z = data.Select(v => v / 30.0).ToArray();
        var mirrored = z.Select(v => -v).ToArray();

        return Same(ControlRules.WesternElectric(z), ControlRules.WesternElectric(mirrored))
            && Same(ControlRules.Nelson(z), ControlRules.Nelson(mirrored));
    }

    private static bool Same(IReadOnlyList<ControlSignal> a, IReadOnlyList<ControlSignal> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Rule == p.Second.Rule && p.First.Points.SequenceEqual(p.Second.Points));
}
