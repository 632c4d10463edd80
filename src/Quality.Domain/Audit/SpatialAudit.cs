using System.Runtime.InteropServices;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Geometry;
using Quality.Domain.Matching;
using Quality.Domain.RootCauses;

namespace Quality.Domain.Audit;

/// <summary>How objects are compared: IoU thresholds per class and which IoU a cuboid pair uses.</summary>
public sealed record SpatialOptions
{
    public MatchingThresholds Thresholds { get; init; } = new();

    /// <summary>3D IoU (default) or bird's-eye-view IoU for cuboids; 2D boxes always use image-plane IoU.</summary>
    public CuboidIouMode CuboidMode { get; init; } = CuboidIouMode.ThreeD;
}

/// <summary>
/// The mergeable spatial audit of boxes and cuboids: every annotator against gold (confusion matrix with "missed"
/// and "extra", IoU of matches), every annotator pair against each other (detection F1, mean IoU), and how much each
/// annotator labeled. Matching is optimal and one-to-one per item and data type (<see cref="GoldComparison"/>).
/// </summary>
/// <remarks>
/// An item is a gold item when it carries any annotation of role <c>gold</c>; its gold objects are the reference for
/// every annotator who labeled objects of that data type on it (an annotator with none there is not counted: the
/// format cannot tell "saw nothing" from "not assigned"). Two annotators are compared on the items where both labeled
/// objects of the data type. 2D boxes and cuboids are never compared with each other.
/// </remarks>
public sealed partial class SpatialAudit
{
    private readonly SortedDictionary<string, ConfusionMatrix> _againstGold = new(StringComparer.Ordinal);
    private readonly SortedDictionary<(string A, string B), DetectionAgreement> _pairwise = new(OrdinalPairComparer.Instance);
    private readonly SortedDictionary<string, (long Items, long Objects)> _labeled = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, GeometricPrecision> _precision = new(StringComparer.Ordinal);
    private RatingPatterns _existence = new();
    private RatingPatterns _consensusClass = new();
    private readonly SortedDictionary<string, RatingPatterns> _attributes = new(StringComparer.Ordinal);
    private GeometricAlpha _geometry = new();
    private ItemScratch? _scratch;

    public SpatialAudit()
    {
    }

    /// <summary>An audit that works in <paramref name="scratch"/>, which earlier audits may have grown: a batch's run of items (<see cref="BatchAudit.AddItems"/>).</summary>
    internal SpatialAudit(ItemScratch scratch) => _scratch = scratch;

    /// <summary>Adds one item's annotations; matched pairs, misses and extras go to <paramref name="evidence"/> if given.</summary>
    /// <param name="strata">The item's strata, which each evidence row carries (<see cref="EvidencePair.Strata"/>); null: none.</param>
    public void AddItem(IReadOnlyList<Annotation> annotations, SpatialOptions options, ICollection<EvidencePair>? evidence, ItemStrata? strata = null)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(options);
        var scratch = _scratch ??= new ItemScratch();
        var goldItem = false;
        for (var i = 0; i < annotations.Count; i++)
        {
            goldItem |= annotations[i].Role == AnnotatorRole.Gold;
        }

