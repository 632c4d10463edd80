namespace Quality.Tests.Shared;

/// <summary>Data sets of statistics-vectors.md §6, with their sources; the domain's chart tests and the CLI's spc tests share them.</summary>
internal static class SpcData
{
    /// <summary>§6.1: R qcc <c>orangejuice</c> Phase I (Montgomery, Introduction to SQC 2nd ed. pp. 152–155), 30 samples of n = 50.</summary>
    public static readonly double[] OrangeJuiceCounts =
        [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6];

    /// <summary>§6.1: the 24 Phase II samples of n = 50 after adjustment.</summary>
    public static readonly double[] OrangeJuicePhaseIICounts =
        [9, 6, 12, 5, 6, 4, 6, 3, 7, 6, 2, 4, 3, 6, 5, 4, 8, 5, 6, 7, 5, 6, 3, 5];

    /// <summary>§6.2: NIST e-Handbook §6.3.3.1 wafer defects, 25 wafers.</summary>
    public static readonly double[] WaferDefects =
        [16, 14, 28, 16, 12, 20, 10, 12, 10, 17, 19, 17, 14, 16, 15, 13, 14, 16, 11, 20, 11, 19, 16, 31, 13];

    /// <summary>§6.2: qcc <c>circuit</c> (Montgomery), Phase I = first 26 samples.</summary>
    public static readonly double[] CircuitDefects =
        [21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15];

    /// <summary>§6.3: qcc <c>dyedcloth</c> defects and inspection units.</summary>
    public static readonly double[] DyedClothCounts = [14, 12, 20, 11, 7, 10, 21, 16, 19, 23];

    /// <summary>§6.3: qcc <c>dyedcloth</c> inspection units (variable).</summary>
    public static readonly double[] DyedClothSizes = [10, 8, 13, 10, 9.5, 10, 12, 10.5, 12, 12.5];

    /// <summary>§6.4: NIST/SEMATECH e-Handbook §6.3.2.4 EWMA example, 20 observations.</summary>
    public static readonly double[] NistEwma =
    [
        52.0, 47.0, 53.0, 49.3, 50.1, 47.0, 51.0, 50.1, 51.2, 50.5,
        49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1,
    ];

    /// <summary>§6.5: NIST/SEMATECH e-Handbook §6.3.2.3 CUSUM example, 20 observations.</summary>
    public static readonly double[] NistCusum =
    [
        324.93, 324.68, 324.73, 324.35, 325.35, 325.23, 324.13, 324.53, 325.23, 324.60,
        324.63, 325.15, 328.33, 327.25, 327.83, 328.50, 326.68, 327.78, 326.88, 328.35,
    ];

    public static double[] Sizes(int count, double size) => Enumerable.Repeat(size, count).ToArray();

    public static int[] Signalled(Quality.Domain.Spc.ControlChartResult chart) =>
        chart.Signals.SelectMany(s => s.Points).ToArray();
}
