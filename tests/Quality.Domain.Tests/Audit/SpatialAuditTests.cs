using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Matching;

namespace Quality.Domain.Tests.Audit;

/// <summary>A hand-worked item: gold has a car and a pedestrian; annotator a gets the car, calls the pedestrian a
/// cyclist and adds a car that is not there; annotator b draws the car shifted by half its length and misses the rest.</summary>
public sealed class SpatialAuditTests
{
    // A 4 × 2 × 2 car shifted by 2 m along its length overlaps the original on 2 × 2 × 2 = 8 of 16 + 16 − 8 = 24 m³: IoU 1/3.
    private static readonly string[] Annotators = ["a", "b", "c"];

    private static readonly SpatialOptions Tau03 = new() { Thresholds = new MatchingThresholds { Default = 0.3 } };

    private static IReadOnlyList<Annotation> Item() =>
    [
        Cuboid("gold-key", AnnotatorRole.Gold, "car", 0, 0),
        Cuboid("gold-key", AnnotatorRole.Gold, "pedestrian", 10, 0),
        Cuboid("a", AnnotatorRole.Annotator, "car", 0, 0),
        Cuboid("a", AnnotatorRole.Annotator, "cyclist", 10, 0),
        Cuboid("a", AnnotatorRole.Annotator, "car", 40, 40),
        Cuboid("b", AnnotatorRole.Annotator, "car", 2, 0),
    ];

    [Fact]
    public void Scorecards_confusion_and_pairwise_agreement_match_the_hand_count()
    {
        var audit = new SpatialAudit();
        var evidence = new List<EvidencePair>();

        audit.AddItem(Item(), Tau03, evidence);

        var view = SpatialReportView.From(audit);
        var a = view.Audit.PerAnnotator["a"];
        Assert.Equal((1L, 3L, 1L, 1L, 0L, 1L), (a.Items, a.Objects, a.Tp, a.Misclassified, a.Fn, a.Fp));
        Assert.Equal(1.0, a.MeanIou!.Value, 12);
        var b = view.Audit.PerAnnotator["b"];
        Assert.Equal((1L, 1L, 1L, 0L, 1L, 0L), (b.Items, b.Objects, b.Tp, b.Misclassified, b.Fn, b.Fp));
        // Similarities are summed in exact units of 1e-9 (SimilarityUnits), so means are exact to that grid.
        Assert.Equal(1.0 / 3, b.MeanIou!.Value, 1e-9);
        // Precision of b: 1 true positive of 1 object; recall 1 of 2 gold objects.
        Assert.Equal((1.0, 0.5), (b.Precision, b.Recall));
        Assert.Equal(["car", "cyclist", "pedestrian", "none"], view.Audit.Confusion.Rows);
        Assert.Equal(["car", "cyclist", "pedestrian", "missed"], view.Audit.Confusion.Columns);
        long[][] expected =
        [
            [2, 0, 0, 0], // gold cars: matched as cars by a and by b
            [0, 0, 0, 0],
            [0, 1, 0, 1], // the gold pedestrian: a cyclist for a, missed by b
            [1, 0, 0, 0], // a's extra car
        ];
        Assert.Equal(expected, view.Audit.Confusion.Counts.Select(r => r.ToArray()).ToArray());
        // a and b match their cars only (IoU 1/3 ≥ 0.3): F1 = 2·1/(3 + 1).
        var pair = Assert.Single(view.Spatial.Pairwise);
        Assert.Equal(("a", "b", 0.5), (pair.A, pair.B, pair.F1!.Value));
        Assert.Equal(1.0 / 3, pair.MeanIou!.Value, 1e-9);
        // Per class: cars 2·1/(2 + 1), cyclists 2·0/(1 + 0).
        Assert.Equal(2.0 / 3, pair.PerClassF1["car"]!.Value, 12);
        Assert.Equal(0.0, pair.PerClassF1["cyclist"]!.Value);
        // Evidence: a has 2 gold rows + 1 extra, b has 2 gold rows.
        Assert.Equal(5, evidence.Count);
        Assert.Equal(["match", "misclassified", "extra", "match", "missed"], evidence.Select(e => e.Outcome));
    }