        foreach (var kind in ObjectKinds)
        {
            if (scratch.Gather(annotations, kind) is not { } firstObject)
            {
                continue;
            }

            // Each annotator's footprints and classes once, for the comparison with gold and every pair.
            var (gold, annotators) = (goldItem ? scratch.Gold : null, scratch.Annotators);
            for (var a = 0; a < annotators.Count; a++)
            {
                var (items, count) = _labeled.GetValueOrDefault(annotators[a].Annotator);
                _labeled[annotators[a].Annotator] = (items + 1, count + annotators[a].Objects.Count);
                if (gold is not null)
                {
                    CompareWithGold(annotators[a].Annotator, gold, annotators[a], kind, options, evidence, strata);
                }
            }

            // Every pair's scored pairs under one integer key each, for the consensus, in the order they were scored.
            var similarities = scratch.Similarities;
            similarities.Clear();
            for (var i = 0; i < annotators.Count; i++)
            {
                for (var j = i + 1; j < annotators.Count; j++)
                {
                    var scored = ScoredPairs(annotators[i], annotators[j], kind, options, scratch);
                    Pairwise(annotators[i].Annotator, annotators[j].Annotator)
                        .AddItem(annotators[i].Classes, annotators[j].Classes, scored, options.Thresholds, scratch.Matching);
                    foreach (var pair in scored)
                    {
                        similarities[PairKey(i, pair.Left, j, pair.Right)] = pair.Similarity;
                    }
                }
            }

            if (annotators.Count >= 2)
            {
                if (annotators.Count > ushort.MaxValue || annotators.Exists(a => a.Objects.Count > ushort.MaxValue))
                {
                    throw new InvalidOperationException($"Item '{firstObject.Item}' has more than {ushort.MaxValue} annotators or objects of one annotator.");
                }

                AddConsensus(annotators, similarities, options);
            }
        }
    }

    /// <summary>
    /// Clusters the annotators' objects into consensus objects (<see cref="ConsensusClustering"/>, τ the default
    /// threshold) and adds each as a unit of two fields: existence (every annotator who labeled objects of this data
    /// type on the item says present or absent) and class (the annotators who drew it give its class).
    /// </summary>
    private void AddConsensus(
        List<Drawings> byAnnotator, Dictionary<long, double> similarities, SpatialOptions options)
    {
        // Observation numbers as the clustering counts them (annotators in ordinal order, as byAnnotator is): only the
        // pairs the sweep scored can reach τ.
        var consensus = _scratch!.Consensus;
        var (numbered, candidates) = (consensus.Observations, consensus.Candidates);
        numbered.Clear();
        var first = new int[byAnnotator.Count];
        for (var a = 0; a < first.Length; a++)
        {
            first[a] = numbered.Count;
            for (var o = 0; o < byAnnotator[a].Objects.Count; o++)
            {
                numbered.Add(new Observation(byAnnotator[a].Annotator, o));
            }
        }

        candidates.Clear();
        foreach (var key in similarities.Keys)
        {
            var (x, y) = ObservationsOf(key);
            candidates.Add((first[x.Annotator] + x.Index, first[y.Annotator] + y.Index));
        }

        var clusters = ConsensusClustering.Cluster(
            consensus, (a, b) => Similarity((IndexOf(a.Annotator), a.Index), (IndexOf(b.Annotator), b.Index)), options.Thresholds.Default);
        // Drawings numbered in cluster order; an observation's drawing found by its number as the clustering counts it.
        var drawings = new (int Annotator, int Index)[numbered.Count];
        var drawingOf = new int[drawings.Length];
        var members = new IReadOnlyList<int>[clusters.Length];
        var drawn = 0;
        for (var c = 0; c < clusters.Length; c++)
        {
            var observations = clusters[c].Observations;
            var numbers = new int[observations.Count];
            for (var o = 0; o < numbers.Length; o++)
            {
                var annotator = IndexOf(observations[o].Annotator);
                drawingOf[first[annotator] + observations[o].Index] = numbers[o] = drawn;
                drawings[drawn++] = (annotator, observations[o].Index);
            }

            members[c] = numbers;
        }

        var overlaps = similarities.Select(s =>
        {
            var (one, other) = ObservationsOf(s.Key);
            return (drawingOf[first[one.Annotator] + one.Index], drawingOf[first[other.Annotator] + other.Index], s.Value);
        });
        _geometry.AddItem(members, (a, b) => drawings[a].Annotator == drawings[b].Annotator ? 0 : Similarity(drawings[a], drawings[b]), overlaps);
        // One unit's ratings at a time, and one cluster's attribute names; its observations by index (a list's
        // enumerator through the interface is an object).
        var ratings = new List<Rating>(byAnnotator.Count);
        var names = new List<string>();
        foreach (var cluster in clusters)
        {
            var observations = cluster.Observations;
            ratings.Clear();
            var next = 0;
            foreach (var side in byAnnotator)
            {
                var annotator = side.Annotator;
                // Observations come in annotator order (ordinal, as byAnnotator), one per annotator at most.
                var seen = next < observations.Count && string.Equals(observations[next].Annotator, annotator, StringComparison.Ordinal);
                next += seen ? 1 : 0;
                ratings.Add(new Rating(annotator, seen ? "present" : "absent"));
            }

            _existence.AddUnit(ratings);
            ratings.Clear();
            for (var o = 0; o < observations.Count; o++)
            {
                ratings.Add(new Rating(observations[o].Annotator, ObjectOf(observations[o]).Label));
            }

            _consensusClass.AddUnit(ratings);
            names.Clear();
            for (var o = 0; o < observations.Count; o++)
            {
                foreach (var (name, _) in CompactDictionary.EntriesOf(ObjectOf(observations[o]).Attributes))
                {
                    if (!names.Contains(name) && !IsMeasurementOfAny(observations, name))
                    {
                        names.Add(name);
                    }
                }
            }

            foreach (var name in names)
            {
                ratings.Clear();
                for (var o = 0; o < observations.Count; o++)
                {
                    if (ObjectOf(observations[o]).Attributes?.TryGetValue(name, out var value) == true)
                    {
                        ratings.Add(new Rating(observations[o].Annotator, value));
                    }
                }

                Attribute(name).AddUnit(ratings);
            }
        }

        Annotation ObjectOf(Observation observation) => byAnnotator[IndexOf(observation.Annotator)].Objects[observation.Index];

        bool IsMeasurementOfAny(IReadOnlyList<Observation> observations, string name)
        {
            for (var o = 0; o < observations.Count; o++)
            {
                if (ObjectOf(observations[o]).Measurements?.Contains(name) == true)
                {
                    return true;
                }
            }

            return false;
        }

        // Only pairs the sweep found overlapping were scored; every other pair has similarity 0.
        double Similarity((int Annotator, int Index) a, (int Annotator, int Index) b) =>
            a.Annotator < b.Annotator
                ? similarities.GetValueOrDefault(PairKey(a.Annotator, a.Index, b.Annotator, b.Index))
                : similarities.GetValueOrDefault(PairKey(b.Annotator, b.Index, a.Annotator, a.Index));

        // A search rather than a dictionary keyed by name: an item has a handful of annotators, the clustering weighs
        // every pair of its observations (7,000 an item on the gold benchmark), and the names are the same instances.
        int IndexOf(string annotator)
        {
            var i = 0;
            while (!string.Equals(byAnnotator[i].Annotator, annotator, StringComparison.Ordinal))
            {
                i++;
            }

            return i;
        }
    }

    /// <summary>(annotator i's object a, annotator j's object b) as one integer key: annotators and objects fit in 16 bits each.</summary>
    private static long PairKey(int i, int a, int j, int b) => ((long)((i << 16) | a) << 32) | (uint)((j << 16) | b);

    private static ((int Annotator, int Index) First, (int Annotator, int Index) Second) ObservationsOf(long key)
    {
        var (high, low) = ((int)(key >> 32), (int)(uint)key);
        return ((high >> 16, high & 0xFFFF), ((int)((uint)low >> 16), low & 0xFFFF));
    }

    /// <summary>
    /// Consensus objects as units of each object attribute (e.g. occlusion): the value each annotator who drew it gave.
    /// Measurements (<see cref="Annotation.Measurements"/>) are not ratings and are left out.
    /// </summary>
    public IReadOnlyDictionary<string, RatingPatterns> ConsensusAttributes => _attributes;

    private RatingPatterns Attribute(string name)
    {
        if (!_attributes.TryGetValue(name, out var ratings))
        {
            ratings = new RatingPatterns();
            _attributes[name] = ratings;
        }

        return ratings;
    }

    /// <summary>Alpha of geometry (δ = 1 − IoU) over the consensus objects drawn by two or more annotators.</summary>
    public GeometricAlpha ConsensusGeometry => _geometry;

    /// <summary>Consensus objects as units of existence (present/absent per annotator), for nominal alpha.</summary>
    public RatingPatterns ConsensusExistence => _existence;

    /// <summary>Consensus objects as units of class (the class each annotator who drew it gave), for nominal alpha.</summary>
    public RatingPatterns ConsensusClass => _consensusClass;

    public void Merge(SpatialAudit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (annotator, matrix) in other._againstGold)
        {
            AgainstGold(annotator).Merge(matrix);
        }

        foreach (var (pair, agreement) in other._pairwise)
        {
            Pairwise(pair.A, pair.B).Merge(agreement);
        }

        foreach (var (annotator, (items, objects)) in other._labeled)
        {
            var (i, o) = _labeled.GetValueOrDefault(annotator);
            _labeled[annotator] = (i + items, o + objects);
        }

        foreach (var (goldClass, precision) in other._precision)
        {
            Precision(goldClass).Merge(precision);
        }

        _existence.Merge(other._existence);
        _geometry.Merge(other._geometry);
        _consensusClass.Merge(other._consensusClass);
        foreach (var (name, ratings) in other._attributes)
        {
            Attribute(name).Merge(ratings);
        }
    }

    /// <summary>Geometric precision of the matched pairs, by gold class.</summary>
    public IReadOnlyDictionary<string, GeometricPrecision> PrecisionByClass => _precision;

    /// <summary>Every annotator's comparison with gold, in ordinal order of annotator.</summary>
    public IReadOnlyDictionary<string, ConfusionMatrix> AgainstGoldByAnnotator => _againstGold;

    /// <summary>Every annotator pair (a &lt; b ordinal) that labeled objects on a common item.</summary>
    public IReadOnlyDictionary<(string A, string B), DetectionAgreement> PairwiseAgreement => _pairwise;

    /// <summary>Items on which each annotator labeled objects, and how many objects.</summary>
    public IReadOnlyDictionary<string, (long Items, long Objects)> Labeled => _labeled;

    /// <summary>All annotators' gold comparisons together: the per-class figures and the batch's confusion matrix.</summary>
    public ConfusionMatrix Pooled()
    {
        var pooled = new ConfusionMatrix();
        foreach (var matrix in _againstGold.Values)
        {
            pooled.Merge(matrix);
        }

        return pooled;
    }

    public bool IsEmpty => _labeled.Count == 0;

    public SpatialAuditState ToState() => new(
        _againstGold.ToDictionary(a => a.Key, a => a.Value.ToState(), StringComparer.Ordinal),
        [.. _pairwise.Select(p => new PairAgreementState(p.Key.A, p.Key.B, p.Value.ToState()))],
        _labeled.ToDictionary(l => l.Key, l => new LabeledState(l.Value.Items, l.Value.Objects), StringComparer.Ordinal))
    {
        Precision = _precision.ToDictionary(p => p.Key, p => p.Value.ToState(), StringComparer.Ordinal),
        ConsensusExistence = _existence.ToState(),
        ConsensusClass = _consensusClass.ToState(),
        ConsensusGeometry = _geometry.ToState(),
        ConsensusAttributes = _attributes.ToDictionary(a => a.Key, a => a.Value.ToState(), StringComparer.Ordinal),
    };

    public static SpatialAudit FromState(SpatialAuditState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var audit = new SpatialAudit();
        foreach (var (annotator, matrix) in state.AgainstGold)
        {
            audit._againstGold[annotator] = ConfusionMatrix.FromState(matrix);
        }

        foreach (var pair in state.Pairwise)
        {
            audit._pairwise[(pair.A, pair.B)] = DetectionAgreement.FromState(pair.Agreement);
        }

        foreach (var (annotator, labeled) in state.Labeled)
        {
            audit._labeled[annotator] = (labeled.Items, labeled.Objects);
        }

        foreach (var (goldClass, precision) in state.Precision ?? new Dictionary<string, GeometricPrecisionState>())
        {
            audit._precision[goldClass] = GeometricPrecision.FromState(precision);
        }

        audit._existence = state.ConsensusExistence is { } existence ? RatingPatterns.FromState(existence) : new RatingPatterns();
        audit._consensusClass = state.ConsensusClass is { } classes ? RatingPatterns.FromState(classes) : new RatingPatterns();
        audit._geometry = state.ConsensusGeometry is { } geometry ? GeometricAlpha.FromState(geometry) : new GeometricAlpha();
        foreach (var (name, ratings) in state.ConsensusAttributes ?? new Dictionary<string, RatingPatternsState>())
        {
            audit._attributes[name] = RatingPatterns.FromState(ratings);
        }

        return audit;
    }

    /// <summary>
    /// One item's candidate objects against reference objects of the same data type (boxes with boxes, cuboids with
    /// cuboids), as the gold audit compares them: what a review compares an annotator's objects with.
    /// </summary>
    internal static IReadOnlyList<ObjectOutcome> CompareObjects(IReadOnlyList<Annotation> reference, IReadOnlyList<Annotation> candidate, SpatialOptions options)
    {
        var outcomes = new List<ObjectOutcome>();
        var scratch = new ItemScratch();
        foreach (var kind in ObjectKinds)
        {
            var (expected, given) = (Drawn(reference, kind), Drawn(candidate, kind));
            if (expected.Objects.Count + given.Objects.Count > 0)
            {
                GoldComparison.Compare(
                    expected.Classes, given.Classes, ScoredPairs(expected, given, kind, options, scratch), options.Thresholds, scratch.Matching, scratch.Outcomes);
                outcomes.AddRange(scratch.Outcomes);
            }
        }

        return outcomes;
    }

    private void CompareWithGold(
        string annotator, Drawings goldDrawn, Drawings labeledDrawn, ObjectKind kind, SpatialOptions options, ICollection<EvidencePair>? evidence,
        ItemStrata? strata)
    {
        var scratch = _scratch!;
        var outcomes = scratch.Outcomes;
        GoldComparison.Compare(
            goldDrawn.Classes, labeledDrawn.Classes, ScoredPairs(goldDrawn, labeledDrawn, kind, options, scratch), options.Thresholds, scratch.Matching, outcomes);
        var (gold, labeled) = (goldDrawn.Objects, labeledDrawn.Objects);
        var matrix = AgainstGold(annotator);
        foreach (var outcome in outcomes)
        {
            matrix.Add(outcome);
            if (outcome is { Reference: { } r, Candidate: { } c })
            {
                Precision(outcome.ReferenceClass!).Add(gold[r], labeled[c], outcome.Similarity);
            }
        }

        if (evidence is null)
        {
            return;
        }

        foreach (var outcome in outcomes)
        {
            var reference = outcome.Reference is { } r ? gold[r] : null;
            var candidate = outcome.Candidate is { } c ? labeled[c] : null;
            evidence.Add(new EvidencePair(
                (reference ?? candidate)!.Item,
                kind == ObjectKind.Box ? "box2d" : "cuboid",
                Outcome(outcome.Outcome),
                reference?.Annotator,
                reference?.Id ?? reference?.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                annotator,
                candidate?.Id ?? candidate?.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                outcome.ReferenceClass,
                outcome.CandidateClass,
                double.IsNaN(outcome.Similarity) ? null : outcome.Similarity,
                reference is null || candidate is null ? null : AttributeDifferences(reference, candidate))
            {
                Strata = strata?.Of((reference ?? candidate)!, annotator, (outcome.ReferenceClass ?? outcome.CandidateClass)!, scratch.Levels),
            });
        }
    }

    private static string Outcome(MatchOutcome outcome) => outcome switch
    {
        MatchOutcome.TruePositive => "match",
        MatchOutcome.Misclassified => "misclassified",
        MatchOutcome.Missed => "missed",
        _ => "extra",
    };

    /// <summary>Attributes whose values differ (or exist on one side only), as gold → annotator, in ordinal order of name.</summary>
    private static SortedAttributeDifferences? AttributeDifferences(Annotation reference, Annotation candidate)
    {
        // Counted first and written into one array of that size: most matched pairs differ in no attribute, the rest in
        // one or two.
        var goldEntries = CompactDictionary.EntriesOf(reference.Attributes);
        var givenEntries = CompactDictionary.EntriesOf(candidate.Attributes);
        var count = 0;
        foreach (var (name, gold) in goldEntries)
        {
            count += string.Equals(gold, ValueOf(candidate, name), StringComparison.Ordinal) ? 0 : 1;
        }

        foreach (var (name, _) in givenEntries)
        {
            count += reference.Attributes?.ContainsKey(name) == true ? 0 : 1;
        }

        if (count == 0)
        {
            return null;
        }

        var differences = new KeyValuePair<string, string?[]>[count];
        count = 0;
        foreach (var (name, gold) in goldEntries)
        {
            var given = ValueOf(candidate, name);
            if (!string.Equals(gold, given, StringComparison.Ordinal))
            {
                differences[count++] = new(name, [gold, given]);
            }
        }

        foreach (var (name, given) in givenEntries)
        {
            if (reference.Attributes?.ContainsKey(name) != true)
            {
                differences[count++] = new(name, [null, given]);
            }
        }

        differences.AsSpan().Sort(static (x, y) => string.CompareOrdinal(x.Key, y.Key));
        return new SortedAttributeDifferences(differences);

        static string? ValueOf(Annotation subject, string name) => subject.Attributes?.TryGetValue(name, out var value) == true ? value : null;
    }

    /// <summary>
    /// One side's objects of one data type (an annotator's, or gold's) with their classes and footprints, computed once
    /// for every comparison they enter; reused item after item (<see cref="ItemScratch"/>).
    /// </summary>
    internal sealed class Drawings
    {
        /// <summary>Whose objects these are; empty for gold.</summary>
        public string Annotator { get; set; } = "";

        public List<Annotation> Objects { get; } = [];

        public List<string> Classes { get; } = [];

        public List<RotatedRectangle> Footprints { get; } = [];

        public void Clear()
        {
            Objects.Clear();
            Classes.Clear();
            Footprints.Clear();
        }

        public void Add(Annotation drawn, ObjectKind kind)
        {
            Objects.Add(drawn);
            Classes.Add(drawn.Label);
            Footprints.Add(kind == ObjectKind.Box ? drawn.Box!.ToRotatedRectangle() : drawn.Cuboid!.Footprint);
        }
    }

    private static Drawings Drawn(IReadOnlyList<Annotation> objects, ObjectKind kind)
    {
        var drawn = new Drawings();
        foreach (var drawing in objects)
        {
            if (KindOf(drawing) == kind)
            {
                drawn.Add(drawing, kind);
            }
        }

        return drawn;
    }

    /// <summary>
    /// IoU of the pairs whose footprints' bounding circles overlap (<see cref="SweepAndPrune"/>); every other pair has
    /// IoU 0 and is never computed, so a frame of 40 × 40 objects costs a few dozen exact intersections, not 1,600.
    /// </summary>
    /// <returns>The scored pairs, in <paramref name="scratch"/> until its next use.</returns>
    private static ReadOnlySpan<ScoredPair> ScoredPairs(Drawings firstDrawn, Drawings secondDrawn, ObjectKind kind, SpatialOptions options, ItemScratch scratch)
    {
        var candidates = scratch.Candidates;
        scratch.Sweep.Candidates(CollectionsMarshal.AsSpan(firstDrawn.Footprints), CollectionsMarshal.AsSpan(secondDrawn.Footprints), candidates);
        var (first, second) = (firstDrawn.Objects, secondDrawn.Objects);
        var scored = scratch.Scored;
        scored.Clear();
        foreach (var candidate in candidates)
        {
            var iou = Similarity(first[candidate.First], second[candidate.Second], kind, options);
            if (iou > 0)
            {
                scored.Add(new ScoredPair(candidate.First, candidate.Second, iou));
            }
        }

        return CollectionsMarshal.AsSpan(scored);
    }

    private static double Similarity(Annotation a, Annotation b, ObjectKind kind, SpatialOptions options) => kind == ObjectKind.Box
        ? IntersectionOverUnion.Of(a.Box!, b.Box!)
        : IntersectionOverUnion.Of(a.Cuboid!, b.Cuboid!, options.CuboidMode);

    private static readonly ObjectKind[] ObjectKinds = [ObjectKind.Box, ObjectKind.Cuboid];

    private static ObjectKind? KindOf(Annotation a) => a.Box is not null ? ObjectKind.Box : a.Cuboid is not null ? ObjectKind.Cuboid : null;

    private ConfusionMatrix AgainstGold(string annotator)
    {
        if (!_againstGold.TryGetValue(annotator, out var matrix))
        {
            matrix = new ConfusionMatrix();
            _againstGold[annotator] = matrix;
        }

        return matrix;
    }

    private GeometricPrecision Precision(string goldClass)
    {
        if (!_precision.TryGetValue(goldClass, out var precision))
        {
            precision = new GeometricPrecision();
            _precision[goldClass] = precision;
        }

        return precision;
    }

    private DetectionAgreement Pairwise(string a, string b)
    {
        if (!_pairwise.TryGetValue((a, b), out var agreement))
        {
            agreement = DetectionAgreement.FromState(new DetectionAgreementState(0, 0, 0, 0, []));
            _pairwise[(a, b)] = agreement;
        }

        return agreement;
    }

    internal enum ObjectKind
    {
        Box,
        Cuboid,
    }
}

