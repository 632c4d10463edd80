namespace Quality.Domain.Sampling;

/// <summary>The names the standard prints for inspection levels and severities (<c>S-1</c>, <c>II</c>, <c>tightened</c>), as standards and the command line spell them.</summary>
public static class InspectionLevelNames
{
    private static readonly Dictionary<string, InspectionLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["S-1"] = InspectionLevel.S1, ["S-2"] = InspectionLevel.S2, ["S-3"] = InspectionLevel.S3, ["S-4"] = InspectionLevel.S4,
        ["I"] = InspectionLevel.I, ["II"] = InspectionLevel.II, ["III"] = InspectionLevel.III,
    };

    public static bool TryParse(string name, out InspectionLevel level) => Levels.TryGetValue(name, out level);

    public static InspectionLevel Parse(string name) => TryParse(name, out var level)
        ? level
        : throw new ArgumentException($"'{name}' is not an inspection level (I, II, III, S-1, S-2, S-3, S-4).", nameof(name));

    public static string Name(InspectionLevel level) => Levels.First(l => l.Value == level).Key;

    public static bool TryParseSeverity(string name, out InspectionSeverity severity) =>
        Enum.TryParse(name, ignoreCase: true, out severity) && Enum.IsDefined(severity) && !int.TryParse(name, out _);

    public static string Name(InspectionSeverity severity) => severity.ToString().ToLowerInvariant();
}
