using System.Runtime.InteropServices;
using Quality.Domain.Annotations;
using Quality.Domain.Geometry;

namespace Quality.Domain.Audit;

/// <summary>
/// How precisely the matched objects of one gold class were drawn: distributions of IoU, centre offset (BEV metres for
/// cuboids, pixels for 2D boxes), |size ratio − 1| per dimension and absolute heading error modulo π in degrees,
/// plus flipped headings counted apart (a box drawn backwards is its own error type) and attribute agreement.
/// </summary>
public sealed class GeometricPrecision
{
    /// <summary>Bin widths, hence the quantiles' resolution (half of these): IoU 0.001, offset 0.01, ratio 0.001, heading 0.1°.</summary>
    public const double IouBin = 0.001, OffsetBin = 0.01, RatioBin = 0.001, HeadingBin = 0.1;

    private static readonly string[] CuboidDimensions = ["length", "width", "height"];
    private static readonly string[] BoxDimensions = ["width", "height"];

    public BinnedDistribution Iou { get; private init; } = new(IouBin);

    public BinnedDistribution CentreOffset { get; private init; } = new(OffsetBin);

    public SortedDictionary<string, BinnedDistribution> SizeError { get; private init; } = new(StringComparer.Ordinal);

    public BinnedDistribution HeadingError { get; private init; } = new(HeadingBin);

    public long HeadingFlips { get; private set; }

    /// <summary>Per attribute, in ordinal order of name: matched pairs where both carry it, and those where the values agree.</summary>
    public IReadOnlyDictionary<string, (long Compared, long Agreed)> Attributes =>
        new SortedDictionary<string, (long, long)>(_attributes.ToDictionary(a => a.Name, a => (a.Compared, a.Agreed), StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>
    /// The attribute tallies in the order first seen, found by a search: a class has a handful of attributes and every
    /// matched pair adds to each, where a sorted tree's two walks per attribute were about a sixth of the gold comparison.
    /// </summary>
    private readonly List<(string Name, long Compared, long Agreed)> _attributes = [];

    /// <summary>The size errors of a cuboid's (length, width, height) or a box's (width, height), found once.</summary>
    private BinnedDistribution[]? _cuboidSizes, _boxSizes;

    /// <summary>One matched pair: <paramref name="candidate"/> drawn for <paramref name="reference"/> (gold).</summary>
    public void Add(Annotation reference, Annotation candidate, double iou)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        Iou.Add(iou);
        if (reference.Cuboid is { } gold && candidate.Cuboid is { } drawn)
        {
            var error = CuboidError.Between(drawn, gold);
            CentreOffset.Add(error.CentreOffsetBev);
            var sizes = _cuboidSizes ??= Sizes(CuboidDimensions);
            AddRatio(sizes[0], error.LengthRatio);
            AddRatio(sizes[1], error.WidthRatio);
            AddRatio(sizes[2], error.HeightRatio);
            HeadingError.Add(Math.Abs(error.HeadingErrorModuloPi) * 180 / Math.PI);
            HeadingFlips += error.IsHeadingFlipped ? 1 : 0;
        }
        else if (reference.Box is { } goldBox && candidate.Box is { } drawnBox)
        {
            var error = Box2DError.Between(drawnBox, goldBox);
            CentreOffset.Add(error.CentreOffset);
            var sizes = _boxSizes ??= Sizes(BoxDimensions);
            AddRatio(sizes[0], error.WidthRatio);
            AddRatio(sizes[1], error.HeightRatio);
        }

        foreach (var (name, value) in CompactDictionary.EntriesOf(reference.Attributes))
        {
            if (candidate.Attributes?.TryGetValue(name, out var given) == true && given is not null)
            {
                AddAttribute(name, 1, string.Equals(value, given, StringComparison.Ordinal) ? 1 : 0);
            }
        }
    }

    public void Merge(GeometricPrecision other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Iou.Merge(other.Iou);
        CentreOffset.Merge(other.CentreOffset);
        HeadingError.Merge(other.HeadingError);
        HeadingFlips += other.HeadingFlips;
        foreach (var (dimension, distribution) in other.SizeError)
        {
            Size(dimension).Merge(distribution);
        }

        foreach (var (name, compared, agreed) in other._attributes)
        {
            AddAttribute(name, compared, agreed);
        }
    }

    public GeometricPrecisionState ToState() => new(
        Iou.ToState(), CentreOffset.ToState(), SizeError.ToDictionary(s => s.Key, s => s.Value.ToState(), StringComparer.Ordinal),
        HeadingError.ToState(), HeadingFlips, Attributes.ToDictionary(a => a.Key, a => new[] { a.Value.Compared, a.Value.Agreed }, StringComparer.Ordinal));

    public static GeometricPrecision FromState(GeometricPrecisionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var precision = new GeometricPrecision
        {
            Iou = BinnedDistribution.FromState(state.Iou),
            CentreOffset = BinnedDistribution.FromState(state.CentreOffset),
            HeadingError = BinnedDistribution.FromState(state.HeadingError),
            HeadingFlips = state.HeadingFlips,
        };
        foreach (var (dimension, distribution) in state.SizeError)
        {
            precision.SizeError[dimension] = BinnedDistribution.FromState(distribution);
        }

        foreach (var (name, counts) in state.Attributes)
        {
            precision.AddAttribute(name, counts[0], counts[1]);
        }

        return precision;
    }

    private static void AddRatio(BinnedDistribution sizeError, double ratio) => sizeError.Add(Math.Abs(ratio - 1));

    private BinnedDistribution[] Sizes(string[] dimensions) => [.. dimensions.Select(Size)];

    private void AddAttribute(string name, long compared, long agreed)
    {
        var tallies = CollectionsMarshal.AsSpan(_attributes);
        for (var a = 0; a < tallies.Length; a++)
        {
            if (string.Equals(tallies[a].Name, name, StringComparison.Ordinal))
            {
                tallies[a].Compared += compared;
                tallies[a].Agreed += agreed;
                return;
            }
        }

        _attributes.Add((name, compared, agreed));
    }

    private BinnedDistribution Size(string dimension)
    {
        if (!SizeError.TryGetValue(dimension, out var distribution))
        {
            distribution = new BinnedDistribution(RatioBin);
            SizeError[dimension] = distribution;
        }

        return distribution;
    }
}

/// <summary>Persisted form of a <see cref="GeometricPrecision"/>.</summary>
public sealed record GeometricPrecisionState(
    BinnedDistributionState Iou,
    BinnedDistributionState CentreOffset,
    IReadOnlyDictionary<string, BinnedDistributionState> SizeError,
    BinnedDistributionState HeadingError,
    long HeadingFlips,
    IReadOnlyDictionary<string, long[]> Attributes);