    [Fact]
    public void Geometry_per_gold_class_has_the_hand_computed_distributions()
    {
        var audit = new SpatialAudit();

        audit.AddItem(Item(), Tau03, evidence: null);

        var car = GoldAuditView.From(audit).GeometryPerClass["car"];
        // Two matches: a's exact car (IoU 1, offset 0) and b's car 2 m ahead (IoU 1/3).
        Assert.Equal(2, car.Matches);
        Assert.Equal(2.0 / 3, car.Iou.Mean!.Value, 1e-9);
        Assert.Equal(1.0, car.CentreOffset.Mean!.Value, 1e-9);
        // Nearest-rank quantiles of {0, 2} m, reported as bin midpoints (bins of 0.01 m): median 0.005, p90 2.005.
        Assert.Equal(0.005, car.CentreOffset.Median!.Value, 1e-12);
        Assert.Equal(2.005, car.CentreOffset.P90!.Value, 1e-12);
        Assert.Equal(0.005, car.CentreOffset.Resolution, 1e-12);
        Assert.Equal(0.0, car.SizeError["length"].Mean!.Value, 1e-9);
        Assert.Equal(0, car.HeadingFlips);
        Assert.Equal(1, GoldAuditView.From(audit).GeometryPerClass["pedestrian"].Matches);
    }

    [Fact]
    public void Pruned_candidate_pairs_give_the_outcomes_of_comparing_every_pair()
    {
        // The audit only intersects pairs whose footprints' bounding circles overlap; on 200 crowded random frames
        // its outcomes equal those of the gold comparison fed every one of the n × m pairs.
        var random = new Random(5);
        for (var frame = 0; frame < 200; frame++)
        {
            var gold = Enumerable.Range(0, 12).Select(_ => RandomCuboid(random)).ToList();
            var drawn = gold.Select(c => c with { X = c.X + random.NextDouble() - 0.5, Yaw = c.Yaw + random.NextDouble() - 0.5 })
                .Concat(Enumerable.Range(0, 3).Select(_ => RandomCuboid(random))).ToList();
            string[] goldClasses = [.. gold.Select((_, i) => i % 3 == 0 ? "truck" : "car")];
            string[] drawnClasses = [.. drawn.Select((_, i) => i % 4 == 0 ? "truck" : "car")];
            var item = gold.Select((c, i) => new Annotation("f", "gold", AnnotatorRole.Gold, Annotation.DefaultField, goldClasses[i], 1) { Cuboid = c })
                .Concat(drawn.Select((c, i) => new Annotation("f", "a", AnnotatorRole.Annotator, Annotation.DefaultField, drawnClasses[i], 1) { Cuboid = c }))
                .ToList();
            var evidence = new List<EvidencePair>();

            new SpatialAudit().AddItem(item, new SpatialOptions(), evidence);

            var expected = GoldComparison.Compare(goldClasses, drawnClasses,
                (r, c) => Domain.Geometry.IntersectionOverUnion.Of(gold[r], drawn[c], Domain.Geometry.CuboidIouMode.ThreeD), new MatchingThresholds());
            Assert.Equal(expected.Select(o => (o.ReferenceClass, o.CandidateClass, o.Outcome.ToString())),
                evidence.Select(e => (e.GoldClass, e.AnnotatorClass, Name(e.Outcome))));
        }
    }

    private static string Name(string outcome) => outcome switch
    {
        "match" => nameof(MatchOutcome.TruePositive),
        "misclassified" => nameof(MatchOutcome.Misclassified),
        "missed" => nameof(MatchOutcome.Missed),
        _ => nameof(MatchOutcome.Extra),
    };

    private static Domain.Geometry.Cuboid RandomCuboid(Random random) =>
        new(random.NextDouble() * 20, random.NextDouble() * 20, 0, 4.5, 1.9, 1.6, random.NextDouble() * 6.28);

