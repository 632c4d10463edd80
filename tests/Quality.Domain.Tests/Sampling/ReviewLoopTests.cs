using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Geometry;
using Quality.Domain.Matching;
using Quality.Domain.Sampling;
using Quality.Domain.Standards;

namespace Quality.Domain.Tests.Sampling;

/// <summary>The review loop's domain: the frame of units, the drawn sample, a unit's review and the lot's disposition.</summary>
public sealed class ReviewLoopTests
{
    private static Annotation Box(string annotator, string label, double x, AnnotatorRole role = AnnotatorRole.Annotator, string item = "f1") =>
        new(item, annotator, role, Annotation.DefaultField, label, 1) { Box = new Box2D(x, 0, 10, 10) };

    private static Annotation Tag(string annotator, string field, string value, AnnotatorRole role = AnnotatorRole.Annotator, string item = "f1") =>
        new(item, annotator, role, field, value, 1);

    private static SamplingSettings Settings(int minimum = 0, params string[] strata) => new(1.0, "II", "normal", null, strata, minimum, RiskWeighted: false);

    [Fact]
    public void Frame_OneUnitPerAnnotator_WithHandComputedAgreement()
    {
        // a and b: the car matches (IoU 1), pedestrian vs truck is misclassified, both tag rain: 2·(1 + 1)/(3 + 3) = 2/3.
        // c tags only clear weather: nothing in common with a or b (0). a: mean(2/3, 0) = 1/3; c: mean(0, 0) = 0.
        Annotation[] item =
        [
            Box("a", "car", 0), Box("a", "pedestrian", 20), Tag("a", "weather", "rain"),
            Box("b", "car", 0), Box("b", "truck", 20), Tag("b", "weather", "rain"),
            Tag("c", "weather", "clear"), Box("gold", "car", 0, AnnotatorRole.Gold),
        ];

        var units = ReviewFrame.Of(item, new SpatialOptions());

        Assert.Equal(["a", "b", "c"], units.Select(u => u.Annotator));
        Assert.Equal(["car", "pedestrian", "weather=rain"], units[0].Classes);
        Assert.Equal(1.0 / 3, units[0].Agreement!.Value, 12);
        Assert.Equal(1.0 / 3, units[1].Agreement!.Value, 12);
        Assert.Equal(0, units[2].Agreement!.Value, 12);
        Assert.Equal(0.05 + (2.0 / 3), units[0].RiskWeight, 12);
        Assert.Equal("[\"f1\",\"a\"]", units[0].Id);
    }

    [Fact]
    public void Frame_SingleAnnotator_HasNoAgreementAndTheMiddleRiskWeight()
    {
        var unit = Assert.Single(ReviewFrame.Of([Box("a", "car", 0)], new SpatialOptions()));

        Assert.Null(unit.Agreement);
        Assert.Equal(0.55, unit.RiskWeight, 12);
    }

    [Fact]
    public void Strata_ClassIsTheUnitsRarestClass()
    {
        ReviewUnit[] units =
        [
            new("f1", "a", ["car", "cyclist"], null), new("f2", "a", ["car"], null), new("f3", "b", ["car"], null), new("f4", "b", [], null),
        ];

        Assert.Equal(["cyclist|a", "car|a", "car|b", "(none)|b"], ReviewFrame.Strata(units, ["class", "annotator"]));
        Assert.Equal(["all", "all", "all", "all"], ReviewFrame.Strata(units, []));
    }

    [Fact]
    public void Strata_SceneIsTheItemsMostFrequentTagValue()
    {
        // Two annotators say night, one says day: every unit of the item is in the night stratum, whatever it said itself.
        Annotation[] item = [Tag("a", "time", "night"), Tag("b", "time", "night"), Tag("c", "time", "day"), Box("c", "car", 0)];

        var units = ReviewFrame.Of(item, new SpatialOptions());

        Assert.Equal(["night|a", "night|b", "night|c"], ReviewFrame.Strata(units, ["scene.time", "annotator"]));
        Assert.Equal(["(none)", "(none)", "(none)"], ReviewFrame.Strata(units, ["scene.weather"]));
        Assert.True(ReviewFrame.IsDimension("scene.time"));
        Assert.False(ReviewFrame.IsDimension("scene."));
    }

