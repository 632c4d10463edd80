using Quality.Domain.Sampling;
using Quality.Domain.Standards;

namespace Quality.Domain.Tests.Sampling;

/// <summary>
/// Finalize's draw in three passes over the frame's parts (<see cref="ReviewSampleDraw"/>) against the draw that held
/// the whole frame sorted by unit id (written out below as it was: strata of the whole frame, then
/// <see cref="StratifiedSample.Select"/>): the same sample, every stratum, unit and π to the last bit, whatever the
/// split and order of the parts.
/// </summary>
public sealed class ReviewSampleDrawTests
{
    public static TheoryData<int, string[], int, string> Frames => new()
    {
        { 0, [], 0, "seed-a" },
        { 1, ["class"], 0, "seed-a" },
        { 2, ["annotator"], 1, "seed-b" },
        { 57, ["class"], 2, "p/v/d-1" },
        { 3_000, [], 0, "p/v/d-2" },
        { 3_000, ["class"], 0, "p/v/d-3" },
        { 3_000, ["class", "annotator"], 3, "p/v/d-4" },
        { 3_000, ["scene.weather", "class"], 5, "p/v/d-5" },
        { 20_000, ["annotator"], 0, "42" },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Draw_in_parts_is_the_draw_of_the_whole_frame(int units, string[] strata, int minimum, string seed)
    {
        var frame = Frame(units, new Random(units + strata.Length));
        var settings = new SamplingSettings(1.0, "II", "normal", null, strata, minimum, RiskWeighted: false);

        var whole = WholeFrameDraw(frame, settings, seed, InspectionSeverity.Normal);
        var inParts = InParts(Shuffled(frame, new Random(7)), parts: 5, settings, seed, InspectionSeverity.Normal);

        Assert.Equal((whole.LotSize, whole.Size, whole.Plan, whole.Method), (inParts.LotSize, inParts.Size, inParts.Plan, inParts.Method));
        Assert.Equal(whole.Strata, inParts.Strata);
        Assert.Equal(whole.Items, inParts.Items);
        Assert.Equal(whole.Items, AuditSampling.Draw(frame, settings, seed, InspectionSeverity.Normal).Items);
        if (units >= 3_000)
        {
            // Not a vacuous comparison: Z1.4 level II, AQL 1.0 draws 125 of 501-3,200 units (letter K) and 315 of 10,001-35,000 (M).
            Assert.Equal(units == 3_000 ? 125 : 315, whole.Plan.SampleSize);
            Assert.True(inParts.Items.Count >= whole.Plan.SampleSize);
        }
    }

    [Fact]
    public void Tightened_inspection_and_other_splits_draw_the_same_sample()
    {
        var frame = Frame(5_000, new Random(3));
        var settings = new SamplingSettings(0.65, "II", "tightened", 9, ["class"], 2, RiskWeighted: false);
        var first = InParts(frame, parts: 1, settings, "9", InspectionSeverity.Tightened);

        foreach (var parts in new[] { 2, 7, 64 })
        {
            Assert.Equal(first.Items, InParts(Shuffled(frame, new Random(parts)), parts, settings, "9", InspectionSeverity.Tightened).Items);
        }
    }

    [Fact]
    public void Risk_weighted_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ReviewSampleDraw(new SamplingSettings(1.0, "II", "normal", null, [], 0, RiskWeighted: true), "s", InspectionSeverity.Normal));
    }

    private static AuditSample InParts(List<ReviewUnit> frame, int parts, SamplingSettings settings, string seed, InspectionSeverity severity)
    {
        var draw = new ReviewSampleDraw(settings, seed, severity);
        var size = Math.Max(1, (frame.Count + parts - 1) / parts);
        while (!draw.IsDrawn)
        {
            foreach (var part in frame.Chunk(size))
            {
                draw.Add(part);
            }

            draw.EndPass();
        }

        return draw.Result();
    }

    /// <summary>The draw as it held the whole frame: units in ordinal id order, strata over all of them, then the stratified selection.</summary>
    private static AuditSample WholeFrameDraw(IReadOnlyList<ReviewUnit> frame, SamplingSettings settings, string seed, InspectionSeverity severity)
    {
        var units = frame.OrderBy(u => u.Id, StringComparer.Ordinal).ToArray();
        var plan = AcceptanceSampling.Plan(Math.Max(2, units.Length), settings.Aql, InspectionLevelNames.Parse(settings.Level), severity);
        if (units.Length < 2)
        {
            plan = plan with { LotSize = units.Length, SampleSize = units.Length, InspectsWholeLot = true };
        }

        var strata = ReviewFrame.Strata(units, settings.Strata);
        var manifest = StratifiedSample.Select(
            units.Select((u, i) => new SampleItem(u.Id, strata[i], u.RiskWeight)),
            new SampleOptions { Size = plan.SampleSize, Seed = seed, MinimumPerStratum = settings.MinimumPerStratum });
        var byId = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        return new AuditSample(seed, manifest.Method, units.Length, settings.Strata, settings.MinimumPerStratum, false, AuditPlan.From(plan), manifest.Size, manifest.Strata,
            [.. manifest.Items.Select(i => new AuditSampleItem(i.ItemId, byId[i.ItemId].Item, byId[i.ItemId].Annotator, i.Stratum, i.InclusionProbability, byId[i.ItemId].Agreement))]);
    }

    /// <summary>Units of items labeled by 3 of 8 annotators, with skewed classes (a rare one), tags and a weather scene.</summary>
    private static List<ReviewUnit> Frame(int units, Random random)
    {
        string[] classes = ["car", "car", "car", "car", "truck", "pedestrian", "pedestrian", "cyclist", "weather=rain", "stroller"];
        var frame = new List<ReviewUnit>();
        for (var item = 0; frame.Count < units; item++)
        {
            var scene = new Dictionary<string, string>(StringComparer.Ordinal) { ["weather"] = random.Next(3) == 0 ? "rain" : "clear" };
            foreach (var annotator in Enumerable.Range(0, 8).OrderBy(_ => random.Next()).Take(3).Order())
            {
                if (frame.Count == units)
                {
                    break;
                }

                var unitClasses = Enumerable.Range(0, random.Next(0, 4)).Select(_ => classes[random.Next(classes.Length)])
                    .Where(c => c != "stroller" || random.Next(20) == 0).Distinct().Order(StringComparer.Ordinal).ToArray();
                frame.Add(new ReviewUnit($"frame-{item:D6}", $"ann-{annotator}", unitClasses, random.Next(5) == 0 ? null : random.NextDouble()) { Scene = scene });
            }
        }

        return frame;
    }

    private static List<ReviewUnit> Shuffled(IReadOnlyList<ReviewUnit> frame, Random random) => [.. frame.OrderBy(_ => random.Next())];
}