    [Fact]
    public void Consensus_objects_give_existence_and_class_alpha_by_hand()
    {
        var audit = new SpatialAudit();

        audit.AddItem(Item(), Tau03, evidence: null);

        // With τ 0.3 the two cars cluster; a's cyclist and extra car stand alone: 3 consensus objects, whose existence
        // values (a, b) are (present, present), (present, absent), (present, absent). n = 6 (4 present, 2 absent),
        // o_pa = o_ap = 2, so α = 1 − (n − 1)·4/(2·4·2) = 1 − 20/16 = −0.25.
        var consensus = SpatialView.From(audit).Consensus;
        Assert.Equal(3, consensus.Objects);
        Assert.Equal(-0.25, consensus.Existence.Alpha!.Value, 12);
        // Class: only the car cluster has two values, both "car": no variation, so alpha is undefined (null).
        Assert.Null(consensus.Class.Alpha);
        Assert.Equal(2, consensus.Class.PairableValues);
    }

    [Fact]
    public void Geometry_alpha_with_one_minus_iou_by_hand()
    {
        var audit = new SpatialAudit();
        audit.AddItem(Item(), Tau03, evidence: null);
        // A second sweep where b draws the car exactly.
        audit.AddItem([.. Item().Select(o => o.Annotator == "b" ? o with { Item = "sweep-2", Cuboid = o.Cuboid! with { X = 0 } } : o with { Item = "sweep-2" })], Tau03, null);

        // Two consensus cars with two drawings each: n = 4. Observed Σ δ: 2·(1 − 1/3) + 2·(1 − 1) = 4/3.
        // Expected Σ δ over ordered pairs: n(n − 1) − Σ same-item IoU = 12 − (2·1/3 + 2·1) = 28/3.
        // α = 1 − (n − 1)·(4/3)/(28/3) = 1 − 3/7 = 4/7.
        var geometry = SpatialView.From(audit).Consensus.Geometry;
        Assert.Equal((2L, 4L), (geometry.Units, geometry.Drawings));
        Assert.Equal(4.0 / 7, geometry.Alpha!.Value, 8);
    }

    [Fact]
    public void Geometry_alpha_interval_is_the_percentile_interval_of_the_enumerable_replicates()
    {
        // The two units above: u1 with δ = 2/3 between its two drawings, u2 drawn identically (δ = 0). A replicate draws two
        // units: (u1, u2) in either order (probability 1/2) gives the estimate 4/7; u1 twice (1/4): n = 4, observed
        // 2·(4/3) = 8/3, and between the copies δ(a, a′) = δ(b, b′) = 0 and δ(a, b′) = δ(b, a′) = 2/3, so Σ_{v≠w} δ =
        // 8·(2/3) = 16/3 and α = 1 − 3·(8/3)/(16/3) = −1/2; u2 twice (1/4): every drawing coincides, undefined. So the
        // defined replicates are −1/2 and 4/7 in the ratio 1 : 2, and the 2.5% and 97.5% quantiles are exactly those.
        var audit = new SpatialAudit();
        audit.AddItem(Item(), Tau03, evidence: null);
        audit.AddItem([.. Item().Select(o => o.Annotator == "b" ? o with { Item = "sweep-2", Cuboid = o.Cuboid! with { X = 0 } } : o with { Item = "sweep-2" })], Tau03, null);
        var items = audit.ConsensusGeometry.Canonical();
        var identical = Array.FindIndex(items.SelectMany(i => i.Units).ToArray(), u => u.Disagreement == 0);

        // Sums are kept in 10⁻⁹ units, so figures agree to 8 decimals (as the estimate's own test).
        Assert.Equal(4.0 / 7, GeometricAlphaBootstrap.Alpha(items, [1, 1]), 8);
        Assert.Equal(-0.5, GeometricAlphaBootstrap.Alpha(items, identical == 0 ? [0, 2] : [2, 0]), 8);
        Assert.True(double.IsNaN(GeometricAlphaBootstrap.Alpha(items, identical == 0 ? [2, 0] : [0, 2])));

        var interval = audit.ConsensusGeometry.Bootstrap(new BootstrapOptions { Seed = 7 });
        Assert.Equal(-0.5, interval.Lower, 8);
        Assert.Equal(4.0 / 7, interval.Upper, 8);
        Assert.InRange(interval.DefinedReplicates, 750 - 55, 750 + 55); // Bin(1000, 3/4): 750 ± 4σ
        var view = SpatialView.From(audit, new BootstrapOptions { Seed = 7 }).Consensus.Geometry;
        Assert.Equal([interval.Lower, interval.Upper], view.AlphaCi95!);
        Assert.Equal((7, 1000, 0.95), (view.Bootstrap!.Seed, view.Bootstrap.Replicates, view.Bootstrap.Confidence));
        Assert.Equal(GeometryAlphaView.Method, view.Bootstrap.Method);
    }