/// <summary>
/// One row of the evidence export: a matched pair (<c>match</c> or <c>misclassified</c>), a gold object the annotator
/// <c>missed</c>, or an <c>extra</c> object; ids are the objects' ids, else their line in the delivery.
/// </summary>
public sealed record EvidencePair(
    string Item,
    string DataType,
    string Outcome,
    string? GoldAnnotator,
    string? GoldObject,
    string Annotator,
    string? AnnotatorObject,
    string? GoldClass,
    string? AnnotatorClass,
    double? Iou,
    IReadOnlyDictionary<string, string?[]>? AttributeDifferences)
{
    /// <summary>Where the outcome falls (class, range, size, tags, attributes, annotator, delivery metadata); null when not computed.</summary>
    public ObjectStrata? Strata { get; init; }
}

/// <summary>Persisted form of a <see cref="SpatialAudit"/>.</summary>
public sealed record SpatialAuditState(
    IReadOnlyDictionary<string, ConfusionMatrixState> AgainstGold,
    IReadOnlyList<PairAgreementState> Pairwise,
    IReadOnlyDictionary<string, LabeledState> Labeled)
{
    public IReadOnlyDictionary<string, GeometricPrecisionState>? Precision { get; init; }

    public RatingPatternsState? ConsensusExistence { get; init; }

    public RatingPatternsState? ConsensusClass { get; init; }

    public GeometricAlphaState? ConsensusGeometry { get; init; }

    public IReadOnlyDictionary<string, RatingPatternsState>? ConsensusAttributes { get; init; }
}

public sealed record PairAgreementState(string A, string B, DetectionAgreementState Agreement);

public sealed record LabeledState(long Items, long Objects);
