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

    /// <summary>Per attribute: matched pairs where both carry it, and those where the values agree.</summary>
    public SortedDictionary<string, (long Compared, long Agreed)> Attributes { get; private init; } = new(StringComparer.Ordinal);

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
            AddRatios(CuboidDimensions, [error.LengthRatio, error.WidthRatio, error.HeightRatio]);
            HeadingError.Add(Math.Abs(error.HeadingErrorModuloPi) * 180 / Math.PI);
            HeadingFlips += error.IsHeadingFlipped ? 1 : 0;
        }
        else if (reference.Box is { } goldBox && candidate.Box is { } drawnBox)
        {
            var error = Box2DError.Between(drawnBox, goldBox);
            CentreOffset.Add(error.CentreOffset);
            AddRatios(BoxDimensions, [error.WidthRatio, error.HeightRatio]);
        }

        foreach (var (name, value) in reference.Attributes ?? new Dictionary<string, string>())
        {
            if (candidate.Attributes?.GetValueOrDefault(name) is { } given)
            {
                var (compared, agreed) = Attributes.GetValueOrDefault(name);
                Attributes[name] = (compared + 1, agreed + (string.Equals(value, given, StringComparison.Ordinal) ? 1 : 0));
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

        foreach (var (name, (compared, agreed)) in other.Attributes)
        {
            var (c, a) = Attributes.GetValueOrDefault(name);
            Attributes[name] = (c + compared, a + agreed);
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
            precision.Attributes[name] = (counts[0], counts[1]);
        }

        return precision;
    }

    private void AddRatios(string[] dimensions, double[] ratios)
    {
        for (var d = 0; d < dimensions.Length; d++)
        {
            Size(dimensions[d]).Add(Math.Abs(ratios[d] - 1));
        }
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