    [Fact]
    public void Geometry_alpha_replicate_drawing_every_unit_once_is_the_estimate()
    {
        // Invariant of the replicate formula, with objects of different consensus objects overlapping on one item (the
        // cross terms B_uv), every count 1.
        var audit = ScatteredCars(seed: 11, items: 5);

        var items = audit.ConsensusGeometry.Canonical();
        var units = items.Sum(i => i.Units.Length);

        Assert.Contains(items, i => i.Overlaps.Length > 0);
        Assert.Equal(audit.ConsensusGeometry.Alpha(), GeometricAlphaBootstrap.Alpha(items, [.. Enumerable.Repeat(1, units)]), 8);
    }

    /// <summary>Items of six scattered cars each, drawn by three annotators with jitter and missed one time in ten.</summary>
    internal static SpatialAudit ScatteredCars(int seed, int items)
    {
        var random = new Random(seed);
        var audit = new SpatialAudit();
        for (var item = 0; item < items; item++)
        {
            var cars = Enumerable.Range(0, 6).Select(_ => (X: random.NextDouble() * 12, Y: random.NextDouble() * 12)).ToList();
            audit.AddItem(
                [.. from annotator in Annotators
                    from car in cars.Where(_ => random.NextDouble() < 0.9)
                    select Cuboid(annotator, AnnotatorRole.Annotator, "car", car.X + (random.NextDouble() * 0.6), car.Y + (random.NextDouble() * 0.6)) with { Item = $"sweep-{item}" }],
                new SpatialOptions(), null);
        }

        return audit;
    }

    [Fact]
    public void Object_attributes_become_units_of_their_consensus_object()
    {
        // Three annotators draw the same car; two say occlusion 1, one says 2; a fourth object is drawn by a alone.
        IReadOnlyList<Annotation> item =
        [
            Cuboid("a", AnnotatorRole.Annotator, "car", 0, 0) with { Attributes = new Dictionary<string, string> { ["occlusion"] = "1" } },
            Cuboid("b", AnnotatorRole.Annotator, "car", 0, 0) with { Attributes = new Dictionary<string, string> { ["occlusion"] = "1" } },
            Cuboid("c", AnnotatorRole.Annotator, "car", 0, 0) with { Attributes = new Dictionary<string, string> { ["occlusion"] = "2" } },
            Cuboid("a", AnnotatorRole.Annotator, "car", 30, 0) with { Attributes = new Dictionary<string, string> { ["occlusion"] = "0" } },
        ];
        var audit = new SpatialAudit();

        audit.AddItem(item, new SpatialOptions(), evidence: null);

        var occlusion = audit.ConsensusAttributes["occlusion"];
        Assert.Equal(2, occlusion.Units);
        // The shared car is the one unit with three values: 1, 1, 2 — percent agreement 1/3 (one agreeing pair of three).
        Assert.Equal(1.0 / 3, Domain.Agreement.PercentAgreement.Compute(occlusion), 12);
    }

