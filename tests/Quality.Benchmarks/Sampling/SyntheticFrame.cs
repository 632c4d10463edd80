using System.Globalization;
using Quality.Domain.Sampling;
using Quality.Domain.Standards;

namespace Quality.Benchmarks.Sampling;

/// <summary>
/// A seeded finalize frame without the audit behind it: items of 5 annotators whose classes follow a skewed lidar mix —
/// car in 97% of items, barrier 50%, pedestrian 70%, truck 45%, cyclist 25%, wheelchair_user 0.4% (the rare,
/// safety-relevant class) — each annotator missing a class 3% of the time; agreement mostly high, 5% of units anywhere
/// in [0, 1]. Strata by [class, annotator] come to about 35, the rare class's among them.
/// </summary>
internal static class SyntheticFrame
{
    public const int Annotators = 5;

    public const string Seed = "bench/acme/delivery-0001";

    private static readonly (string Class, double Presence)[] Mix =
        [("barrier", 0.5), ("car", 0.97), ("cyclist", 0.25), ("pedestrian", 0.7), ("truck", 0.45), ("wheelchair_user", 0.004)];

    /// <summary>The settings a standard with a Z1.4 plan at AQL 1.0, level II, [class, annotator] strata and 5 per stratum gives.</summary>
    public static SamplingSettings Settings(bool riskWeighted) =>
        new(1.0, "II", "normal", null, [ReviewFrame.ClassDimension, ReviewFrame.AnnotatorDimension], 5, riskWeighted);

    public static List<ReviewUnit> Generate(int units, int seed = 7)
    {
        var random = new Random(seed);
        var annotators = Enumerable.Range(1, Annotators).Select(a => "acme-ann-" + (100 + a).ToString(CultureInfo.InvariantCulture)).ToArray();
        var frame = new List<ReviewUnit>(units);
        for (var i = 0; frame.Count < units; i++)
        {
            var item = "lidar-0001-" + i.ToString("D7", CultureInfo.InvariantCulture);
            var present = Mix.Where(m => random.NextDouble() < m.Presence).Select(m => m.Class).ToArray();
            foreach (var annotator in annotators.Take(units - frame.Count))
            {
                var agreement = random.NextDouble() < 0.05 ? random.NextDouble() : 0.7 + 0.3 * random.NextDouble();
                frame.Add(new ReviewUnit(item, annotator, [.. present.Where(_ => random.NextDouble() >= 0.03)], agreement));
            }
        }

        return frame;
    }
}