    [Fact]
    public void Draw_UsesTheZ14PlanOfTheLot()
    {
        // 150 units, level II: Table I letter F; Table II-A at AQL 1.0 points up to E: n = 13, Ac 0, Re 1 (docs/sampling.md).
        var frame = Enumerable.Range(0, 150).Select(i => new ReviewUnit($"f{i:D3}", "a", ["car"], null)).ToList();

        var sample = AuditSampling.Draw(frame, Settings(), "7", InspectionSeverity.Normal);

        Assert.Equal(("F", "E", 13, 0, 1, "normal"), (sample.Plan.CodeLetter, sample.Plan.PlanLetter, sample.Plan.SampleSize, sample.Plan.Accept, sample.Plan.Reject, sample.Plan.Inspection));
        Assert.Equal((150L, 13, 13), (sample.LotSize, sample.Size, sample.Items.Count));
        Assert.All(sample.Items, i => Assert.Equal(13.0 / 150, i.InclusionProbability, 12));
    }

    [Fact]
    public void Draw_MinimumPerStratum_ReviewsEveryUnitOfARareClass()
    {
        // 100 units (letter F → E: n = 13): 95 with cars only, 5 with a cyclist. Floors 5 and 5, the rest to cars: 8 + 5.
        var frame = Enumerable.Range(0, 100).Select(i => new ReviewUnit($"f{i:D3}", "a", i < 5 ? ["car", "cyclist"] : ["car"], null)).ToList();

        var sample = AuditSampling.Draw(frame, Settings(5, "class"), "7", InspectionSeverity.Normal);

        Assert.Equal([("car", 95, 8), ("cyclist", 5, 5)], sample.Strata.Select(s => (s.Key, s.Population, s.Selected)));
        Assert.All(sample.Items.Where(i => i.Stratum == "cyclist"), i => Assert.Equal(1.0, i.InclusionProbability));
        Assert.All(sample.Items.Where(i => i.Stratum == "car"), i => Assert.Equal(8.0 / 95, i.InclusionProbability, 12));
    }

    [Fact]
    public void Draw_DoesNotDependOnTheFramesOrder()
    {
        var frame = Enumerable.Range(0, 500).Select(i => new ReviewUnit($"f{i}", $"a{i % 4}", [i % 9 == 0 ? "cyclist" : "car"], (i % 10) / 10.0)).ToList();
        var settings = Settings(3, "class", "annotator") with { RiskWeighted = true };

        var forward = AuditSampling.Draw(frame, settings, "seed", InspectionSeverity.Tightened);
        var backward = AuditSampling.Draw([.. Enumerable.Reverse(frame)], settings, "seed", InspectionSeverity.Tightened);

        Assert.Equal(ReportJson.Serialize(forward), ReportJson.Serialize(backward));
        Assert.Equal("tightened", forward.Plan.Inspection);
    }