    [Fact]
    public void Binned_distribution_mean_is_exact_and_merging_halves_equals_one_pass()
    {
        var whole = new BinnedDistribution(0.1);
        var left = new BinnedDistribution(0.1);
        var right = new BinnedDistribution(0.1);
        for (var i = 1; i <= 100; i++)
        {
            whole.Add(i / 100.0);
            (i % 2 == 0 ? left : right).Add(i / 100.0);
        }

        var merged = BinnedDistribution.FromState(right.ToState());
        merged.Merge(left);

        // Mean of 0.01 … 1.00 is 0.505; the 50th value 0.50 lies in bin [0.5, 0.6): midpoint 0.55, within 0.05 of it.
        Assert.Equal(0.505, whole.Mean, 1e-12);
        Assert.Equal(0.55, whole.Quantile(0.5), 1e-12);
        Assert.Equal((whole.Count, whole.Mean, whole.Quantile(0.5), whole.Quantile(0.9)), (merged.Count, merged.Mean, merged.Quantile(0.5), merged.Quantile(0.9)));
    }

    [Fact]
    public void Binned_distribution_merged_into_a_smaller_array_keeps_every_bin_of_both()
    {
        // Bins of 0.1. The receiver's array reaches bin 63 (0.15 -> bin 1); the other's reaches bin 511 (50.01 -> bin 500)
        // and holds 2,000.02 beyond every array (bin 20,000) and 0.15 again.
        var (small, large, whole) = (new BinnedDistribution(0.1), new BinnedDistribution(0.1), new BinnedDistribution(0.1));
        foreach (var value in new[] { 0.15, 0.15 })
        {
            small.Add(value);
            whole.Add(value);
        }

        foreach (var value in new[] { 50.01, 2000.02, 0.15 })
        {
            large.Add(value);
            whole.Add(value);
        }

        small.Merge(large);

        Assert.Equal([[1L, 3L], [500L, 1L], [20_000L, 1L]], small.ToState().Bins);
        Assert.Equal(ReportJson.Serialize(whole.ToState()), ReportJson.Serialize(small.ToState()));
        Assert.Equal((5L, (0.15 * 3 + 50.01 + 2000.02) / 5), (small.Count, small.Mean));
    }

    [Fact]
    public void Binned_distribution_orders_the_bins_of_its_array_and_its_outliers_alike()
    {
        // Bins of 0.1: 0.05 falls in bin 0, 5.04 in bin 50, 2,000.02 in bin 20,000 (beyond the array of the low bins).
        var distribution = new BinnedDistribution(0.1);
        foreach (var value in new[] { 2000.02, 5.04, 0.05, 5.04 })
        {
            distribution.Add(value);
        }

        var restored = BinnedDistribution.FromState(distribution.ToState());

        Assert.Equal([[0L, 1L], [50L, 2L], [20_000L, 1L]], distribution.ToState().Bins);
        // Nearest rank of 4 values: the median is the 2nd (bin 50, midpoint 5.05), p90 the 4th (midpoint 2,000.05).
        Assert.Equal(5.05, distribution.Quantile(0.5), 1e-9);
        Assert.Equal(2000.05, distribution.Quantile(0.9), 1e-9);
        Assert.Equal(0.05, distribution.Quantile(0), 1e-9);
        Assert.Equal(2010.15 / 4, distribution.Mean, 1e-9);
        Assert.Equal(distribution.ToState().Bins, restored.ToState().Bins);
        Assert.Equal((4L, distribution.Mean), (restored.Count, restored.Mean));
    }

    [Fact]
    public void Attribute_agreement_is_counted_per_attribute_in_ordinal_order()
    {
        var precision = new GeometricPrecision();
        var gold = Cuboid("g", AnnotatorRole.Gold, "car", 0, 0);
        var drawn = Cuboid("a", AnnotatorRole.Annotator, "car", 0, 0);

        // visibility compared twice, agreeing once; occlusion compared once and agreeing; "parked" is on gold only.
        precision.Add(gold with { Attributes = new Dictionary<string, string> { ["visibility"] = "v1", ["occlusion"] = "0", ["parked"] = "yes" } },
            drawn with { Attributes = new Dictionary<string, string> { ["occlusion"] = "0", ["visibility"] = "v1" } }, 1);
        precision.Add(gold with { Attributes = new Dictionary<string, string> { ["visibility"] = "v1" } },
            drawn with { Attributes = new Dictionary<string, string> { ["visibility"] = "v2" } }, 1);

        Assert.Equal(["occlusion", "visibility"], precision.Attributes.Keys);
        Assert.Equal([(1L, 1L), (2L, 1L)], precision.Attributes.Values);
        Assert.Equal([2L, 2L, 2L], precision.SizeError.Values.Select(d => d.Count));
    }

