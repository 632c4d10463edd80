namespace Quality.Domain.Spc.Series;

/// <summary>The names of <see cref="ChartKind"/> on the command line and in the API: p, laney-p, u, laney-u, imr, ewma, cusum.</summary>
public static class ChartKinds
{
    private static readonly NameTable<ChartKind> Names = new(
        "chart",
        (ChartKind.P, "p"),
        (ChartKind.LaneyP, "laney-p"),
        (ChartKind.U, "u"),
        (ChartKind.LaneyU, "laney-u"),
        (ChartKind.Individuals, "imr"),
        (ChartKind.Ewma, "ewma"),
        (ChartKind.Cusum, "cusum"));

    /// <summary>Every name, in declaration order.</summary>
    public static IReadOnlyList<string> All => Names.All;

    /// <summary>Parses a name, ignoring case and surrounding white space.</summary>
    public static bool TryParse(string? name, out ChartKind kind) => Names.TryParse(name, out kind);

    /// <exception cref="ArgumentException">Not one of <see cref="All"/>.</exception>
    public static ChartKind Parse(string name) => Names.Parse(name);

    public static string ToName(this ChartKind kind) => Names.Name(kind);

    /// <summary>True for the p, u and Laney charts, which read Count and Size; false for those that read Value.</summary>
    public static bool IsAttribute(this ChartKind kind) => kind is ChartKind.P or ChartKind.LaneyP or ChartKind.U or ChartKind.LaneyU;

    /// <summary>True for the p and Laney p′ charts, whose counts may not exceed their sizes.</summary>
    public static bool IsProportion(this ChartKind kind) => kind is ChartKind.P or ChartKind.LaneyP;
}