    [Theory]
    [InlineData(false, "be3321a0745825104377d3ed0c910115fd7718556df0801d5f699f73e51fe7af")]
    [InlineData(true, "63651220bf709a38e26e6667b3fd46e033660b52e719e2d6e3df8a8bbcc28e8b")]
    public void Draw_PinnedFrame_DrawsTheSameUnits(bool riskWeighted, string sha256)
    {
        // 2,000 units (400 items × 5 annotators): a common, an uncommon and a rare class, a tag, agreement all over [0, 1]
        // and sometimes unknown, and one item whose id needs JSON escaping. The digest of every drawn unit, stratum and
        // inclusion probability was taken before the draw was optimised; any change to which units are drawn, or to a
        // probability's last bit, changes it.
        var frame = Enumerable.Range(0, 2000).Select(i => new ReviewUnit(
            i / 5 == 7 ? "sweep \"7\" é" : $"sweep-{i / 5:D4}",
            $"ann-{i % 5}",
            [.. new[] { "car", i % 7 == 0 ? "cyclist" : null, i % 97 == 0 ? "wheelchair_user" : null, i % 3 == 0 ? "weather=rain" : null }.OfType<string>()],
            i % 50 == 0 ? null : (i * 37 % 101) / 100.0)).ToList();

        var sample = AuditSampling.Draw(frame, Settings(5, "class", "annotator") with { RiskWeighted = riskWeighted }, "pin", InspectionSeverity.Normal);

        var drawn = string.Join('\n', sample.Items.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Unit} {i.Stratum} {i.InclusionProbability:R}")));
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(drawn))));
    }

    [Fact]
    public void Review_CountsEachKindOfError()
    {
        // The car moved by 1 (IoU 90/110 = 0.82): kept. The pedestrian moved by 6 (IoU 40/160 = 0.25 < 0.5): missed and
        // extra. The cyclist was not drawn: missed. Weather rain → clear: a changed tag. A tag only the reviewer gave is no error.
        Annotation[] original = [Box("a", "car", 0), Box("a", "pedestrian", 20), Tag("a", "weather", "rain")];
        Annotation[] review =
        [
            Box("r", "car", 1, AnnotatorRole.Reviewer), Box("r", "pedestrian", 26, AnnotatorRole.Reviewer), Box("r", "cyclist", 50, AnnotatorRole.Reviewer),
            Tag("r", "weather", "clear", AnnotatorRole.Reviewer), Tag("r", "review", "done", AnnotatorRole.Reviewer),
        ];

        var found = UnitReview.Compare(original, review, new SpatialOptions());

        Assert.Equal((2, 0, 2, 1, 1, true), (found.Objects, found.Misclassified, found.Missed, found.Extra, found.TagsChanged, found.Nonconforming));
        Assert.Equal(["missed pedestrian", "missed cyclist", "extra pedestrian", "weather: rain → clear"], found.Problems);
    }

    [Fact]
    public void Review_UsesTheStandardsThresholdPerClass()
    {
        var options = new SpatialOptions { Thresholds = new MatchingThresholds { ByClass = new Dictionary<string, double> { ["pedestrian"] = 0.2 } } };

        var found = UnitReview.Compare([Box("a", "pedestrian", 20)], [Box("r", "pedestrian", 26, AnnotatorRole.Reviewer)], options);

        Assert.False(found.Nonconforming);
        Assert.Empty(found.Problems);
    }

    private static (AuditSample Sample, List<UnitReview> Conforming) Reviewed()
    {
        var frame = Enumerable.Range(0, 150).Select(i => new ReviewUnit($"f{i:D3}", "a", ["car"], null)).ToList();
        var sample = AuditSampling.Draw(frame, Settings(), "7", InspectionSeverity.Normal);
        return (sample, [.. sample.Items.Select(i => new UnitReview(i.Unit, i.Item, i.Annotator, 1, 0, 0, 0, 0, []))]);
    }

    [Fact]
    public void Decide_NoNonconformingUnit_AcceptsWithTheExactUpperBound()
    {
        var (sample, reviews) = Reviewed();

        var lot = LotDisposition.Decide(sample, reviews);

        // Clopper–Pearson upper bound for 0 of 13: 1 − 0.025^(1/13) = 0.247053.
        Assert.Equal((LotDisposition.Accepted, 13, 0), (lot.Decision, lot.Reviewed, lot.Nonconforming));
        Assert.Equal(1 - Math.Pow(0.025, 1.0 / 13), lot.SampleRate.Upper, 9);
        Assert.Equal(0.247053, lot.SampleRate.Upper, 6);
        Assert.Equal(0, lot.PopulationRate.Rate);
        Assert.True(lot.Outcome.Accepted);
    }

    [Fact]
    public void Decide_OneNonconformingUnit_RejectsUnderAc0()
    {
        var (sample, reviews) = Reviewed();
        reviews[4] = reviews[4] with { Missed = 1, Problems = ["missed car"] };

        var lot = LotDisposition.Decide(sample, reviews);

        // Simple random sampling in one stratum: the weighted rate is the sample share 1/13.
        Assert.Equal((LotDisposition.Rejected, 1), (lot.Decision, lot.Nonconforming));
        Assert.Equal(1.0 / 13, lot.PopulationRate.Rate, 12);
        Assert.Equal(1.0 / 13, lot.SampleRate.Value, 12);
        Assert.False(lot.Outcome.Accepted);
    }

    [Fact]
    public void Decide_PartialReview_IsIncompleteUntilRejectionIsCertain()
    {
        var (sample, reviews) = Reviewed();

        var partial = LotDisposition.Decide(sample, reviews[..12]);
        reviews[0] = reviews[0] with { Extra = 1 };
        var rejectedEarly = LotDisposition.Decide(sample, reviews[..12]);

        Assert.Equal((LotDisposition.Incomplete, false, 1), (partial.Decision, partial.IsDecided, partial.NotReviewed.Count));
        Assert.Equal((LotDisposition.Rejected, true), (rejectedEarly.Decision, rejectedEarly.IsDecided));
    }

    [Fact]
    public void Decide_ReviewOfAUnitNotSampled_IsRejected()
    {
        var (sample, reviews) = Reviewed();
        var stranger = new UnitReview(ReviewUnit.IdOf("elsewhere", "a"), "elsewhere", "a", 1, 0, 0, 0, 0, []);

        var error = Assert.Throws<ArgumentException>(() => LotDisposition.Decide(sample, [.. reviews, stranger]));

        Assert.Contains("'elsewhere'", error.Message, StringComparison.Ordinal);
    }
}