    [Fact]
    public void Below_the_threshold_the_shifted_car_is_a_miss_and_an_extra()
    {
        var audit = new SpatialAudit();

        audit.AddItem(Item(), new SpatialOptions(), evidence: null);

        var b = GoldAuditView.From(audit).PerAnnotator["b"];
        Assert.Equal((0L, 2L, 1L), (b.Tp, b.Fn, b.Fp));
    }

    [Fact]
    public void State_round_trip_and_merge_give_the_single_pass_report()
    {
        var whole = new SpatialAudit();
        var left = new SpatialAudit();
        var right = new SpatialAudit();
        for (var i = 0; i < 6; i++)
        {
            var item = Item().Select(o => o with { Item = $"sweep-{i}" }).ToList();
            whole.AddItem(item, Tau03, null);
            (i % 2 == 0 ? left : right).AddItem(item, Tau03, null);
        }

        var merged = SpatialAudit.FromState(right.ToState());
        merged.Merge(SpatialAudit.FromState(left.ToState()));

        Assert.Equal(ReportJson.Serialize(SpatialReportView.From(whole)), ReportJson.Serialize(SpatialReportView.From(merged)));
    }

    [Fact]
    public void Attribute_differences_list_gold_then_annotator_values_in_ordinal_order_of_name_and_none_when_alike()
    {
        var audit = new SpatialAudit();
        var evidence = new List<EvidencePair>();
        // Car: gold occlusion 0 and truncation 1, the annotator occlusion 1 and visibility 3 (truncation left out).
        // Pedestrian: the same attributes on both sides, in another order.
        var gold = Cuboid("gold-key", AnnotatorRole.Gold, "car", 0, 0) with { Attributes = new Dictionary<string, string> { ["truncation"] = "1", ["occlusion"] = "0" } };
        var given = Cuboid("a", AnnotatorRole.Annotator, "car", 0, 0) with { Attributes = new Dictionary<string, string> { ["visibility"] = "3", ["occlusion"] = "1" } };
        var goldPedestrian = Cuboid("gold-key", AnnotatorRole.Gold, "pedestrian", 10, 0) with { Attributes = new Dictionary<string, string> { ["occlusion"] = "2", ["pose"] = "standing" } };
        var givenPedestrian = Cuboid("a", AnnotatorRole.Annotator, "pedestrian", 10, 0) with { Attributes = new Dictionary<string, string> { ["pose"] = "standing", ["occlusion"] = "2" } };

        audit.AddItem([gold, goldPedestrian, given, givenPedestrian], Tau03, evidence);

        var car = Assert.Single(evidence, e => e.GoldClass == "car");
        Assert.Equal(["occlusion", "truncation", "visibility"], car.AttributeDifferences!.Keys);
        Assert.Equal(["0 → 1", "1 → ", " → 3"], car.AttributeDifferences.Values.Select(v => string.Join(" → ", v)));
        Assert.Equal((2, "1", null), (car.AttributeDifferences["truncation"].Length, car.AttributeDifferences["truncation"][0], car.AttributeDifferences["truncation"][1]));
        Assert.False(car.AttributeDifferences.ContainsKey("pose"));
        Assert.Null(Assert.Single(evidence, e => e.GoldClass == "pedestrian").AttributeDifferences);
    }

    private static Annotation Cuboid(string annotator, AnnotatorRole role, string label, double x, double y) =>
        new("sweep-1", annotator, role, Annotation.DefaultField, label, 2)
        {
            Cuboid = new Domain.Geometry.Cuboid(x, y, 0, 4, 2, 2, 0),
        };
}
