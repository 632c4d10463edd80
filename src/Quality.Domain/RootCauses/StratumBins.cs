using System.Globalization;

namespace Quality.Domain.RootCauses;

/// <summary>The bins of the measured strata; docs/findings.md states the same.</summary>
/// <remarks>
/// Range from ego: [0, 20), [20, 40), [40, 60), ≥ 60 m — a lidar's point density falls with the square of range, and
/// 20 m steps separate the near field, the typical following distance, and the far field where objects have few points.
/// Cuboid volume: &lt; 1 m³ (pedestrians, cones), [1, 5) (cyclists, motorcycles), [5, 20) (cars), ≥ 20 m³ (trucks,
/// buses). Box area: COCO's small (&lt; 32² px), medium ([32², 96²)) and large (≥ 96²) (Lin et al. 2014, the COCO
/// detection evaluation).
/// </remarks>
public static class StratumBins
{
    private static readonly double[] RangeEdges = [20, 40, 60];
    private static readonly double[] VolumeEdges = [1, 5, 20];

    // Labelled once: every gold comparison outcome of a delivery names its bins (160,000 on the gold benchmark).
    private static readonly string[] RangeLabels = Labels(RangeEdges, "m");
    private static readonly string[] VolumeLabels = Labels(VolumeEdges, "m³");

    public static string Range(double metres) => Bin(metres, RangeEdges, RangeLabels);

    public static string CuboidSize(double volume) => Bin(volume, VolumeEdges, VolumeLabels);

    public static string BoxSize(double area) => area < 32 * 32 ? "small (<32² px)" : area < 96 * 96 ? "medium (32²–96² px)" : "large (≥96² px)";

    /// <summary>The label of the first bin whose upper edge lies above <paramref name="value"/>, else of the open last bin.</summary>
    private static string Bin(double value, double[] edges, string[] labels)
    {
        for (var i = 0; i < edges.Length; i++)
        {
            if (value < edges[i])
            {
                return labels[i];
            }
        }

        return labels[^1];
    }

    /// <summary>"0–20 m", "20–40 m", …, "≥60 m": labels that sort as the bins do within the lowest decade.</summary>
    private static string[] Labels(double[] edges, string unit) =>
    [
        .. edges.Select((edge, i) => string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? 0.0 : edges[i - 1])}–{edge} {unit}")),
        string.Create(CultureInfo.InvariantCulture, $"≥{(edges.Length == 0 ? 0.0 : edges[^1])} {unit}"),
    ];
}
